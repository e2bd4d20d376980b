/** Every stable error code a {@link TidingsError} can carry. Codes never change meaning once released. */
export const errorCodes = [
  'INVALID_OPTIONS',
  'INVALID_INPUT',
  'INVALID_RULES',

  'INVALID_PHONE',
  'UNKNOWN_CHANNEL',
  'UNKNOWN_TRANSPORT',
  'CHANNEL_CONFLICT',
  'CHANNEL_LIMIT',
  'NOT_FOUND',
  'SENDER_POOL_FULL',
  'CONSENT_REQUIRED',
  /** The messenger's reply window is closed and nothing (template, HUMAN_AGENT) lets a reply out. */
  'WINDOW_CLOSED',
  /** Outside the window on a messenger with templates: the reply needs `options.template`. */
  'TEMPLATE_REQUIRED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'MALFORMED_BODY',
  'SIGNATURE_INVALID',
  'TRANSPORT_FAILED',
  'STORE_FAILED',
] as const;

export type ErrorCode = (typeof errorCodes)[number];
