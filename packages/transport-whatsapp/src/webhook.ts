import { constantTimeEqual, type InboundEvent, type ParseResult, problemResponse } from '@tidings/core';
import { type SignatureCheck, signatureHeader } from './signature.js';
import { toEvents } from './webhook-events.js';
import type { ChangeValue } from './webhook-payload.js';

const decoder = new TextDecoder();

type Change = { value: ChangeValue };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The changes of a WhatsApp Business webhook, or null when the body does not have that shape (`object`, `entry[]`,
 * `changes[]` with a `field` and an object `value`). Checked by hand: this runs for every inbound message.
 */
function changesOf(json: unknown): Change[] | null {
  if (!isObject(json) || json.object !== 'whatsapp_business_account' || !Array.isArray(json.entry))
    return null;
  const changes: Change[] = [];
  for (const entry of json.entry) {
    if (!isObject(entry) || !Array.isArray(entry.changes)) return null;
    for (const change of entry.changes) {
      if (!isObject(change) || typeof change.field !== 'string' || !isObject(change.value)) return null;
      const metadata = change.value.metadata;
      if (metadata !== undefined && (!isObject(metadata) || typeof metadata.phone_number_id !== 'string'))
        return null;
      changes.push(change as unknown as Change);
    }
  }
  return changes;
}

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
    json = JSON.parse(decoder.decode(body));
  } catch {
    return { response: problemResponse(400, 'Bad Request', 'The body is not valid JSON.') };
  }
  const changes = changesOf(json);
  if (changes === null) {
    return { response: problemResponse(400, 'Bad Request', 'The body is not a WhatsApp Business webhook.') };
  }
  const events: InboundEvent[] = [];
  for (const change of changes) {
    const senderId = change.value.metadata?.phone_number_id;
    if (senderId === undefined || !settings.phoneNumberIds.has(senderId)) continue;
    events.push(...toEvents(change.value, senderId, settings.now));
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
