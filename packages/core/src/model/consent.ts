/** What happened to consent. */
export type ConsentAction =
  | 'requested'
  | 'confirmed'
  | 'opted-in'
  | 'opted-out'
  | 'channel-added'
  | 'channel-removed'
  | 'token-rejected'
  | 'blocked'
  | 'unblocked'
  | 'erased';

/** How it happened. */
export type ConsentMethod =
  | 'widget'
  | 'api'
  | 'keyword'
  | 'deep-link'
  | 'message'
  | 'import'
  | 'platform'
  | 'staff'
  /** An auto-reply rule's action (F30). */
  | 'rule';

/**
 * One line of the consent ledger (F8): append-only evidence of every opt-in and opt-out.
 * After an erase only an anonymous tombstone (`action: 'erased'`, no address) remains.
 */
export interface ConsentEntry {
  id: string;
  workspaceId: string;
  /** Null on the tombstone left by an erase. */
  contactId: string | null;
  transport: string;
  address: string | null;
  at: number;
  action: ConsentAction;
  method: ConsentMethod;
  /** Channel slugs this entry is about. */
  channels: string[];
  /** The consent notice shown to the person, word for word, where there was one. */
  noticeText: string | null;
  senderId: string | null;
  /** The inbound message that carried the consent, where one did. */
  messageId: string | null;
  detail: string | null;
}

export type NewConsentEntry = Omit<ConsentEntry, 'id'>;
