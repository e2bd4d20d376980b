import type { Contact } from '../model/contact.js';
import type { Store } from '../ports/store.js';

export interface SeedOptions {
  /** Channel slugs to subscribe them to (default: every channel marked default). */
  channels?: string[];
  transport?: string;
  senderId?: string;
  workspaceId?: string;
  /** Index of the first subscriber; addresses are `+49151` followed by eight digits of the index. */
  from?: number;
  /** Fields to set on every contact (a name, attributes, lastInboundAt…). */
  extra?: Partial<Contact>;
}

/** The address `seedSubscribers` gives subscriber number `i`. */
export const seededAddress = (i: number) => `+49151${String(1_000_000 + i).padStart(8, '0')}`;

/**
 * Writes confirmed subscribers straight into a store, for tests and benchmarks that need many recipients without
 * playing each sign-up (and without the welcome replies a real sign-up sends).
 */
export async function seedSubscribers(
  store: Store,
  count: number,
  options: SeedOptions = {},
): Promise<Contact[]> {
  const workspaceId = options.workspaceId ?? 'default';
  const all = await store.channels.list(workspaceId);
  const channelIds = all
    .filter((c) => (options.channels ? options.channels.includes(c.slug) : c.isDefault))
    .map((c) => c.id);
  const contacts: Contact[] = [];
  const first = options.from ?? 0;
  for (let i = first; i < first + count; i++) {
    const address = seededAddress(i);
    const { contact } = (await store.contacts.getOrCreate(
      {
        workspaceId,
        transport: options.transport ?? 'sandbox',
        address,
        phone: address,
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
    )) as { contact: Contact };
    await store.subscriptions.add(workspaceId, contact.id, channelIds, 0);
    contacts.push(contact);
  }
  return contacts;
}
