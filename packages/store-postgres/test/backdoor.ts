import type { StoreBackdoor } from '@tidings/core/testing';
import type { Queryable } from '../src/db/queryable.js';
import { toForward } from '../src/repositories/forwards.js';
import { toRuleSet } from '../src/repositories/rules.js';
import { type Row, toChannel, toContact, toEntry, toMessage, toToken } from '../src/rows.js';

/** Every table that holds data, for `rowsMentioning` (the migrations table holds none). */
const TABLES = [
  'contacts',
  'consent_ledger',
  'channels',
  'subscriptions',
  'optin_tokens',
  'messages',
  'rate_limits',
  'broadcasts',
  'deliveries',
  'pacing',
  'daily_recipients',
  'daily_counts',
  'sender_states',
  'links',
  'link_clicks',
  'rule_sets',
  'forwards',
  'agents',
  'inbox_settings',
  'canned_answers',
] as const;

/** Plain-SQL reads of what the store really wrote, bypassing its repositories. */
export function postgresBackdoor(db: Queryable): StoreBackdoor {
  const one = async <T>(sql: string, params: unknown[], map: (r: Row) => T): Promise<T | null> => {
    const { rows } = await db.query<Row>(sql, params);
    return rows[0] ? map(rows[0]) : null;
  };
  return {
    contact: (ws, id) =>
      one('SELECT * FROM contacts WHERE workspace_id = $1 AND id = $2', [ws, id], toContact),
    async subscriptionChannelIds(ws, contactId) {
      const { rows } = await db.query<{ channel_id: string }>(
        'SELECT channel_id FROM subscriptions WHERE workspace_id = $1 AND contact_id = $2',
        [ws, contactId],
      );
      return rows.map((r) => r.channel_id).sort();
    },
    async ledger(ws) {
      const { rows } = await db.query<Row>(
        'SELECT * FROM consent_ledger WHERE workspace_id = $1 ORDER BY seq',
        [ws],
      );
      return rows.map(toEntry);
    },
    token: (ws, token) =>
      one('SELECT * FROM optin_tokens WHERE workspace_id = $1 AND token = $2', [ws, token], toToken),
    async messages(ws, contactId) {
      const { rows } = await db.query<Row>(
        'SELECT * FROM messages WHERE workspace_id = $1 AND contact_id = $2 ORDER BY seq',
        [ws, contactId],
      );
      return rows.map(toMessage);
    },
    channel: (ws, id) =>
      one('SELECT * FROM channels WHERE workspace_id = $1 AND id = $2', [ws, id], toChannel),
    ruleSet: (ws) => one('SELECT * FROM rule_sets WHERE workspace_id = $1', [ws], toRuleSet),
    async forwards(ws) {
      const { rows } = await db.query<Row>('SELECT * FROM forwards WHERE workspace_id = $1 ORDER BY seq', [
        ws,
      ]);
      return rows.map(toForward);
    },
    async rowsMentioning(needle) {
      const hits: string[] = [];
      for (const table of TABLES) {
        // The whole row as text: every column, whatever its type.
        const { rows } = await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM ${table} t WHERE strpos(t::text, $1) > 0`,
          [needle],
        );
        for (let i = 0; i < Number(rows[0]?.n ?? 0); i++) hits.push(table);
      }
      return hits;
    },
  };
}
