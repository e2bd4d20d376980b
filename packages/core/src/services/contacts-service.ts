import type { ConsentEntry } from '../model/consent.js';
import type { Contact, ContactState } from '../model/contact.js';
import type { Message } from '../model/message.js';
import type { Page } from '../ports/store.js';
import type { CoreContext } from './core-context.js';

/** Everything stored about one contact (F9), for a data-subject request. */
export interface ContactExport {
  contact: Contact;
  channels: string[];
  consent: ConsentEntry[];
  messages: Message[];
  exportedAt: string;
}

/** `tidings.contacts`: look up, list, export and erase contacts (F6–F10). */
export interface ContactsApi {
  get(id: string): Promise<Contact | null>;
  find(query: { transport: string; address: string }): Promise<Contact | null>;
  list(query?: {
    state?: ContactState;
    transport?: string;
    limit?: number;
    cursor?: string | null;
  }): Promise<Page<Contact>>;
  /** Slugs of the channels the contact is subscribed to. */
  subscriptions(id: string): Promise<string[]>;
  /** The contact's consent ledger, oldest first (F8). */
  consent(id: string): Promise<ConsentEntry[]>;
  export(id: string): Promise<ContactExport | null>;
  /** Removes the contact and everything about them; an anonymous tombstone stays in the ledger (F9). */
  erase(id: string): Promise<boolean>;
}

export function contactsApi(ctx: CoreContext): ContactsApi {
  const { store, workspaceId } = ctx;

  const subscriptions = async (id: string) => {
    const [subs, { channels }] = await Promise.all([
      store.subscriptions.listByContact(workspaceId, id),
      ctx.channels.get(),
    ]);
    return channels.filter((c) => subs.some((s) => s.channelId === c.id)).map((c) => c.slug);
  };

  return {
    get: (id) => store.contacts.get(workspaceId, id),
    find: ({ transport, address }) => store.contacts.findByAddress(workspaceId, transport, address),
    list: (query = {}) =>
      store.contacts.list(workspaceId, {
        limit: Math.min(Math.max(query.limit ?? 50, 1), 500),
        ...(query.state ? { state: query.state } : {}),
        ...(query.transport ? { transport: query.transport } : {}),
        cursor: query.cursor ?? null,
      }),
    subscriptions,
    consent: (id) => store.consent.listByContact(workspaceId, id),
    async export(id) {
      const contact = await store.contacts.get(workspaceId, id);
      if (!contact) return null;
      const messages: Message[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Message> = await store.messages.listByContact(workspaceId, id, {
          limit: 500,
          cursor,
        });
        messages.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return {
        contact,
        channels: await subscriptions(id),
        consent: await store.consent.listByContact(workspaceId, id),
        messages: messages.reverse(),
        exportedAt: new Date(ctx.clock.now()).toISOString(),
      };
    },
    async erase(id) {
      const contact = await store.contacts.get(workspaceId, id);
      if (!contact) return false;
      const erased = await store.contacts.erase(workspaceId, id, {
        workspaceId,
        contactId: null,
        transport: contact.transport,
        address: null,
        at: ctx.clock.now(),
        action: 'erased',
        method: 'staff',
        channels: [],
        noticeText: null,
        senderId: null,
        messageId: null,
        detail: null,
      });
      if (erased) ctx.events.emit('contact.erased', { contactId: id });
      return erased;
    },
  };
}
