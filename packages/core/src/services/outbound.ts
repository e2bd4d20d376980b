import { mayMessage } from '../consent/may-message.js';
import { TidingsError } from '../errors/tidings-error.js';
import type { Contact } from '../model/contact.js';
import type { Content } from '../model/content.js';
import type { Message, OutboundPurpose } from '../model/message.js';
import type { SendOutcome } from '../ports/send-outcome.js';
import { markBlocked } from './contact-blocking.js';
import type { CoreContext } from './core-context.js';
import { transportFor } from './transports.js';

export interface SendOptions {
  purpose: OutboundPurpose;
  /** The inbound message this answers, where it answers one. */
  inReplyTo?: string | null;
  /** Send from this sender account instead of the contact's own (a reply goes out where the message came in). */
  senderId?: string;
}

/**
 * Sends one message to one contact now, after the consent guard, and records it in the conversation.
 * Throws CONSENT_REQUIRED when the guard says no; platform refusals are recorded, not thrown.
 */
export async function sendToContact(
  ctx: CoreContext,
  contact: Contact,
  content: Content,
  options: SendOptions,
): Promise<{ message: Message; outcome: SendOutcome }> {
  const inReplyTo = options.inReplyTo ?? null;
  const verdict = mayMessage(contact, options.purpose, inReplyTo);
  if (!verdict.allowed) {
    throw new TidingsError('CONSENT_REQUIRED', `Not sending to contact ${contact.id}: ${verdict.reason}.`);
  }
  const transport = transportFor(ctx, contact.transport);
  const wanted = options.senderId ?? contact.senderId;
  const sender = transport.senders.find((s) => s.id === wanted) ?? transport.senders[0]!;
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
    at: ctx.clock.now(),
    inReplyTo,
  }))!;

  let outcome: SendOutcome;
  try {
    outcome = await transport.send({
      sender,
      to: contact.address,
      content,
      purpose: options.purpose,
      messageId: message.id,
    });
  } catch (error) {
    ctx.logger.error(`transport "${transport.name}" threw instead of returning an outcome`, { error });
    outcome = {
      kind: 'retry',
      retryAfterMs: null,
      reason: error instanceof Error ? error.message : String(error),
    };
  }
  return { message: await recordOutcome(ctx, contact, message, outcome), outcome };
}

async function recordOutcome(
  ctx: CoreContext,
  contact: Contact,
  message: Message,
  outcome: SendOutcome,
): Promise<Message> {
  const { store, workspaceId, events } = ctx;
  if (outcome.kind === 'accepted') {
    await store.messages.updateStatus(workspaceId, message.id, {
      status: 'sent',
      providerMessageId: outcome.providerMessageId,
    });
    const sent: Message = { ...message, status: 'sent', providerMessageId: outcome.providerMessageId };
    events.emit('message.sent', { contact, message: sent });
    return sent;
  }
  const error = `${outcome.kind}: ${outcome.reason}${outcome.code ? ` (${outcome.code})` : ''}`;
  await store.messages.updateStatus(workspaceId, message.id, { status: 'failed', error });
  if (outcome.kind === 'recipient-blocked' || outcome.kind === 'recipient-gone') {
    await markBlocked(ctx, contact, outcome.reason, 'platform');
  }
  const failed: Message = { ...message, status: 'failed', error };
  events.emit('message.failed', { contact, message: failed, outcome });
  return failed;
}
