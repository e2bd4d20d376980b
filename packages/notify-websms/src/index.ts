export { type WebsmsNotifierOptions, websmsNotifier } from './websms-notifier.js';
