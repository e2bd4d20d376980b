import type { Contact, SandboxOptions, Store, TidingsOptions } from '../src/index.js';
import { setup } from './setup.js';

export const address = (i: number) => `+49151${String(1_000_000 + i).padStart(8, '0')}`;

/** Confirmed subscribers written straight into the store: no welcome replies to muddy what a test measures. */
export async function seedSubscribers(
  store: Store,
  count: number,
  options: {
    channels?: string[];
    transport?: string;
    senderId?: string;
    extra?: Partial<Contact>;
    from?: number;
  } = {},
): Promise<Contact[]> {
  const all = await store.channels.list('default');
  const channelIds = all.filter((c) => (options.channels ?? ['news']).includes(c.slug)).map((c) => c.id);
  const contacts: Contact[] = [];
  for (let i = options.from ?? 0; i < (options.from ?? 0) + count; i++) {
    const { contact } = await store.contacts.getOrCreate(
      {
        workspaceId: 'default',
        transport: options.transport ?? 'sandbox',
        address: address(i),
        phone: address(i),
        name: `Person ${i}`,
        locale: 'de',
        state: 'confirmed',
        blockedAt: null,
        blockedReason: null,
        attributes: {},
        tags: [],
        lastInboundAt: null,
        ...options.extra,
      },
      { senderId: options.senderId ?? 'sandbox' },
      0,
    );
    await store.subscriptions.add('default', contact!.id, channelIds, 0);
    contacts.push(contact!);
  }
  return contacts;
}

/** A Tidings for broadcast tests: paced sandbox, link tracking on a public URL. */
export function broadcastSetup(options: Partial<TidingsOptions> & { sandbox?: SandboxOptions } = {}) {
  return setup({ publicUrl: 'https://news.example/tidings', ...options });
}

/** Sent requests per sender in time order, from the sandbox's request log. */
export function acceptedTimes(
  requests: readonly { at: number; senderId: string; answer: string }[],
  senderId?: string,
): number[] {
  return requests
    .filter((r) => r.answer === 'accepted' && (!senderId || r.senderId === senderId))
    .map((r) => r.at);
}

/** The most requests in any half-open window of `windowMs`. */
export function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
