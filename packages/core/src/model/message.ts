import type { Content } from './content.js';

export type MessageDirection = 'in' | 'out';
export type MessageKind = 'message' | 'call' | 'note';
export type MessageStatus = 'received' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'skipped';

/** The outcomes that end a delivery. */
export type FinalStatus = 'sent' | 'failed' | 'skipped';

/** Why an outbound message went out; decides which contacts may get it (invariant 1). */
export type OutboundPurpose =
  /** The single reply to a contact's own START/STOP/keyword message. */
  | 'consent-reply'
  /** A channel's welcome after confirmation or a keyword. */
  | 'welcome'
  /** An automatic or staff reply to a message the contact just sent. */
  | 'reply'
  /** An agent's message in the inbox. */
  | 'agent'
  /** Newsletter traffic. */
  | 'broadcast';

/** One entry in a contact's conversation history (F26). */
export interface Message {
  id: string;
  workspaceId: string;
  contactId: string;
  transport: string;
  senderId: string;
  direction: MessageDirection;
  kind: MessageKind;
  purpose: OutboundPurpose | null;
  content: Content;
  /** The platform's id: inbound messages are deduplicated by it. */
  providerMessageId: string | null;
  status: MessageStatus;
  error: string | null;
  at: number;
  /** For replies: the inbound message answered. */
  inReplyTo: string | null;
  /** The broadcast this message was part of. */
  broadcastId: string | null;
  /** The agent who wrote it: an inbox reply or an internal note (kind `note`). Absent or null otherwise. */
  agentId?: string | null;
}

export type NewMessage = Omit<Message, 'id'>;
