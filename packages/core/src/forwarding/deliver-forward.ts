import type { Forward } from '../ports/rule-store.js';
import type { ForwardEvent } from './forward-event.js';
import { signatureHeader, signForward } from './forward-signature.js';
import { emailFor, smsFor } from './forward-texts.js';
import type { EmailNotifier, SmsNotifier } from './notifiers.js';

/** A failed delivery; `permanent` ones are not retried (a 4xx answer, a missing notifier). */
export class ForwardFailure extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface DeliveryDeps {
  fetch: typeof fetch;
  secret: string | undefined;
  email: EmailNotifier | undefined;
  sms: SmsNotifier | undefined;
  businessName: string;
  now(): number;
}

/** Statuses worth retrying: the receiver may take the same post later. Any other non-2xx will not. */
const retryable = new Set([408, 425, 429]);

async function post(f: Forward, deps: DeliveryDeps, signal: AbortSignal): Promise<void> {
  if (!deps.secret) throw new ForwardFailure('forward http needs forwarding.secret to sign the post', true);
  const signature = await signForward(deps.secret, f.body, Math.floor(deps.now() / 1000));
  signal.throwIfAborted();
  const response = await deps.fetch(f.target, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'tidings-forward/1',
      [signatureHeader]: signature,

      'tidings-event': (JSON.parse(f.body) as ForwardEvent).type,
      'tidings-forward-id': f.id,
    },
    body: f.body,
    signal,
    // A redirect would post the event to a host nobody configured.
    redirect: 'manual',
  });
  await response.body?.cancel().catch(() => undefined);
  if (response.ok) return;
  const permanent = response.status < 500 && !retryable.has(response.status);
  throw new ForwardFailure(
    `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    permanent,
  );
}

/** Delivers one forward once; throws on failure. The worker decides about retries. */
export async function deliverForward(f: Forward, deps: DeliveryDeps, signal: AbortSignal): Promise<void> {
  if (f.via === 'http') return post(f, deps, signal);
  const event = JSON.parse(f.body) as ForwardEvent;
  if (f.via === 'email') {
    if (!deps.email) throw new ForwardFailure('forward email needs forwarding.email (a notifier)', true);
    return deps.email.send(emailFor(event, f.target, deps.businessName), { signal });
  }
  if (!deps.sms) throw new ForwardFailure('forward sms needs forwarding.sms (a notifier)', true);
  return deps.sms.send(smsFor(event, f.target), { signal });
}
