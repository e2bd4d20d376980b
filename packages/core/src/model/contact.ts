/**
 * Where a contact stands on consent.
 * - `visitor`: wrote to us but gave no newsletter consent (only replies to their own messages).
 * - `pending`: asked through the widget or API; gets nothing until they write from that address.
 * - `confirmed`: consented; may receive broadcasts of the channels they are subscribed to.
 * - `unsubscribed`: said STOP; gets nothing but the confirmation of that.
 */
export type ContactState = 'visitor' | 'pending' | 'confirmed' | 'unsubscribed';

/** A person on one messenger: identified by (transport, address). */
export interface Contact {
  id: string;
  workspaceId: string;
  transport: string;
  /** What the platform routes by: E.164 phone, WhatsApp business-scoped id, Telegram chat id, page-scoped id. */
  address: string;
  /** The phone number in E.164 where known (kept beside a non-phone address). */
  phone: string | null;
  name: string | null;
  locale: string | null;
  /** The sender account this contact belongs to (sticky, F18). */
  senderId: string;
  state: ContactState;
  /** Set when the contact blocked us or the platform reports them unreachable (F10). */
  blockedAt: number | null;
  blockedReason: string | null;
  attributes: Record<string, string>;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  /** Time of the contact's last inbound message (the 24-hour service window starts there). */
  lastInboundAt: number | null;
  /** The agent who handles this contact's conversation (set by `assign to` rules and the inbox); absent: nobody. */
  assignee?: string | null;
}

export type NewContact = Omit<Contact, 'id' | 'createdAt' | 'updatedAt'>;
export type ContactPatch = Partial<
  Pick<
    Contact,
    | 'state'
    | 'blockedAt'
    | 'blockedReason'
    | 'name'
    | 'locale'
    | 'senderId'
    | 'lastInboundAt'
    | 'phone'
    | 'attributes'
    | 'tags'
    | 'assignee'
  >
>;
