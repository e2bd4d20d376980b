import { type ConsentCommand, parseCommand } from '../consent/command.js';
import type { Channel } from '../model/channel.js';
import type { Contact } from '../model/contact.js';
import type { Message } from '../model/message.js';
import type { InboundMessageEvent } from '../ports/inbound-event.js';
import { confirmContact } from './confirm.js';
import type { CoreContext } from './core-context.js';
import { appendLedger } from './ledger.js';
import { repliesFor, replyWith } from './replies.js';
import { joinChannels, leaveChannels } from './subscriptions.js';
import { confirmByToken } from './token-confirmation.js';

export interface InboundMessage {
  contact: Contact;
  message: Message;
  event: InboundMessageEvent;
  /** The contact did not exist before this message. */
  isFirst: boolean;
}

export interface BuiltInResult {
  contact: Contact;
  command: ConsentCommand['kind'];
}

/**
 * The built-in consent handling that runs on every inbound message before anything else (F2, F5, F12):
 * START with or without token, channel keywords, STOP and "Stop <channel>". An unsubscribe always takes effect.
 */
export async function handleConsent(ctx: CoreContext, inbound: InboundMessage): Promise<BuiltInResult> {
  const { event, message } = inbound;
  const { vocabulary } = await ctx.channels.get();
  const command = parseCommand(event.text, event.startPayload, vocabulary);
  const answer = { inReplyTo: message.id, senderId: event.senderId };
  let contact = inbound.contact;
  const source = { method: 'keyword' as const, messageId: message.id };

  switch (command.kind) {
    case 'stop-all': {
      await leaveChannels(ctx, contact, null, source);
      contact = await unsubscribe(ctx, contact, message.id);
      await replyWith(ctx, contact, repliesFor(ctx, contact).unsubscribed, 'consent-reply', answer);
      break;
    }
    case 'stop-channels': {
      await leaveChannels(ctx, contact, command.channels, source);
      const left = await ctx.store.subscriptions.listByContact(ctx.workspaceId, contact.id);
      if (left.length === 0 && contact.state === 'confirmed')
        contact = await unsubscribe(ctx, contact, message.id);
      const names = command.channels.map((c) => c.name).join(', ');
      await replyWith(ctx, contact, repliesFor(ctx, contact).channelsLeft, 'consent-reply', answer, {
        channels: names,
      });
      break;
    }
    case 'start': {
      const byToken = command.token
        ? await confirmByToken(ctx, contact, command.token, message, event)
        : null;
      const method = event.startPayload !== undefined ? ('deep-link' as const) : ('keyword' as const);
      contact =
        byToken ??
        (await confirmContact(ctx, contact, {
          channels: [],
          source: { ...source, method },
          senderId: event.senderId,
        }));
      await sendDefaultWelcome(ctx, contact, answer);
      break;
    }
    case 'start-channels':
    case 'keywords': {
      contact =
        contact.state === 'confirmed'
          ? contact
          : await confirmContact(ctx, contact, {
              channels: command.channels,
              source,
              senderId: event.senderId,
            });
      await joinChannels(ctx, contact, command.channels, source);
      await sendWelcomes(ctx, contact, command.channels, answer);
      break;
    }
    case 'other': {
      if (inbound.isFirst && contact.state === 'visitor' && ctx.options.subscribeOnFirstMessage) {
        const { channels } = await ctx.channels.get();
        if (channels.some((c) => c.isDefault && c.active)) {
          contact = await confirmContact(ctx, contact, {
            channels: [],
            source: { ...source, method: 'message' },
          });
          await sendDefaultWelcome(ctx, contact, answer);
        }
      }
      break;
    }
  }
  return { contact, command: command.kind };
}

async function unsubscribe(ctx: CoreContext, contact: Contact, messageId: string): Promise<Contact> {
  const now = ctx.clock.now();
  await ctx.store.optinTokens.revokeForContact(ctx.workspaceId, contact.id, now);
  await appendLedger(ctx, contact, { action: 'opted-out', method: 'keyword', messageId });
  if (contact.state === 'unsubscribed') return contact;
  const updated = await ctx.store.contacts.update(
    ctx.workspaceId,
    contact.id,
    { state: 'unsubscribed' },
    now,
  );
  ctx.events.emit('contact.unsubscribed', { contact: updated });
  return updated;
}

type Answer = { inReplyTo: string; senderId: string };

/** After a confirmation: the default channel's welcome only (F13), or the plain confirmation where it has none. */
async function sendDefaultWelcome(ctx: CoreContext, contact: Contact, answer: Answer): Promise<void> {
  const { channels } = await ctx.channels.get();
  const fallback = channels.find((c) => c.isDefault && c.active);
  await replyWith(ctx, contact, fallback?.welcome ?? repliesFor(ctx, contact).confirmed, 'welcome', answer);
}

/** One welcome for each channel named by keyword (F12). */
async function sendWelcomes(
  ctx: CoreContext,
  contact: Contact,
  channels: readonly Channel[],
  answer: Answer,
): Promise<void> {
  const withWelcome = channels.filter((c) => c.welcome);
  if (withWelcome.length === 0)
    return replyWith(ctx, contact, repliesFor(ctx, contact).confirmed, 'welcome', answer);
  for (const channel of withWelcome) await replyWith(ctx, contact, channel.welcome!, 'welcome', answer);
}
