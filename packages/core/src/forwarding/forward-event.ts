import { nanoid } from 'nanoid';
import type { Channel } from '../model/channel.js';
import type { Contact, ContactState } from '../model/contact.js';
import type { MediaKind } from '../model/content.js';
import type { Message } from '../model/message.js';
import type { RuleEvent } from '../rules/rule-facts.js';

/** Named as the matching `tidings.on` events. */
export type ForwardEventType =
  | 'message.received'
  | 'call.received'
  | 'subscription.added'
  | 'subscription.removed'
  | 'contact.confirmed'
  | 'contact.unsubscribed';

/** The JSON a forward carries: what `forward http` posts, and what e-mails and SMS are written from. */
export interface ForwardEvent {
  /** Unique per forward; stays the same across retries, so receivers can drop duplicates. */
  id: string;
  type: ForwardEventType;
  /** ISO 8601. */
  createdAt: string;
  workspaceId: string;
  rule: { index: number; name: string | null; line: number };
  contact: {
    id: string;
    transport: string;
    address: string;
    phone: string | null;
    name: string | null;
    state: ContactState;
    tags: string[];
    assignee: string | null;
  };
  message: {
    id: string;
    text: string | null;
    media: { kind: MediaKind; url: string | null; mimeType: string | null; caption: string | null } | null;
    at: string;
  } | null;
  channel: { slug: string; name: string } | null;
}

export interface ForwardEventInput {
  workspaceId: string;
  at: number;
  event: RuleEvent;
  channel: Channel | null;
  contact: Contact;
  message: Message | null;
  rule: ForwardEvent['rule'];
}

function typeOf(event: RuleEvent, channel: Channel | null): ForwardEventType {
  switch (event) {
    case 'message':
      return 'message.received';
    case 'call':
      return 'call.received';
    case 'subscribed':
      return 'subscription.added';
    case 'confirmed':
      return 'contact.confirmed';
    case 'unsubscribed':
      return channel ? 'subscription.removed' : 'contact.unsubscribed';
  }
}

export function forwardEvent(input: ForwardEventInput): ForwardEvent {
  const { contact, message, channel } = input;
  const media = message?.content.media;
  return {
    id: `evt_${nanoid()}`,
    type: typeOf(input.event, channel),
    createdAt: new Date(input.at).toISOString(),
    workspaceId: input.workspaceId,
    rule: input.rule,
    contact: {
      id: contact.id,
      transport: contact.transport,
      address: contact.address,
      phone: contact.phone,
      name: contact.name,
      state: contact.state,
      tags: [...contact.tags],
      assignee: contact.assignee ?? null,
    },
    message: message
      ? {
          id: message.id,
          text: message.content.text ?? null,
          media: media
            ? {
                kind: media.kind,
                url: media.url ?? null,
                mimeType: media.mimeType ?? null,
                caption: media.caption ?? null,
              }
            : null,
          at: new Date(message.at).toISOString(),
        }
      : null,
    channel: channel ? { slug: channel.slug, name: channel.name } : null,
  };
}
