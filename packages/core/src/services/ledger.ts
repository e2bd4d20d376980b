import type { ConsentAction, ConsentEntry, ConsentMethod } from '../model/consent.js';
import type { Contact } from '../model/contact.js';
import type { CoreContext } from './core-context.js';

export interface LedgerLine {
  action: ConsentAction;
  method: ConsentMethod;
  channels?: string[];
  noticeText?: string | null;
  messageId?: string | null;
  detail?: string | null;
}

/** Appends one line of evidence about a contact to the consent ledger (F8). */
export function appendLedger(ctx: CoreContext, contact: Contact, line: LedgerLine): Promise<ConsentEntry> {
  return ctx.store.consent.append({
    workspaceId: ctx.workspaceId,
    contactId: contact.id,
    transport: contact.transport,
    address: contact.address,
    at: ctx.clock.now(),
    action: line.action,
    method: line.method,
    channels: line.channels ?? [],
    noticeText: line.noticeText ?? null,
    senderId: contact.senderId,
    messageId: line.messageId ?? null,
    detail: line.detail ?? null,
  });
}
