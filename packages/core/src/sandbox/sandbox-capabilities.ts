import type { TransportCapabilities } from '../ports/transport.js';

const MB = 1024 * 1024;

/** Media limits as in FEATURES.md F15; no pacing by default. */

export const sandboxCapabilities: TransportCapabilities = {
  addressKind: 'phone',
  textMaxLength: 4096,
  captionMaxLength: 1024,
  media: {
    image: { maxBytes: 2 * MB, mimeTypes: ['image/jpeg', 'image/png'], maxWidth: 1600, maxHeight: 1600 },
    audio: { maxBytes: 10 * MB, mimeTypes: ['audio/aac', 'audio/mpeg', 'audio/mp4'] },
    video: { maxBytes: 10 * MB, mimeTypes: ['video/mp4'] },
    document: { maxBytes: 10 * MB, mimeTypes: ['application/pdf'] },
  },
  // Unlimited unless a test or demo sets `pacing: { sandbox: {...} }`: the sandbox never slows anything down.
  perSenderPerSecond: Number.POSITIVE_INFINITY,

  perRecipientGapMs: 0,
  dailyUniqueRecipients: null,
  readReceipts: true,
  serviceWindowMs: null,
  templates: false,
};
