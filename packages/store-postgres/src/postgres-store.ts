import { mkdir } from 'node:fs/promises';
import type { Store } from '@tidings/core';
import { TidingsError } from '@tidings/core';
import pg from 'pg';
import { lazyDb } from './db/lazy-db.js';
import { pgDb } from './db/pg-db.js';
import { type PGliteLike, pgliteDb } from './db/pglite-db.js';
import type { Db } from './db/queryable.js';
import { migrate } from './migrations/migrations.js';
import { postgresBroadcasts } from './repositories/broadcasts.js';
import { postgresChannels } from './repositories/channels.js';
import { postgresConsent } from './repositories/consent.js';
import { postgresContacts } from './repositories/contacts.js';
import { postgresDeliveries } from './repositories/deliveries.js';
import { postgresForwards } from './repositories/forwards.js';
import { postgresAgents, postgresCannedAnswers, postgresConversations } from './repositories/inbox.js';
import { postgresLinks } from './repositories/links.js';
import { postgresMessages } from './repositories/messages.js';
import { postgresPacing } from './repositories/pacing.js';
import { postgresRateLimits } from './repositories/rate-limits.js';
import { postgresRuleSets } from './repositories/rules.js';
import { postgresSenderStates } from './repositories/sender-states.js';
import { postgresSubscriptions } from './repositories/subscriptions.js';
import { postgresTokens } from './repositories/tokens.js';

interface CommonOptions {
  /**
   * A schema to keep the tables in (created on `init()`); default: the connection's `search_path`. Only for
   * connections this store opens itself (`connectionString`, a PGlite folder).
   */
  schema?: string;
  /** Run pending migrations on `init()` (default true); set false when `tidings-postgres migrate` runs them. */
  migrate?: boolean;
}

export type PostgresStoreOptions = CommonOptions &
  (
    | { connectionString: string; poolSize?: number }
    /** A pool you own: the store never ends it. */
    | { pool: pg.Pool }
    /** A PGlite instance you own, or a folder for one the store opens (`memory://` keeps it in memory). */
    | { pglite: PGliteLike | string }
  );

/** A `Store` on PostgreSQL; `db` is the connection source, for tools such as the migrate command. */
export interface PostgresStore extends Store {
  readonly shared: true;
  readonly db: Db;
  init(): Promise<void>;
  close(): Promise<void>;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

function openDb(options: PostgresStoreOptions): Db {
  const schema = options.schema;
  if ('pool' in options) return pgDb(options.pool, false);
  if ('connectionString' in options) {
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      options: `-c jit=off${schema ? ` -c search_path=${quoteIdent(schema)}` : ''}`,
    });
    // An idle client's error (the server restarted) must not crash the process; the pool replaces the client.
    pool.on('error', () => {});
    return pgDb(pool, true);
  }
  const source = options.pglite;
  if (typeof source !== 'string') return pgliteDb(source, false);
  return lazyDb(async () => {
    const { PGlite } = await import('@electric-sql/pglite').catch((cause: unknown) => {
      throw new TidingsError(
        'INVALID_OPTIONS',
        'The `pglite` option needs @electric-sql/pglite installed: npm install @electric-sql/pglite.',
        { cause },
      );
    });
    // PGlite makes only the last folder of the path: a fresh checkout has no `./.data` yet.
    const folder = localFolder(source);
    if (folder !== null) await mkdir(folder, { recursive: true });
    const db = new PGlite(source) as unknown as PGliteLike;
    return pgliteDb(db, true);
  });
}

/** The folder of a PGlite data directory on this machine's disk: a plain path or `file://…`; null otherwise. */
function localFolder(dataDir: string): string | null {
  if (dataDir.startsWith('file://')) return dataDir.slice('file://'.length) || null;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(dataDir) || dataDir === '' ? null : dataDir;
}

/**
 * The durable store (F40): PostgreSQL through node-postgres, or embedded PGlite. Several processes may share one
 * database (F44): claims lease with `FOR UPDATE SKIP LOCKED`, pacing reservations and rate limits are atomic
 * statements, fan-out runs server-side in resumable chunks.
 *
 * @example
 * import { createTidings, sandboxTransport } from '@tidings/core';
 * import { postgresStore } from '@tidings/store-postgres';
 *
 * const store = postgresStore({ connectionString: process.env.DATABASE_URL! });
 * const tidings = createTidings({ store, transports: [sandboxTransport()] });
 * await tidings.start(); // runs the migrations
 */
export function postgresStore(options: PostgresStoreOptions): PostgresStore {
  const db = openDb(options);
  let ready: Promise<void> | null = null;
  const prepare = async () => {
    if (options.schema) {
      if ('pglite' in options)
        await db.exec(
          `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}; SET search_path TO ${quoteIdent(options.schema)}`,
        );
      else await db.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
    }
    if (options.migrate !== false) await migrate(db);
  };
  const deliveries = postgresDeliveries(db);
  return {
    shared: true,
    db,
    contacts: postgresContacts(db),
    consent: postgresConsent(db),
    channels: postgresChannels(db),
    subscriptions: postgresSubscriptions(db),
    optinTokens: postgresTokens(db),
    messages: postgresMessages(db),
    rateLimits: postgresRateLimits(db),
    rules: postgresRuleSets(db),
    forwards: postgresForwards(db),
    broadcasts: postgresBroadcasts(db),
    deliveries,
    pacing: postgresPacing(db),
    senderStates: postgresSenderStates(db),
    links: postgresLinks(db),
    conversations: postgresConversations(db),
    agents: postgresAgents(db),
    cannedAnswers: postgresCannedAnswers(db),
    init() {
      ready ??= prepare().catch((error: unknown) => {
        ready = null;
        throw error;
      });
      return ready;
    },
    close: () => db.close(),
  };
}
