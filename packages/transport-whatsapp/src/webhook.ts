import { constantTimeEqual, type InboundEvent, type ParseResult, problemResponse } from '@tidings/core';
import { z } from 'zod';
import { type SignatureCheck, signatureHeader } from './signature.js';
import { toEvents } from './webhook-events.js';
import type { ChangeValue } from './webhook-payload.js';

const payloadSchema = z.object({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      changes: z.array(
        z.looseObject({
          field: z.string(),
          value: z.looseObject({ metadata: z.looseObject({ phone_number_id: z.string() }).optional() }),
        }),
      ),
    }),
  ),
});

export interface WebhookSettings {
  verifyToken: string;
  checkSignature: SignatureCheck;
  phoneNumberIds: ReadonlySet<string>;
  /** For events whose platform time is missing. */
  now(): number;
}

/**
 * The GET handshake answers the challenge when the verify token matches. A POST is checked against
 * `X-Hub-Signature-256` over the raw bytes before anything reads it as JSON; only then is it normalised.
 * Changes for numbers this transport does not send from are ignored.
 */
export async function parseWebhook(request: Request, settings: WebhookSettings): Promise<ParseResult> {
  if (request.method === 'GET') return handshake(request, settings.verifyToken);
  if (request.method !== 'POST') {
    return {
      response: problemResponse(405, 'Method Not Allowed', 'WhatsApp webhooks are GET (handshake) or POST.', {
        headers: { allow: 'GET, POST' },
      }),
    };
  }
  const body = new Uint8Array(await request.arrayBuffer());
  if (!(await settings.checkSignature(body, request.headers.get(signatureHeader)))) {
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
  const payload = payloadSchema.safeParse(json);
  if (!payload.success || payload.data.object !== 'whatsapp_business_account') {
    return { response: problemResponse(400, 'Bad Request', 'The body is not a WhatsApp Business webhook.') };
  }
  const events: InboundEvent[] = [];
  for (const entry of payload.data.entry) {
    for (const change of entry.changes) {
      const senderId = change.value.metadata?.phone_number_id;
      if (senderId === undefined || !settings.phoneNumberIds.has(senderId)) continue;
      events.push(...toEvents(change.value as unknown as ChangeValue, senderId, settings.now));
    }
  }
  return { events };
}

function handshake(request: Request, verifyToken: string): ParseResult {
  const params = new URL(request.url).searchParams;
  const challenge = params.get('hub.challenge');
  if (
    params.get('hub.mode') !== 'subscribe' ||
    challenge === null ||
    !constantTimeEqual(params.get('hub.verify_token') ?? '', verifyToken)
  ) {
    return { response: problemResponse(403, 'Forbidden', 'The verify token does not match.') };
  }
  return { events: [], response: new Response(challenge, { headers: { 'content-type': 'text/plain' } }) };
}
