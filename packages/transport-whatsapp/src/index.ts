export { whatsappCapabilities } from './capabilities.js';
export { waMeLink } from './deep-link.js';
export type { GraphError, GraphResult } from './graph-api.js';
export type { WhatsAppSender, WhatsAppTransportOptions } from './options.js';
export { type SendResponse, toOutcome } from './outcome.js';
export { markReadBody, messageBodies, replyButtons, templateObject } from './send-request.js';
export {
  type SignatureCheck,
  signatureCheck,
  signatureHeader,
  signBody,
  verifySignature,
} from './signature.js';
export { toEvents } from './webhook-events.js';
export type * from './webhook-payload.js';
export { type WhatsAppTransport, whatsappTransport } from './whatsapp-transport.js';
