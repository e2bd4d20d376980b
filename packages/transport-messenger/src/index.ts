export { mediaCallsPerSecond, messengerCapabilities } from './capabilities.js';
export {
  appSecretProof,
  type GraphApi,
  type GraphError,
  type GraphResult,
  graphApi,
  type SendResponse,
  waitHint,
} from './graph-api.js';
export { type MessagingLabel, messagingLabel } from './messaging-type.js';
export { type MessengerTransport, messengerTransport } from './messenger-transport.js';
export { mMeLink, refMaxLength } from './optin-link.js';
export type { MessengerPage, MessengerTransportOptions } from './options.js';
export { type PageRef, toOutcome } from './outcome.js';
export { type MessageBody, messageBodies, quickReplyLimits } from './send-request.js';
export { signatureHeader, signBody, verifySignature } from './signature.js';
export { echoMarker, type MessagingItem, type PageWebhook, toEvents } from './webhook-events.js';
