/** A tracked link (F22): `/l/<code>` redirects to `url` and counts the click. */
export interface TrackedLink {
  code: string;
  workspaceId: string;
  broadcastId: string | null;
  url: string;
  /** Set in individual mode: the click is attributed to this delivery's contact. */
  contactId: string | null;
  createdAt: number;
}

export interface LinkClick {
  code: string;
  workspaceId: string;
  broadcastId: string | null;
  contactId: string | null;
  at: number;
}
