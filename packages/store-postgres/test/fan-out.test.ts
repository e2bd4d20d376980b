import { broadcastRow, channelRow, deliveryRow } from '@tidings/core/testing';
import { describe, expect, it } from 'vitest';
import { storeOnFreshSchema } from './fresh-store.js';
import { seedSubscribersSql } from './seed.js';

const T0 = Date.parse('2026-06-01T10:00:00Z');

describe('server-side fan-out on PostgreSQL', () => {
  const storeOf = storeOnFreshSchema();

  it('two workers taking turns on one broadcast insert every recipient exactly once', async () => {
    const ws = 'fanout-turns';
    const channel = await storeOf().channels.create(channelRow(ws, 'news'), 0);
    await seedSubscribersSql(storeOf().db, { workspaceId: ws, count: 3_000, channelId: channel.id });
    const b = await storeOf().broadcasts.create(
      broadcastRow(ws, { status: 'scheduled', audience: { channels: ['news'] }, spreadMs: 60_000 }),
    );
    await storeOf().broadcasts.claimFanOut(ws, T0, 60_000);
    const worker = async () => {
      let inserted = 0;
      for (;;) {
        const r = await storeOf().broadcasts.fanOut(ws, b.id, { limit: 97, now: T0, leaseMs: 60_000 });
        if (!r) return inserted;
        inserted += r.inserted;
        if (r.nextCursor === null) return inserted;
      }
    };
    const [a, c] = await Promise.all([worker(), worker()]);
    expect(a + c).toBe(3_000);
    expect(a).toBeGreaterThan(0);
    expect(c).toBeGreaterThan(0);
    const { rows } = await storeOf().db.query<{ n: string; contacts: string; spread: string }>(
      `SELECT count(*) AS n, count(DISTINCT contact_id) AS contacts, max(not_before) - min(not_before) AS spread
       FROM deliveries WHERE broadcast_id = $1`,
      [b.id],
    );
    expect(rows[0]).toMatchObject({ n: '3000', contacts: '3000' });
    // The spread puts recipients at moments across the minute, not all at the start.
    expect(Number(rows[0]!.spread)).toBeGreaterThan(50_000);
    expect((await storeOf().broadcasts.get(ws, b.id))?.fanout).toMatchObject({ done: true, total: 3_000 });
  });

  it('skips a contact already in the outbox for the broadcast instead of failing the chunk', async () => {
    const ws = 'fanout-guard';
    const channel = await storeOf().channels.create(channelRow(ws, 'news'), 0);
    await seedSubscribersSql(storeOf().db, {
      workspaceId: ws,
      count: 300,
      channelId: channel.id,
      from: 10_000,
    });
    const b = await storeOf().broadcasts.create(
      broadcastRow(ws, { status: 'scheduled', audience: { channels: ['news'] } }),
    );
    // A fanned-out row written behind the store's back (say, restored from a backup) for one of the recipients.
    const { rows } = await storeOf().db.query<{ id: string }>(
      'SELECT id FROM contacts WHERE workspace_id = $1 ORDER BY seq OFFSET 150 LIMIT 1',
      [ws],
    );
    await storeOf().db.query(
      `INSERT INTO deliveries (workspace_id, broadcast_id, contact_id, transport, sender_id, address, lane, purpose,
         attempts, not_before, due_at, use_template, created_at, from_fanout)
       VALUES ($1, $2, $3, 'sandbox', 'sandbox', 'x', 1, 'broadcast', 0, $4, $4, false, $4, true)`,
      [ws, b.id, rows[0]!.id, T0],
    );
    await storeOf().broadcasts.claimFanOut(ws, T0, 60_000);
    const chunks = [];
    for (;;) {
      const r = await storeOf().broadcasts.fanOut(ws, b.id, { limit: 100, now: T0, leaseMs: 60_000 });
      chunks.push(r!.inserted);
      if (r!.nextCursor === null) break;
    }
    expect(chunks).toEqual([100, 99, 100, 0]);
    const counted = await storeOf().db.query<{ n: string; contacts: string }>(
      'SELECT count(*) AS n, count(DISTINCT contact_id) AS contacts FROM deliveries WHERE broadcast_id = $1',
      [b.id],
    );
    expect(counted.rows[0]).toEqual({ n: '300', contacts: '300' });
    expect((await storeOf().broadcasts.get(ws, b.id))?.fanout).toMatchObject({ done: true, total: 299 });
  });

  it("drops a cancelled broadcast's deliveries whose worker died holding them", async () => {
    const ws = 'cancel-orphans';
    const b = await storeOf().broadcasts.create(
      broadcastRow(ws, { fanout: { cursor: null, done: true, total: 1, leaseUntil: null }, startedAt: T0 }),
    );
    await storeOf().deliveries.enqueue(deliveryRow(ws, 'c1', { broadcastId: b.id }));

    expect(
      await storeOf().deliveries.claim(ws, { owner: 'dead', limit: 10, now: T0, leaseMs: 1000 }),
    ).toHaveLength(1);
    expect(await storeOf().deliveries.cancelBroadcast(ws, b.id)).toBe(0);
    await storeOf().broadcasts.transition(ws, b.id, ['sending'], 'cancelled', T0);
    expect(
      await storeOf().deliveries.claim(ws, { owner: 'w', limit: 10, now: T0 + 1000, leaseMs: 1000 }),
    ).toEqual([]);
    expect(await storeOf().deliveries.countQueued(ws, b.id)).toBe(0);
  });
});
