import type { Db } from '../db/queryable.js';
import { initialSchema } from './001-initial.js';
import { pacingFunctions } from './002-pacing-functions.js';
import { rulesAndForwards } from './003-rules-and-forwards.js';
import { pacingJustMissed } from './004-pacing-just-missed.js';
import { dispatchBatches } from './005-dispatch-batches.js';
import { inbox } from './006-inbox.js';
import { claimsInPlace } from './007-claims-in-place.js';
import { pacingKeysGiven } from './008-pacing-keys-given.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every schema change, in order. Never edit one that shipped; add the next. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initialSchema },
  { version: 2, name: 'pacing functions', sql: pacingFunctions },
  { version: 3, name: 'rules and forwards', sql: rulesAndForwards },
  { version: 4, name: 'pacing: just missed', sql: pacingJustMissed },
  { version: 5, name: 'dispatch batches', sql: dispatchBatches },
  { version: 6, name: 'inbox', sql: inbox },
  { version: 7, name: 'claims in place', sql: claimsInPlace },
  { version: 8, name: 'pacing keys given', sql: pacingKeysGiven },
];

/**
 * Applies the migrations not yet recorded in `tidings_migrations`, in one transaction under an advisory lock, so
 * several processes starting together migrate once. Returns the versions applied.
 */
export async function migrate(db: Db): Promise<number[]> {
  return db.tx(async (q) => {
    await q.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.tidings_migrations'))");
    await q.query(`CREATE TABLE IF NOT EXISTS tidings_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = await q.query<{ version: number }>('SELECT version FROM tidings_migrations');
    const applied = new Set(done.rows.map((r) => Number(r.version)));
    const ran: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await q.exec(m.sql);
      await q.query('INSERT INTO tidings_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      ran.push(m.version);
    }
    return ran;
  });
}
