import { constantTimeEqual, type ParseResult, problemResponse } from '@tidings/core';
import { z } from 'zod';
import { signatureHeader, verifySignature } from './signature.js';
import { type PageWebhook, toEvents } from './webhook-events.js';

const webhookSchema = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      messaging: z
        .array(z.looseObject({ sender: z.looseObject({ id: z.string() }), timestamp: z.number() }))
        .optional(),
    }),
  ),
});

export interface WebhookSettings {
  appSecret: string;
  verifyToken: string;
  pageIds: ReadonlySet<string>;
  appId?: string | undefined;
}

/**
 * Answers the GET verification handshake, and verifies a POST by `X-Hub-Signature-256` over the raw bytes
 * (constant-time) before the body is parsed; then normalises every entry of our pages (PLATFORMS.md §3.2).
 */
export async function parseWebhook(request: Request, settings: WebhookSettings): Promise<ParseResult> {
  if (request.method === 'GET') return { response: handshake(new URL(request.url), settings.verifyToken) };
  if (request.method !== 'POST') {
    return {
      response: problemResponse(
        405,
        'Method Not Allowed',
        'Messenger webhooks are GET (verification) or POST.',
        {
          headers: { allow: 'GET, POST' },
        },
      ),
    };
  }
  const body = new Uint8Array(await request.arrayBuffer());
  if (!verifySignature(body, request.headers.get(signatureHeader), settings.appSecret)) {
    return {
      response: problemResponse(401, 'Unauthorized', 'The X-Hub-Signature-256 header is missing or wrong.'),
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return { response: problemResponse(400, 'Bad Request', 'The body is not valid JSON.') };
  }
  const parsed = webhookSchema.safeParse(json);
  if (!parsed.success) {
    return { response: problemResponse(400, 'Bad Request', 'The body is not a Messenger webhook.') };
  }
  // Other objects (instagram, permissions) are acknowledged and ignored, as are pages not configured here.
  if (parsed.data.object !== 'page') return { events: [] };
  const webhook = parsed.data as unknown as PageWebhook;
  const ours = { ...webhook, entry: webhook.entry.filter((e) => settings.pageIds.has(e.id)) };
  return { events: toEvents(ours, settings.appId) };
}

function handshake(url: URL, verifyToken: string): Response {
  const mode = url.searchParams.get('hub.mode');
  const token = url.searchParams.get('hub.verify_token') ?? '';
  const challenge = url.searchParams.get('hub.challenge') ?? '';
  if (mode !== 'subscribe' || !constantTimeEqual(token, verifyToken)) {
    return problemResponse(403, 'Forbidden', 'hub.mode must be subscribe and hub.verify_token must match.');
  }
  return new Response(challenge, { status: 200, headers: { 'content-type': 'text/plain' } });
}
