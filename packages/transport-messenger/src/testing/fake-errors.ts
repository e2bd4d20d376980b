import { randomBytes } from 'node:crypto';

/** A Graph error as the fake answers it: `{ error: { message, type, code, error_subcode, fbtrace_id } }`. */
export class FakeGraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly subcode?: number,
    readonly type = 'OAuthException',
    /** Seconds, sent as `Retry-After` and (rounded up to minutes) in `X-Business-Use-Case-Usage`. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  toJSON() {
    return {
      error: {
        message: this.message,
        type: this.type,
        code: this.code,
        ...(this.subcode !== undefined ? { error_subcode: this.subcode } : {}),
        fbtrace_id: randomBytes(8).toString('base64url'),
      },
    };
  }
}

/** The errors the Send API really answers with (PLATFORMS.md §3.1), kept close to Meta's wording. */
export const fakeErrors = {
  badToken: () => new FakeGraphError(400, 190, 'Invalid OAuth access token - Cannot parse access token'),
  noToken: () =>
    new FakeGraphError(
      400,
      2500,
      'An active access token must be used to query information about the current user.',
    ),
  badProof: () =>
    new FakeGraphError(
      400,
      100,
      'Invalid appsecret_proof provided in the API argument',
      undefined,
      'GraphMethodException',
    ),
  wrongPage: (id: string) =>
    new FakeGraphError(
      400,
      100,
      `(#100) Cannot send messages on behalf of page ${id} with this token`,
      undefined,
      'GraphMethodException',
    ),
  unknownPath: (path: string) => new FakeGraphError(400, 2500, `Unknown path components: ${path}`),
  noRecipient: () =>
    new FakeGraphError(
      400,
      100,
      '(#100) The parameter recipient is required',
      undefined,
      'GraphMethodException',
    ),
  noUser: () => new FakeGraphError(400, 100, '(#100) No matching user found', 2018001),
  noMessage: () => new FakeGraphError(400, 100, '(#100) Must send either message or sender action'),
  emptyMessage: () =>
    new FakeGraphError(400, 100, '(#100) Message cannot be empty, must provide valid attachment or text'),
  textTooLong: () =>
    new FakeGraphError(400, 100, '(#100) Length of param message[text] must be less than or equal to 2000'),
  badMessagingType: () =>
    new FakeGraphError(
      400,
      100,
      '(#100) Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}',
    ),
  badTag: (tag: string) =>
    new FakeGraphError(400, 100, `(#100) Param tag must be a valid message tag, not "${tag}"`),
  badAttachment: (why: string) => new FakeGraphError(400, 100, `(#100) ${why}`),
  tooManyQuickReplies: () =>
    new FakeGraphError(400, 100, '(#100) param message[quick_replies] must have at most 13 elements'),
  outsideWindow: () =>
    new FakeGraphError(
      400,
      10,
      '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview',
      2018278,
    ),
  unavailable: () => new FakeGraphError(400, 551, "(#551) This person isn't available right now.", 1545041),
  noHumanAgent: () =>
    new FakeGraphError(
      400,
      200,
      '(#200) The HUMAN_AGENT tag requires the human_agent permission for this app',
      undefined,
      'OAuthException',
    ),
  rateLimited: (retryAfter = 1) =>
    new FakeGraphError(
      400,
      613,
      '(#613) Calls to this API have exceeded the rate limit.',
      undefined,
      'OAuthException',
      retryAfter,
    ),
  server: (status: number) =>
    new FakeGraphError(status, 2, 'An unexpected error has occurred. Please retry your request later.'),
};
