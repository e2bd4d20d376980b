import type { Contact } from '../../model/contact.js';
import type { ConversationWindow } from '../../model/conversation.js';
import type { TransportCapabilities } from '../../ports/transport.js';

/**
 * Where a contact stands with the messenger's reply window at `now`, by the same rules the dispatcher's
 * service-window step applies to an agent's reply (F24, F27).
 */
export function conversationWindow(
  contact: Pick<Contact, 'lastInboundAt'>,
  capabilities: Pick<TransportCapabilities, 'serviceWindowMs' | 'agentWindowMs' | 'templates'>,
  now: number,
): ConversationWindow {
  const lastInboundAt = contact.lastInboundAt;
  const windowMs = capabilities.serviceWindowMs;
  if (windowMs === null) return { status: 'unlimited', until: null, lastInboundAt };
  if (lastInboundAt !== null && now - lastInboundAt < windowMs)
    return { status: 'open', until: lastInboundAt + windowMs, lastInboundAt };
  const agentWindowMs = capabilities.agentWindowMs ?? null;
  if (agentWindowMs !== null && lastInboundAt !== null && now - lastInboundAt < agentWindowMs)
    return { status: 'human-agent', until: lastInboundAt + agentWindowMs, lastInboundAt };
  if (capabilities.templates) return { status: 'template', until: null, lastInboundAt };
  return { status: 'closed', until: null, lastInboundAt };
}
