import type { ConsentMethod } from '../model/consent.js';
import type { Contact } from '../model/contact.js';
import type { CoreContext } from './core-context.js';
import { appendLedger } from './ledger.js';

/** F10: a contact who blocked us or is unreachable is marked and never messaged again until they write. */
export async function markBlocked(
  ctx: CoreContext,
  contact: Contact,
  reason: string,
  method: ConsentMethod,
): Promise<Contact> {
  if (contact.blockedAt !== null) return contact;
  const now = ctx.clock.now();
  const updated = await ctx.store.contacts.update(
    ctx.workspaceId,
    contact.id,
    { blockedAt: now, blockedReason: reason },
    now,
  );
  await appendLedger(ctx, updated, { action: 'blocked', method, detail: reason });
  ctx.events.emit('contact.blocked', { contact: updated, reason });
  return updated;
}

export async function markUnblocked(
  ctx: CoreContext,
  contact: Contact,
  method: ConsentMethod,
): Promise<Contact> {
  if (contact.blockedAt === null) return contact;
  const now = ctx.clock.now();
  const updated = await ctx.store.contacts.update(
    ctx.workspaceId,
    contact.id,
    { blockedAt: null, blockedReason: null },
    now,
  );
  await appendLedger(ctx, updated, { action: 'unblocked', method });
  ctx.events.emit('contact.unblocked', { contact: updated });
  return updated;
}
