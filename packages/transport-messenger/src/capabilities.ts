import type { TransportCapabilities } from '@tidings/core';

const MB = 1024 * 1024;
const HOUR = 60 * 60 * 1000;

/** Calls per second per page for audio and video (PLATFORMS.md §3.3); text and the rest may go at 300/s. */
export const mediaCallsPerSecond = 10;

/**
 * The Messenger Platform's documented limits (PLATFORMS.md §3): text ≤ 2,000 characters, attachments ≤ 25 MB (8 MB
 * for images fetched by URL), 300 calls/s per page, read and delivery watermarks, the 24-hour window, and the
 * HUMAN_AGENT tag that lets a person answer for 7 days. Messenger has no templates in Tidings' sense.
 */
export const messengerCapabilities: TransportCapabilities = {
  addressKind: 'opaque',
  textMaxLength: 2000,
  // An attachment carries no caption on Messenger: the text goes as a message of its own, so its limit is the text's.
  captionMaxLength: 2000,
  media: {
    image: { maxBytes: 8 * MB, mimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] },
    audio: {
      maxBytes: 25 * MB,
      mimeTypes: ['audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/ogg', 'audio/wav'],
    },
    video: { maxBytes: 25 * MB, mimeTypes: ['video/mp4', 'video/quicktime', 'video/webm'] },
    document: {
      maxBytes: 25 * MB,
      mimeTypes: [
        'application/pdf',
        'application/zip',
        'text/plain',
        'text/csv',
        'application/msword',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.ms-excel',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
    },
  },
  perSenderPerSecond: 300,
  perRecipientGapMs: 0,
  dailyUniqueRecipients: null,
  readReceipts: true,
  serviceWindowMs: 24 * HOUR,
  agentWindowMs: 7 * 24 * HOUR,
  templates: false,
};
