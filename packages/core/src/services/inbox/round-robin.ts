import type { Contact } from '../../model/contact.js';
import type { CoreContext } from '../core-context.js';

/**
 * After an inbound message or call: while round-robin is on, a conversation nobody handles goes to the next
 * available agent (F28). Runs after the auto-reply rules, so a rule's `assign to` comes first.
 */
export async function assignByRoundRobin(ctx: CoreContext, contact: Contact): Promise<Contact> {
  if ((contact.assignee ?? null) !== null) return contact;
  if (!(await ctx.store.agents.roundRobin(ctx.workspaceId))) return contact;
  const result = await ctx.store.conversations.assignNext(ctx.workspaceId, contact.id, ctx.clock.now());
  if (!result) return contact;
  ctx.events.emit('conversation.assigned', {
    contactId: contact.id,
    assignee: result.agentId,
    previous: null,
    via: 'round-robin',
    by: null,
    note: null,
  });
  return result.contact;
}
