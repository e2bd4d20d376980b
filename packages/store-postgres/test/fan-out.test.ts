import type { NewBroadcast } from '@tidings/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresStore, postgresStore } from '../src/index.js';
import { databaseUrl, freshSchema } from './database.js';
import { seedSubscribersSql } from './seed.js';

const T0 = Date.parse('2026-06-01T10:00:00Z');

const broadcastRow = (workspaceId: string, overrides: Partial<NewBroadcast>): NewBroadcast => ({
  workspaceId,
  name: null,
  status: 'sending',
  content: { text: 'x' },
  audience: {},
  scheduledAt: T0,
  tracking: 'off',
  referenceId: null,
  spreadMs: 0,
  fanout: { cursor: null, done: false, total: 0, leaseUntil: null },
  createdAt: 0,
  updatedAt: 0,
  startedAt: null,
  completedAt: null,
  cancelledCount: 0,
  ...overrides,
});

describe('server-side fan-out on PostgreSQL', () => {
  let store: PostgresStore;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshSchema();
    drop = fresh.drop;
    store = postgresStore({ connectionString: databaseUrl, schema: fresh.schema });
    await store.init();
  });
  afterAll(async () => {
    await store.close();
    await drop();
  });

  it('two workers taking turns on one broadcast insert every recipient exactly once', async () => {
    const ws = 'fanout-turns';
    const channel = await store.channels.create(
      {
        workspaceId: ws,
        slug: 'news',
        name: 'News',
        description: null,
        keywords: [],
        welcome: null,
        active: true,
        isDefault: true,
      },
      0,
    );
    await seedSubscribersSql(store.db, { workspaceId: ws, count: 3_000, channelId: channel.id });
    const b = await store.broadcasts.create(
      broadcastRow(ws, { status: 'scheduled', audience: { channels: ['news'] }, spreadMs: 60_000 }),
    );
    await store.broadcasts.claimFanOut(ws, T0, 60_000);
    const worker = async () => {
      let inserted = 0;
      for (;;) {
        const r = await store.broadcasts.fanOut(ws, b.id, { limit: 97, now: T0, leaseMs: 60_000 });
        if (!r) return inserted;
        inserted += r.inserted;
        if (r.nextCursor === null) return inserted;
      }
    };
    const [a, c] = await Promise.all([worker(), worker()]);
    expect(a + c).toBe(3_000);
    expect(a).toBeGreaterThan(0);
    expect(c).toBeGreaterThan(0);
    const { rows } = await store.db.query<{ n: string; contacts: string; spread: string }>(
      `SELECT count(*) AS n, count(DISTINCT contact_id) AS contacts, max(not_before) - min(not_before) AS spread
       FROM deliveries WHERE broadcast_id = $1`,
      [b.id],
    );
    expect(rows[0]).toMatchObject({ n: '3000', contacts: '3000' });
    // The spread puts recipients at moments across the minute, not all at the start.
    expect(Number(rows[0]!.spread)).toBeGreaterThan(50_000);
    expect((await store.broadcasts.get(ws, b.id))?.fanout).toMatchObject({ done: true, total: 3_000 });
  });

  it('skips a contact already in the outbox for the broadcast instead of failing the chunk', async () => {
    const ws = 'fanout-guard';
    const channel = await store.channels.create(
      {
        workspaceId: ws,
        slug: 'news',
        name: 'News',
        description: null,
        keywords: [],
        welcome: null,
        active: true,
        isDefault: true,
      },
      0,
    );
    await seedSubscribersSql(store.db, { workspaceId: ws, count: 300, channelId: channel.id, from: 10_000 });
    const b = await store.broadcasts.create(
      broadcastRow(ws, { status: 'scheduled', audience: { channels: ['news'] } }),
    );
    // A fanned-out row written behind the store's back (say, restored from a backup) for one of the recipients.
    const { rows } = await store.db.query<{ id: string }>(
      'SELECT id FROM contacts WHERE workspace_id = $1 ORDER BY seq OFFSET 150 LIMIT 1',
      [ws],
    );
    await store.db.query(
      `INSERT INTO deliveries (workspace_id, broadcast_id, contact_id, transport, sender_id, address, lane, purpose,
         attempts, not_before, due_at, use_template, created_at, from_fanout)
       VALUES ($1, $2, $3, 'sandbox', 'sandbox', 'x', 1, 'broadcast', 0, $4, $4, false, $4, true)`,
      [ws, b.id, rows[0]!.id, T0],
    );
    await store.broadcasts.claimFanOut(ws, T0, 60_000);
    const chunks = [];
    for (;;) {
      const r = await store.broadcasts.fanOut(ws, b.id, { limit: 100, now: T0, leaseMs: 60_000 });
      chunks.push(r!.inserted);
      if (r!.nextCursor === null) break;
    }
    expect(chunks).toEqual([100, 99, 100, 0]);
    const counted = await store.db.query<{ n: string; contacts: string }>(
      'SELECT count(*) AS n, count(DISTINCT contact_id) AS contacts FROM deliveries WHERE broadcast_id = $1',
      [b.id],
    );
    expect(counted.rows[0]).toEqual({ n: '300', contacts: '300' });
    expect((await store.broadcasts.get(ws, b.id))?.fanout).toMatchObject({ done: true, total: 299 });
  });

  it("drops a cancelled broadcast's deliveries whose worker died holding them", async () => {
    const ws = 'cancel-orphans';
    const b = await store.broadcasts.create(
      broadcastRow(ws, { fanout: { cursor: null, done: true, total: 1, leaseUntil: null }, startedAt: T0 }),
    );
    await store.deliveries.enqueue({
      workspaceId: ws,
      broadcastId: b.id,
      messageId: null,
      contactId: 'c1',
      transport: 'sandbox',
      senderId: 'sandbox',
      address: '+4915100000001',
      lane: 'bulk',
      purpose: 'broadcast',
      inReplyTo: null,
      attempts: 0,
      notBefore: T0,
      slotAt: null,
      useTemplate: false,
      lastError: null,
      createdAt: T0,
    });
    expect(
      await store.deliveries.claim(ws, { owner: 'dead', limit: 10, now: T0, leaseMs: 1000 }),
    ).toHaveLength(1);
    expect(await store.deliveries.cancelBroadcast(ws, b.id)).toBe(0);
    await store.broadcasts.transition(ws, b.id, ['sending'], 'cancelled', T0);
    expect(
      await store.deliveries.claim(ws, { owner: 'w', limit: 10, now: T0 + 1000, leaseMs: 1000 }),
    ).toEqual([]);
    expect(await store.deliveries.countQueued(ws, b.id)).toBe(0);
  });
});
