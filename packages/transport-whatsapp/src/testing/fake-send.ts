import { FakeGraphError, fakeErrors } from './fake-errors.js';
import { scheduleFailure, scheduleStatuses } from './fake-statuses.js';
import type { FakeFault, FakeNumber, FakeSentMessage } from './fake-types.js';
import type { FakeWorld, SubscriberState } from './fake-world.js';

const DAY = 24 * 60 * 60 * 1000;

/** What the messages endpoint answers: a JSON body, or an error. */
export type SendAnswer = { body: Record<string, unknown> } | { error: FakeGraphError; injected?: boolean };

/** Fields Meta fills in when a client leaves them out; applied before the schema check. */
export function withMetaDefaults(body: Record<string, unknown>): Record<string, unknown> {
  const filled: Record<string, unknown> = { ...body };
  if ('type' in filled && filled.recipient_type === undefined) filled.recipient_type = 'individual';
  // Since 2026 a person may be addressed by business-scoped id in `recipient`; the v23 schema only knows `to`.
  if (filled.to === undefined && typeof filled.recipient === 'string') {
    filled.to = filled.recipient;
    delete filled.recipient;
  }
  const template = filled.template as { language?: Record<string, unknown> } | undefined;
  if (template?.language && template.language.policy === undefined) {
    filled.template = { ...template, language: { ...template.language, policy: 'deterministic' } };
  }
  return filled;
}

/**
 * `POST /{phone-number-id}/messages` after auth and schema: mark-as-read, or a message through injected faults,
 * throughput, pair rate, blocks, the 24-hour window and the daily tier, in that order.
 */
export function sendMessage(
  world: FakeWorld,
  number: FakeNumber,
  body: Record<string, unknown>,
  fault: FakeFault | undefined,
): SendAnswer {
  if (body.status === 'read') {
    if (!world.inboundIds.has(String(body.message_id))) {
      return { error: fakeErrors.invalidParameter(`Message ${String(body.message_id)} not found`) };
    }
    return { body: { success: true } };
  }
  const to = String(body.to ?? body.recipient ?? '').replace(/^\+/, '');
  const status = world.behaviour.throttleStatus;
  const now = world.now();
  if (fault?.kind === 'error' && !fault.async) {
    const error = errorFor(fault.code, fault.status ?? status, fault.retryAfterSeconds);
    return { error, injected: true };
  }
  const limit = world.limiter.check(number.phoneNumberId, to, now);
  if (limit === 'throughput') return { error: fakeErrors.throughput(status) };
  if (limit === 'pair') return { error: fakeErrors.pairRate(status) };

  const person = world.byPhone.get(to) ?? world.byBsuid.get(to);
  const blocked = person?.blocked.has(number.phoneNumberId) ?? false;
  if (blocked && world.behaviour.blockedAnswer === 'undeliverable')
    return { error: fakeErrors.undeliverable() };
  const isTemplate = body.type === 'template';
  const last = person?.lastInbound.get(number.phoneNumberId);
  const inWindow = last !== undefined && now - last < DAY;
  if (!isTemplate && !inWindow && person && world.behaviour.windowErrors === 'sync') {
    return { error: fakeErrors.window() };
  }

  world.limiter.record(number.phoneNumberId, to, now);
  const message: FakeSentMessage = {
    wamid: world.nextId('wamid.HBgL'),
    phoneNumberId: number.phoneNumberId,
    to: person ? (person.phone ?? person.bsuid) : to,
    type: String(body.type),
    body,
    status: 'accepted',
    at: now,
  };
  const text = textOf(body);
  if (text !== undefined) message.text = text;
  world.sent.push(message);
  world.byWamid.set(message.wamid, message);

  const failure = failureOf(world, person, fault, isTemplate, inWindow, to, now);
  if (failure) scheduleFailure(world, message, failure);
  else {
    if (!blocked) person!.received.push(message);
    scheduleStatuses(world, message, !blocked);
  }
  return {
    body: {
      messaging_product: 'whatsapp',
      contacts: [
        { input: String(body.to ?? body.recipient), ...(person?.phone ? { wa_id: person.phone } : {}) },
      ],
      messages: [{ id: message.wamid, message_status: 'accepted' }],
    },
  };
}

/** Why an accepted message fails later (a failed status webhook), or null when it reaches the person. */
function failureOf(
  world: FakeWorld,
  person: SubscriberState | undefined,
  fault: FakeFault | undefined,
  isTemplate: boolean,
  inWindow: boolean,
  to: string,
  now: number,
): FakeGraphError | null {
  if (fault?.kind === 'error' && fault.async) return errorFor(fault.code, 400);
  if (!person) return fakeErrors.undeliverable();
  if (!isTemplate && !inWindow) return fakeErrors.window();
  if (isTemplate && !inWindow) {
    if (person.stoppedMarketing) return fakeErrors.stoppedMarketing();
    // No code is documented for the messaging tier; the fake reports 131049 with its own details.
    if (!world.limiter.admitOutsideWindow(to, now)) {
      return fakeErrors.ecosystem(
        'Message failed to send because the business reached its daily messaging limit.',
      );
    }
  }
  return null;
}

function errorFor(code: number, status: number, retryAfterSeconds?: number): FakeGraphError {
  switch (code) {
    case 130429:
      return fakeErrors.throughput(status, retryAfterSeconds);
    case 131056:
      return fakeErrors.pairRate(status);
    case 4:
      return fakeErrors.appRate(status);
    case 131047:
      return fakeErrors.window();
    case 131026:
      return fakeErrors.undeliverable();
    case 131049:
      return fakeErrors.ecosystem();
    case 131050:
      return fakeErrors.stoppedMarketing();
    case 368:
      return fakeErrors.restricted();
    case 131048:
      return fakeErrors.spam();
    case 190:
      return fakeErrors.badToken();
    default:
      return new FakeGraphError(
        status,
        code,
        `Error ${code}`,
        `Injected error ${code}.`,
        'OAuthException',
        retryAfterSeconds,
      );
  }
}

function textOf(body: Record<string, unknown>): string | undefined {
  const b = body as {
    text?: { body?: string };
    interactive?: { body?: { text?: string } };
    template?: { name?: string; components?: { type: string; parameters?: { text?: string }[] }[] };
    [kind: string]: unknown;
  };
  if (b.text?.body !== undefined) return b.text.body;
  if (b.interactive?.body?.text !== undefined) return b.interactive.body.text;
  if (b.template?.name) {
    const params = b.template.components?.find((c) => c.type === 'body')?.parameters ?? [];
    return [b.template.name, ...params.map((p) => p.text ?? '')].join(' ').trim();
  }
  const media = b[String(body.type)] as { caption?: string } | undefined;
  return media?.caption;
}
