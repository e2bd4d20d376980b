export { type SmtpNotifier, type SmtpNotifierOptions, smtpNotifier } from './smtp-notifier.js';
