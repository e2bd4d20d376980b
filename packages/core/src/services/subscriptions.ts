import type { Channel } from '../model/channel.js';
import type { ConsentMethod } from '../model/consent.js';
import type { Contact } from '../model/contact.js';
import type { CoreContext } from './core-context.js';
import { appendLedger } from './ledger.js';

export interface ConsentSource {
  method: ConsentMethod;
  messageId?: string | null;
  noticeText?: string | null;
}

/** Adds the contact to the active ones of `channels`; returns the channels newly joined. */
export async function joinChannels(
  ctx: CoreContext,
  contact: Contact,
  channels: readonly Channel[],
  source: ConsentSource,
): Promise<Channel[]> {
  const active = channels.filter((c) => c.active);
  const addedIds = await ctx.store.subscriptions.add(
    ctx.workspaceId,
    contact.id,
    active.map((c) => c.id),
    ctx.clock.now(),
  );
  const added = active.filter((c) => addedIds.includes(c.id));
  if (added.length > 0) {
    await appendLedger(ctx, contact, {
      action: 'channel-added',
      channels: added.map((c) => c.slug),
      ...source,
    });
    for (const channel of added) ctx.events.emit('subscription.added', { contact, channel });
  }
  return added;
}

/** Removes the contact from `channels` (all when omitted); returns the channels left. An unsubscribe always takes effect. */
export async function leaveChannels(
  ctx: CoreContext,
  contact: Contact,
  channels: readonly Channel[] | null,
  source: ConsentSource,
): Promise<Channel[]> {
  const removedIds = await ctx.store.subscriptions.remove(
    ctx.workspaceId,
    contact.id,
    channels?.map((c) => c.id),
  );
  const { channels: all } = await ctx.channels.get();
  const removed = all.filter((c) => removedIds.includes(c.id));
  if (removedIds.length > 0) {
    await appendLedger(ctx, contact, {
      action: 'channel-removed',
      channels: removed.map((c) => c.slug),
      ...source,
    });
    for (const channel of removed) ctx.events.emit('subscription.removed', { contact, channel });
  }
  return removed;
}
