import type { Contact } from './contact.js';
import type { Message } from './message.js';

/**
 * Where a conversation stands with the messenger's reply window (F24, F27):
 * - `unlimited`: the messenger has no window (Telegram); anything may go out.
 * - `open`: inside the service window; free-form replies until `until`.
 * - `human-agent`: past the service window but inside the agent window (Messenger's HUMAN_AGENT tag, 7 days);
 *   a staff reply may still go out until `until`.
 * - `template`: outside the window on a messenger with templates (WhatsApp): only a template may go out.
 * - `closed`: nothing may go out until the contact writes again.
 */
export type WindowStatus = 'unlimited' | 'open' | 'human-agent' | 'template' | 'closed';

export interface ConversationWindow {
  status: WindowStatus;
  /** When free-form replies stop being possible (`open`, `human-agent`); null otherwise. */
  until: number | null;
  /** When the contact last wrote (null: never). */
  lastInboundAt: number | null;
}

/** The inbox's state of one contact's conversation, as the store keeps it. */
export interface ConversationState {
  contactId: string;
  /** The newest non-broadcast message, call or note. */
  lastActivityAt: number;
  lastMessageId: string | null;
  /** Inbound messages and calls since the conversation was last marked read. */
  unread: number;
  readAt: number | null;
}

/** One row of the inbox: who, the last message, unread count, assignee and the reply window. */
export interface Conversation {
  contact: Contact;
  lastMessage: Message | null;
  lastActivityAt: number;
  unread: number;
  /** The agent handling it (id and display name; the name is the id when the agent is not registered). */
  assignee: { id: string; name: string } | null;
  window: ConversationWindow;
}
