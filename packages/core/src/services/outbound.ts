import { mayMessage } from '../consent/may-message.js';
import { TidingsError } from '../errors/tidings-error.js';
import type { Contact } from '../model/contact.js';
import type { Content } from '../model/content.js';
import type { Message, OutboundPurpose } from '../model/message.js';
import type { CoreContext } from './core-context.js';
import { transportFor } from './transports.js';

export interface SendOptions {
  purpose: OutboundPurpose;
  /** The inbound message this answers, where it answers one. */
  inReplyTo?: string | null;
  /** Send from this sender account instead of the contact's own (a reply goes out where the message came in). */
  senderId?: string;
  /** The agent who wrote it (an inbox reply), kept on the message. */
  agentId?: string | null;
}

/**
 * Queues one message to one contact in the priority lane — ahead of broadcast traffic, through the same pacing
 * chain — and records it in the conversation as `queued`. The dispatcher sends it.
 * Throws CONSENT_REQUIRED when the consent guard says no (it asks again right before sending).
 */
export async function sendToContact(
  ctx: CoreContext,
  contact: Contact,
  content: Content,
  options: SendOptions,
): Promise<Message> {
  const inReplyTo = options.inReplyTo ?? null;
  const verdict = mayMessage(contact, options.purpose, inReplyTo);
  if (!verdict.allowed) {
    throw new TidingsError('CONSENT_REQUIRED', `Not sending to contact ${contact.id}: ${verdict.reason}.`);
  }
  const transport = transportFor(ctx, contact.transport);
  const wanted = options.senderId ?? contact.senderId;
  const sender = transport.senders.find((s) => s.id === wanted) ?? transport.senders[0]!;
  const now = ctx.clock.now();
  const message = (await ctx.store.messages.insert({
    workspaceId: ctx.workspaceId,
    contactId: contact.id,
    transport: transport.name,
    senderId: sender.id,
    direction: 'out',
    kind: 'message',
    purpose: options.purpose,
    content,
    providerMessageId: null,
    status: 'queued',
    error: null,
    at: now,
    inReplyTo,
    broadcastId: null,
    ...(options.agentId ? { agentId: options.agentId } : {}),
  }))!;
  await ctx.store.deliveries.enqueue({
    workspaceId: ctx.workspaceId,
    broadcastId: null,
    messageId: message.id,
    contactId: contact.id,
    transport: transport.name,
    senderId: sender.id,
    address: contact.address,
    lane: 'priority',
    purpose: options.purpose,
    inReplyTo,
    attempts: 0,
    notBefore: now,
    slotAt: null,
    useTemplate: false,
    lastError: null,
    createdAt: now,
  });
  ctx.wake();
  return message;
}
