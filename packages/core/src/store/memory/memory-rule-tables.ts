import type { Forward, StoredRuleSet } from '../../ports/rule-store.js';

/** The memory store's rows for rules: one rule set per workspace, and the forward queue. */
export interface RuleTables {
  /** workspace id → its rule set */
  ruleSets: Map<string, StoredRuleSet>;
  /** forward id → forward, in the order they were queued */
  forwards: Map<string, Forward>;
}

export const createRuleTables = (): RuleTables => ({ ruleSets: new Map(), forwards: new Map() });
