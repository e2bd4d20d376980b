/** A contact's membership in a channel. Removed rows are deleted; the ledger keeps the history. */
export interface Subscription {
  workspaceId: string;
  contactId: string;
  channelId: string;
  createdAt: number;
}
