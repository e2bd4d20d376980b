import { fillPlaceholders, type ReplyTexts } from '../consent/replies.js';
import { TidingsError } from '../errors/tidings-error.js';
import type { Contact } from '../model/contact.js';
import type { OutboundPurpose } from '../model/message.js';
import type { CoreContext } from './core-context.js';
import { sendToContact } from './outbound.js';

export function repliesFor(ctx: CoreContext, contact: Contact): ReplyTexts {
  const locale = contact.locale ?? ctx.options.defaultLocale;
  return (
    ctx.options.replies[locale] ?? ctx.options.replies[ctx.options.defaultLocale] ?? ctx.options.replies.en!
  );
}

/** Sends a text to a contact as an answer to their message `inReplyTo`, filling `{name}` and friends. */
export async function replyWith(
  ctx: CoreContext,
  contact: Contact,
  text: string,
  purpose: OutboundPurpose,
  answer: { inReplyTo: string | null; senderId?: string },
  values: Record<string, string> = {},
): Promise<void> {
  const filled = fillPlaceholders(text, {
    name: contact.name ?? '',
    business: ctx.options.businessName,
    ...values,
  });
  try {
    await sendToContact(ctx, contact, { text: filled }, { purpose, ...answer });
  } catch (error) {
    // The guard said no: a built-in reply is never worth breaking the inbound flow for.
    if (!TidingsError.isInstance(error) || error.code !== 'CONSENT_REQUIRED') throw error;
    ctx.logger.warn(error.message, { contactId: contact.id, purpose });
  }
}
