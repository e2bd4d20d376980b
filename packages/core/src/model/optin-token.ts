export type OptinTokenStatus = 'pending' | 'confirmed' | 'expired' | 'revoked';

/** A single-use token that proves a sign-up request when it comes back in the subscriber's message (F1). */
export interface OptinToken {
  token: string;
  workspaceId: string;
  transport: string;
  senderId: string;
  /** The contact it was issued for; null where the messenger gives no address up front (Telegram, Messenger). */
  contactId: string | null;
  /** The address the token must come back from; null where any account may claim it. */
  address: string | null;
  channels: string[];
  locale: string | null;
  method: 'widget' | 'api';
  noticeText: string | null;
  createdAt: number;
  expiresAt: number;
  /** When it was used; a token is used at most once. */
  usedAt: number | null;
  usedByContactId: string | null;
  revokedAt: number | null;
}

export function tokenStatus(token: OptinToken, now: number): OptinTokenStatus {
  if (token.usedAt !== null) return 'confirmed';
  if (token.revokedAt !== null) return 'revoked';
  if (now >= token.expiresAt) return 'expired';
  return 'pending';
}
