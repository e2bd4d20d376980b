import type { Channel } from '../model/channel.js';
import type { Contact } from '../model/contact.js';
import type { CoreContext } from './core-context.js';
import { appendLedger } from './ledger.js';
import { type ConsentSource, joinChannels } from './subscriptions.js';

export interface Confirmation {
  /** Channels to join beside the default one. */
  channels: readonly Channel[];
  source: ConsentSource;
  locale?: string | null;
  senderId?: string;
}

/** Makes a contact confirmed: joins the default channel plus `channels`, writes the ledger, fires `contact.confirmed`. */
export async function confirmContact(
  ctx: CoreContext,
  contact: Contact,
  confirmation: Confirmation,
): Promise<Contact> {
  const { channels: all } = await ctx.channels.get();
  const fallback = all.find((c) => c.isDefault && c.active);
  const wanted =
    fallback && !confirmation.channels.includes(fallback)
      ? [fallback, ...confirmation.channels]
      : confirmation.channels;
  const now = ctx.clock.now();
  const patch: Parameters<typeof ctx.store.contacts.update>[2] = { state: 'confirmed' };
  if (confirmation.locale) patch.locale = confirmation.locale;
  if (confirmation.senderId) patch.senderId = confirmation.senderId;
  const wasConfirmed = contact.state === 'confirmed';
  const confirmed = await ctx.store.contacts.update(ctx.workspaceId, contact.id, patch, now);
  if (!wasConfirmed) {
    await appendLedger(ctx, confirmed, {
      action:
        confirmation.source.method === 'widget' || confirmation.source.method === 'api'
          ? 'confirmed'
          : 'opted-in',
      channels: wanted.filter((c) => c.active).map((c) => c.slug),
      ...confirmation.source,
    });
  }
  const joined = await joinChannels(ctx, confirmed, wanted, confirmation.source);
  if (!wasConfirmed)
    ctx.events.emit('contact.confirmed', {
      contact: confirmed,
      method: confirmation.source.method,
      channels: joined,
    });
  return confirmed;
}
