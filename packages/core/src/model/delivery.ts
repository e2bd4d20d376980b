import type { OutboundPurpose } from './message.js';

/** Replies and agents' messages go ahead of newsletters: a person answering is never stuck behind one. */
export type Lane = 'priority' | 'bulk';

/**
 * One message waiting to go out: a row of the durable outbox. A worker claims it with a lease; a crashed
 * worker's lease runs out and another claims it again (at-least-once). When its fate is known the row is
 * removed and the outcome stays in the conversation (a message row).
 */
export interface Delivery {
  id: string;
  workspaceId: string;
  /** Null for priority-lane messages (replies, agents). */
  broadcastId: string | null;
  /** For priority-lane messages: the queued message row that holds the content. */
  messageId: string | null;
  contactId: string;
  transport: string;
  senderId: string;
  address: string;
  lane: Lane;
  purpose: OutboundPurpose;
  inReplyTo: string | null;
  attempts: number;
  notBefore: number;
  /** A pacing slot this delivery already holds; it is sent at that time without reserving again. */
  slotAt: number | null;
  /** Set when the platform closed the window and the template is to be used. */
  useTemplate: boolean;
  leaseOwner: string | null;
  leaseUntil: number | null;
  lastError: string | null;
  createdAt: number;
}

export type NewDelivery = Omit<Delivery, 'id' | 'leaseOwner' | 'leaseUntil'>;

export interface DeliveryRetry {
  notBefore: number;
  attempts?: number;
  slotAt?: number | null;
  useTemplate?: boolean;
  lastError?: string | null;
  senderId?: string;
}
