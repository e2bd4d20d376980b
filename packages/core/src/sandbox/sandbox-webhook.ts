import { z } from 'zod';
import { TidingsError } from '../errors/tidings-error.js';
import { toFieldIssues } from '../errors/zod-issues.js';
import { fixedResponse } from '../http/fixed-body.js';
import { problemResponse } from '../http/problem.js';
import type { InboundEvent } from '../ports/inbound-event.js';
import type { ParseResult } from '../ports/transport.js';
import { constantTimeEqual } from '../text/constant-time.js';

const bodySchema = z.object({
  from: z.string().min(1).max(64),
  text: z.string().max(4096).optional(),
  startPayload: z.string().max(64).optional(),
  to: z.string().optional(),
  id: z.string().max(128).optional(),
  profileName: z.string().max(128).optional(),
});

export type SandboxWebhookBody = z.infer<typeof bodySchema>;

/**
 * The sandbox's webhook: `POST /webhooks/<name>` with `{ from, text }` plays a subscriber over HTTP
 * (the demo's phone simulator does this). With a `secret`, the `x-sandbox-secret` header must carry it.
 */
export async function parseSandboxWebhook(
  request: Request,
  secret: string | undefined,
  toEvent: (body: SandboxWebhookBody) => InboundEvent,
): Promise<ParseResult> {
  if (request.method !== 'POST') {
    return {
      response: problemResponse(405, 'Method Not Allowed', 'The sandbox webhook takes POST.', {
        headers: { allow: 'POST' },
      }),
    };
  }
  if (secret !== undefined && !constantTimeEqual(request.headers.get('x-sandbox-secret') ?? '', secret)) {
    return {
      response: problemResponse(401, 'Unauthorized', 'The x-sandbox-secret header is missing or wrong.'),
    };
  }
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return { response: problemResponse(400, 'Bad Request', 'The body is not valid JSON.') };
  }
  const body = bodySchema.safeParse(json);
  if (!body.success) {
    return {
      response: problemResponse(422, 'Unprocessable Content', 'The simulated message is invalid.', {
        errors: toFieldIssues(body.error),
      }),
    };
  }
  try {
    return {
      events: [toEvent(body.data)],
      response: fixedResponse('{"ok":true}', { headers: { 'content-type': 'application/json' } }),
    };
  } catch (error) {
    if (!TidingsError.isInstance(error)) throw error;
    return {
      response: problemResponse(422, 'Unprocessable Content', error.message, { errors: error.issues }),
    };
  }
}
