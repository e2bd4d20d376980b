import type { TransportCapabilities } from '@tidings/core';

const MB = 1024 * 1024;

/**
 * Telegram's documented limits (PLATFORMS.md §2.2, §2.5): uploads of 10 MB for photos and 50 MB otherwise,
 * about 30 messages/s per bot and 1/s per chat, no receipts, no service window, no templates.
 */
export const telegramCapabilities: TransportCapabilities = {
  addressKind: 'opaque',
  textMaxLength: 4096,
  captionMaxLength: 1024,
  media: {
    image: { maxBytes: 10 * MB, mimeTypes: ['image/jpeg', 'image/png', 'image/webp'] },
    audio: { maxBytes: 50 * MB, mimeTypes: ['audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/ogg'] },
    video: { maxBytes: 50 * MB, mimeTypes: ['video/mp4'] },
    document: {
      maxBytes: 50 * MB,
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
  perSenderPerSecond: 30,
  perRecipientGapMs: 1000,
  dailyUniqueRecipients: null,
  readReceipts: false,
  serviceWindowMs: null,
  templates: false,
};
