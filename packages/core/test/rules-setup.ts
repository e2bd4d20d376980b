import type { EmailNotifier, ForwardEmail, ForwardSms, SmsNotifier, TidingsOptions } from '../src/index.js';
import { EXAMPLES } from './rule-examples.js';
import { setup } from './setup.js';

export const SECRET = 'whsec_test_0123456789abcdef';

export interface Posted {
  url: string;
  headers: Record<string, string>;
  body: string;
  at: number;
}

/** A fetch that records posts and answers with the next planned status (200 when none is planned). */
export function fakeFetch(now: () => number) {
  const posts: Posted[] = [];
  const plan: (number | 'hang')[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    posts.push({ url: String(input), headers, body: String(init?.body), at: now() });
    const next = plan.shift() ?? 200;
    if (next === 'hang') {
      // Answers only when aborted, as a receiver that never responds (at once when aborted already, as fetch).
      return new Promise((_, reject) => {
        if (init?.signal?.aborted) reject(init.signal.reason);
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    }
    return new Response(next === 200 ? 'ok' : 'nope', { status: next });
  };
  return { fetch: fetch as typeof globalThis.fetch, posts, plan };
}

export function fakeNotifiers() {
  const emails: ForwardEmail[] = [];
  const sms: ForwardSms[] = [];
  const email: EmailNotifier = { send: async (mail) => void emails.push(mail) };
  const text: SmsNotifier = { send: async (message) => void sms.push(message) };
  return { emails, sms, email, text };
}

/** The sandbox setup with forwarding wired to fakes, a `tanz` channel, and `rules` (the examples by default). */
export async function rulesSetup(rules: string = EXAMPLES, options: Partial<TidingsOptions> = {}) {
  let now = () => 0;
  const http = fakeFetch(() => now());
  const notifiers = fakeNotifiers();
  const s = await setup({
    fetch: http.fetch,
    forwarding: { secret: SECRET, email: notifiers.email, sms: notifiers.text },
    ...options,
  });
  now = () => s.clock.now();
  await s.tidings.channels.create({ slug: 'tanz', name: 'Tanz' });
  await s.tidings.rules.set(rules);
  return { ...s, http, notifiers };
}
