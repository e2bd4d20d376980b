import type { Store } from '../../ports/store.js';
import { memoryBroadcasts } from './memory-broadcasts.js';
import { memoryChannels } from './memory-channels.js';
import { memoryConsent } from './memory-consent.js';
import { memoryContacts } from './memory-contacts.js';
import { memoryDeliveries } from './memory-deliveries.js';
import { memoryForwards } from './memory-forwards.js';
import { memoryAgents, memoryCannedAnswers, memoryConversations } from './memory-inbox.js';
import { memoryLinks } from './memory-links.js';
import { memoryMessages } from './memory-messages.js';
import { memoryPacing } from './memory-pacing.js';
import { memoryRateLimits } from './memory-rate-limits.js';
import { memoryRuleSets } from './memory-rules.js';
import { memorySenderStates } from './memory-sender-states.js';
import { memorySubscriptions } from './memory-subscriptions.js';
import { createTables, type MemoryTables } from './memory-tables.js';
import { memoryTokens } from './memory-tokens.js';

export function storeOverTables(tables: MemoryTables): Store {
  const deliveries = memoryDeliveries(tables);
  return {
    broadcasts: memoryBroadcasts(tables, deliveries),
    deliveries,
    pacing: memoryPacing(tables),
    senderStates: memorySenderStates(tables),
    links: memoryLinks(tables),
    contacts: memoryContacts(tables),
    consent: memoryConsent(tables),
    channels: memoryChannels(tables),
    subscriptions: memorySubscriptions(tables),
    optinTokens: memoryTokens(tables),
    messages: memoryMessages(tables),
    rateLimits: memoryRateLimits(tables),
    rules: memoryRuleSets(tables.rules),
    forwards: memoryForwards(tables.rules),
    conversations: memoryConversations(tables),
    agents: memoryAgents(tables),
    cannedAnswers: memoryCannedAnswers(tables),
  };
}

/**
 * Keeps everything in the process's memory: for tests, demos and single-process tools.
 * Data is gone when the process ends; use `@tidings/store-postgres` to keep it.
 *
 * @example
 * const tidings = createTidings({ store: memoryStore(), transports: [sandboxTransport()] });
 */
export function memoryStore(): Store {
  return storeOverTables(createTables());
}
