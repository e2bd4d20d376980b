import { TidingsError } from '../errors/tidings-error.js';
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

export interface ContactQuery {
  state?: ContactState;
  transport?: string;
  search?: string;
  attribute?: { name: string; value: string };
  channel?: string;
  /** 1–500, default 50. */
  limit?: number;
  cursor?: string | null;
}

/** `tidings.contacts`: look up, list, export and erase contacts (F6–F10). */
export interface ContactsApi {
  get(id: string): Promise<Contact | null>;
  find(query: { transport: string; address: string }): Promise<Contact | null>;
  /**
   * Contacts in the order they were created, paged. `search`: a case-insensitive part of the name, address or
   * phone; `attribute`: an attribute with exactly this value; `channel`: subscribed to this channel (slug).
   */
  list(query?: ContactQuery): Promise<Page<Contact>>;
  /** Slugs of the channels the contact is subscribed to. */
  subscriptions(id: string): Promise<string[]>;
  /** The contact's consent ledger, oldest first (F8). */
  consent(id: string): Promise<ConsentEntry[]>;
  /** Everything stored about the contact (profile, channels, ledger, messages, calls and notes), for a data-subject request. */
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
    async list(query = {}) {
      let channelId: string | undefined;
      if (query.channel) {
        const { channels } = await ctx.channels.get();
        const channel = channels.find((c) => c.slug === query.channel);
        if (!channel) throw new TidingsError('UNKNOWN_CHANNEL', `No channel "${query.channel}".`);
        channelId = channel.id;
      }
      const search = query.search?.trim();
      return store.contacts.list(workspaceId, {
        limit: Math.min(Math.max(query.limit ?? 50, 1), 500),
        ...(query.state ? { state: query.state } : {}),
        ...(query.transport ? { transport: query.transport } : {}),
        ...(search ? { search } : {}),
        ...(query.attribute ? { attribute: query.attribute } : {}),
        ...(channelId ? { channelId } : {}),
        cursor: query.cursor ?? null,
      });
    },
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
