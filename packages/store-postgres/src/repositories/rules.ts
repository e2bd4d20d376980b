import type { RuleSetRepository, StoredRuleSet } from '@tidings/core';
import type { Db } from '../db/queryable.js';
import type { Row } from '../rows.js';

export const toRuleSet = (r: Row): StoredRuleSet => ({
  workspaceId: r.workspace_id as string,
  version: Number(r.version),
  source: r.source as StoredRuleSet['source'],
  text: r.text as string,
  json: r.json as StoredRuleSet['json'],
  updatedAt: Number(r.updated_at),
});

export function postgresRuleSets(db: Db): RuleSetRepository {
  return {
    async get(workspaceId) {
      const { rows } = await db.query<Row>('SELECT * FROM rule_sets WHERE workspace_id = $1', [workspaceId]);
      return rows[0] ? toRuleSet(rows[0]) : null;
    },
    async replace(workspaceId, set, at) {
      // One upsert: concurrent replacements each get their own version.
      const { rows } = await db.query<Row>(
        `INSERT INTO rule_sets AS r (workspace_id, version, source, text, json, updated_at)
         VALUES ($1, 1, $2, $3, $4, $5)
         ON CONFLICT (workspace_id) DO UPDATE SET version = r.version + 1, source = $2, text = $3, json = $4,
           updated_at = $5
         RETURNING *`,
        [workspaceId, set.source, set.text, JSON.stringify(set.json), at],
      );
      return toRuleSet(rows[0]!);
    },
  };
}
