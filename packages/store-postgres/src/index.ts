export type { PGliteLike } from './db/pglite-db.js';
export type { Db, Queryable, QueryResult } from './db/queryable.js';
export { type Migration, migrate, migrations } from './migrations/migrations.js';
export { type PostgresStore, type PostgresStoreOptions, postgresStore } from './postgres-store.js';
