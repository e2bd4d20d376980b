export type { ForwardEvent, ForwardEventType } from './forward-event.js';
export { signatureHeader, signForward, verifyForwardSignature } from './forward-signature.js';
export type { ForwardingOptions } from './forwarding-options.js';
export type { EmailNotifier, ForwardEmail, ForwardSms, SmsNotifier } from './notifiers.js';
