/** A Graph API error as the fake answers it (PLATFORMS.md §1.4): Meta's envelope, the code that matters. */
export class FakeGraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly title: string,
    readonly details: string,
    readonly type = 'OAuthException',
    readonly retryAfterSeconds?: number,
  ) {
    super(`(#${code}) ${title}`);
  }

  envelope(traceId: string) {
    return {
      error: {
        message: this.message,
        type: this.type,
        code: this.code,
        error_data: { messaging_product: 'whatsapp', details: this.details },
        fbtrace_id: traceId,
      },
    };
  }

  /** The same error as it appears in a failed status webhook. */
  statusError() {
    return {
      code: this.code,
      title: this.title,
      message: this.title,
      error_data: { details: this.details },
      href: '/documentation/business-messaging/whatsapp/support/error-codes',
    };
  }
}

/** Meta's codes and wording for what the fake enforces; `throttleStatus` is configurable (copies disagree). */
export const fakeErrors = {
  badToken: () =>
    new FakeGraphError(
      401,
      190,
      'Invalid OAuth access token - Cannot parse access token',
      'Invalid OAuth access token.',
    ),
  unknownNumber: (id: string) =>
    new FakeGraphError(
      400,
      100,
      `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
      'Invalid parameter',
      'GraphMethodException',
    ),
  invalidParameter: (details: string) => new FakeGraphError(400, 100, 'Invalid parameter', details),
  throughput: (status: number, retryAfterSeconds?: number) =>
    new FakeGraphError(
      status,
      130429,
      'Rate limit hit',
      'Cloud API message throughput has been reached.',
      'OAuthException',
      retryAfterSeconds,
    ),
  pairRate: (status: number) =>
    new FakeGraphError(
      status,
      131056,
      '(Business Account, Consumer Account) pair rate limit hit',
      'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
    ),
  appRate: (status: number) =>
    new FakeGraphError(status, 4, 'Application request limit reached', 'Too many calls from this app.'),
  window: () =>
    new FakeGraphError(
      400,
      131047,
      'Re-engagement message',
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    ),
  undeliverable: () =>
    new FakeGraphError(
      400,
      131026,
      'Message undeliverable',
      'Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number; the recipient has not accepted the terms of service.',
    ),
  ecosystem: (details = 'Message not delivered to maintain healthy ecosystem engagement.') =>
    new FakeGraphError(
      400,
      131049,
      'This message was not delivered to maintain healthy ecosystem engagement.',
      details,
    ),
  stoppedMarketing: () =>
    new FakeGraphError(
      400,
      131050,
      'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
      'The user has stopped marketing messages from this business.',
    ),
  restricted: () =>
    new FakeGraphError(400, 368, 'Temporarily blocked for policies violations', 'The account is restricted.'),
  spam: () =>
    new FakeGraphError(
      400,
      131048,
      'Spam rate limit hit',
      'Message failed to send because there are restrictions on how many messages can be sent from this phone number.',
    ),
  server: (status = 500) =>
    new FakeGraphError(
      status,
      131000,
      'Something went wrong',
      'Message failed to send due to an unknown error.',
    ),
};
