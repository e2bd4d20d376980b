#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { migrate } from './migrations/migrations.js';
import { postgresStore } from './postgres-store.js';

const usage = `Usage: tidings-postgres migrate [--url postgres://…] [--schema name] [--pglite folder]
  Applies the pending migrations. The URL defaults to DATABASE_URL.`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { url: { type: 'string' }, schema: { type: 'string' }, pglite: { type: 'string' } },
  });
  if (positionals[0] !== 'migrate') {
    console.error(usage);
    return 2;
  }
  const url = values.url ?? process.env.DATABASE_URL;
  const schema = values.schema ? { schema: values.schema } : {};
  const store = values.pglite
    ? postgresStore({ pglite: values.pglite, migrate: false, ...schema })
    : url
      ? postgresStore({ connectionString: url, migrate: false, ...schema })
      : null;
  if (!store) {
    console.error(`No database: pass --url or set DATABASE_URL.\n${usage}`);
    return 2;
  }
  try {
    await store.init();
    const applied = await migrate(store.db);
    console.log(applied.length ? `Applied migrations ${applied.join(', ')}.` : 'Nothing to migrate.');
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
