/** A Bot API error as the fake answers it: the HTTP status equals `error_code` (PLATFORMS.md §2.1). */
export class FakeApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
  }
}

/** The descriptions Telegram really sends (PLATFORMS.md §2.3), kept exact: clients match on them. */
export const fakeErrors = {
  notFound: () => new FakeApiError(404, 'Not Found'),
  methodNotFound: () => new FakeApiError(404, 'Not Found: method not found'),
  unauthorized: () => new FakeApiError(401, 'Unauthorized'),
  chatIdEmpty: () => new FakeApiError(400, 'Bad Request: chat_id is empty'),
  chatNotFound: () => new FakeApiError(400, 'Bad Request: chat not found'),
  textEmpty: () => new FakeApiError(400, 'Bad Request: message text is empty'),
  textTooLong: () => new FakeApiError(400, 'Bad Request: message is too long'),
  captionTooLong: () => new FakeApiError(400, 'Bad Request: message caption is too long'),
  noFile: (field: string) => new FakeApiError(400, `Bad Request: there is no ${field} in the request`),
  badJson: () => new FakeApiError(400, "Bad Request: can't parse JSON"),
  badWebhook: (why: string) => new FakeApiError(400, `Bad Request: bad webhook: ${why}`),
  badSecret: () => new FakeApiError(400, 'Bad Request: secret token contains unallowed characters'),
  blocked: () => new FakeApiError(403, 'Forbidden: bot was blocked by the user'),
  cantInitiate: () => new FakeApiError(403, "Forbidden: bot can't initiate conversation with a user"),
  deactivated: () => new FakeApiError(403, 'Forbidden: user is deactivated'),
  tooManyRequests: (seconds: number) =>
    new FakeApiError(429, `Too Many Requests: retry after ${seconds}`, { retry_after: seconds }),
  webhookActive: () =>
    new FakeApiError(
      409,
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    ),
  otherPoller: () =>
    new FakeApiError(
      409,
      'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    ),
  server: (status: number) =>
    new FakeApiError(
      status,
      status === 502 ? 'Bad Gateway' : status === 503 ? 'Service Unavailable' : 'Internal Server Error',
    ),
};
