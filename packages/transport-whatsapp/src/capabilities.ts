import type { TransportCapabilities } from '@tidings/core';

const MB = 1024 * 1024;
const DAY = 24 * 60 * 60 * 1000;

/**
 * WhatsApp's documented limits (PLATFORMS.md §1.7, §1.8): text 4,096, captions 1,024, media sizes by kind, a 24-hour
 * service window with templates outside it, read receipts. Rates come from the options (80/s, 6 s per person).
 */
export function whatsappCapabilities(limits: {
  perSenderPerSecond: number;
  perRecipientGapMs: number;
  dailyUniqueRecipients: number | null;
}): TransportCapabilities {
  return {
    addressKind: 'phone',
    textMaxLength: 4096,
    captionMaxLength: 1024,
    media: {
      image: { maxBytes: 5 * MB, mimeTypes: ['image/jpeg', 'image/png'] },
      audio: {
        maxBytes: 16 * MB,
        mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
      },
      video: { maxBytes: 16 * MB, mimeTypes: ['video/mp4', 'video/3gpp'] },
      document: {
        maxBytes: 100 * MB,
        mimeTypes: [
          'application/pdf',
          'text/plain',
          'text/csv',
          'application/msword',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/vnd.ms-excel',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'application/vnd.ms-powerpoint',
          'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        ],
      },
    },
    perSenderPerSecond: limits.perSenderPerSecond,
    perRecipientGapMs: limits.perRecipientGapMs,
    dailyUniqueRecipients: limits.dailyUniqueRecipients,
    readReceipts: true,
    serviceWindowMs: DAY,
    templates: true,
  };
}

export const serviceWindowMs = DAY;
