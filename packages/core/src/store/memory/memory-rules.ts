import type { RuleSetRepository, StoredRuleSet } from '../../ports/rule-store.js';
import type { RuleTables } from './memory-rule-tables.js';

const copySet = (s: StoredRuleSet): StoredRuleSet => structuredClone(s);

export function memoryRuleSets(t: RuleTables): RuleSetRepository {
  return {
    async get(workspaceId) {
      const row = t.ruleSets.get(workspaceId);
      return row ? copySet(row) : null;
    },
    async replace(workspaceId, set, at) {
      const version = (t.ruleSets.get(workspaceId)?.version ?? 0) + 1;
      const row: StoredRuleSet = copySet({ workspaceId, version, ...set, updatedAt: at });
      t.ruleSets.set(workspaceId, row);
      return copySet(row);
    },
  };
}
