import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@tidings/core';
import { postgresStore } from '@tidings/store-postgres';
import { expect, it } from 'vitest';
import { createNewsroom } from '../src/create-app.js';

it('keeps its data in a PGlite folder across restarts (the demo default)', async () => {
  const root = await mkdtemp(join(tmpdir(), 'newsroom-'));
  // Like the demo's default `.data/newsroom` on a fresh checkout: neither folder exists yet.
  const folder = join(root, '.data', 'newsroom');
  try {
    const first = await createNewsroom({
      port: 0,
      logger: silentLogger,
      store: postgresStore({ pglite: folder }),
    });
    const started = await first.tidings.optins.start({
      transport: 'sandbox',
      address: '+4915112345678',
      channels: ['sport'],
    });
    await first.close();

    const second = await createNewsroom({
      port: 0,
      logger: silentLogger,
      store: postgresStore({ pglite: folder }),
    });
    try {
      expect((await second.tidings.channels.list()).map((c) => c.slug)).toEqual(['news', 'sport', 'culture']);
      expect((await second.tidings.optins.status(started.token))?.status).toBe('pending');
    } finally {
      await second.close();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}, 60_000);
