import type { Contact } from '../model/contact.js';
import type { Message } from '../model/message.js';
import { tokenStatus } from '../model/optin-token.js';
import type { InboundMessageEvent } from '../ports/inbound-event.js';
import { confirmContact } from './confirm.js';
import type { CoreContext } from './core-context.js';
import { appendLedger } from './ledger.js';

/** The phone a contact is known by, where we know one. */
const knownPhone = (contact: Contact) =>
  contact.phone ?? (contact.address.startsWith('+') ? contact.address : null);

/**
 * Confirms a sign-up by its token (F1). The token must be pending, for this messenger, and — where the
 * request named an address — come from that very address. Returns null (and notes why in the ledger) otherwise.
 */
export async function confirmByToken(
  ctx: CoreContext,
  contact: Contact,
  tokenValue: string,
  message: Message,
  event: InboundMessageEvent,
): Promise<Contact | null> {
  const { store, workspaceId } = ctx;
  const now = ctx.clock.now();
  const token = await store.optinTokens.get(workspaceId, tokenValue);
  const reject = async (reason: string) => {
    await appendLedger(ctx, contact, {
      action: 'token-rejected',
      method: 'message',
      messageId: message.id,
      detail: reason,
    });
    return null;
  };
  if (!token || token.transport !== contact.transport) return reject('unknown token');
  const status = tokenStatus(token, now);
  if (status !== 'pending') return reject(`token ${status}`);
  // Where the platform hides the phone behind a business-scoped id, the token in the text is the proof.
  const phone = knownPhone(contact);
  if (
    token.address !== null &&
    token.address !== contact.address &&
    phone !== null &&
    phone !== token.address
  ) {
    return reject('token sent from another address');
  }
  if (!(await store.optinTokens.consume(workspaceId, token.token, contact.id, now)))
    return reject('token already used');

  const { channels: all } = await ctx.channels.get();
  const chosen = all.filter((c) => token.channels.includes(c.slug));
  return confirmContact(ctx, contact, {
    channels: chosen,
    source: { method: token.method, messageId: message.id, noticeText: token.noticeText },
    locale: token.locale,
    senderId: event.senderId,
  });
}
