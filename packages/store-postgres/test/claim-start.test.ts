import { deliveryRow } from '@tidings/core/testing';
import { describe, expect, it } from 'vitest';
import { storeOnFreshSchema } from './fresh-store.js';

const T0 = Date.parse('2026-06-01T10:00:00Z');

/**
 * Claims read the bulk lane from where the process's last claim began (past the dead index entries a long broadcast
 * leaves behind); rows that come to lie before that place are found by a read from the start: at once when the
 * claim would otherwise come back short, and at least once a second under a steady flow of full batches.
 */
describe('where claims begin reading the outbox', () => {
  const storeOf = storeOnFreshSchema();

  const claim = (ws: string, now: number, limit: number, owner = 'w', leaseMs = 60_000) =>
    storeOf().deliveries.claim(ws, { owner, limit, now, leaseMs });
  const contacts = (ds: { contactId: string }[]) => ds.map((d) => d.contactId);

  it('finds a row due before the last claim began when the read from there comes back short', async () => {
    const ws = 'start-short';
    for (let i = 0; i < 20; i++)
      await storeOf().deliveries.enqueue(deliveryRow(ws, `c${i}`, { notBefore: T0 }));
    expect(contacts(await claim(ws, T0, 10))).toHaveLength(10);
    // Queued after that claim, but due earlier than every row it took.
    await storeOf().deliveries.enqueue(deliveryRow(ws, 'early', { notBefore: T0 - 5_000 }));
    const next = await claim(ws, T0 + 1, 15);
    expect(next).toHaveLength(11);
    // Still in claim order: the early row first.
    expect(next[0]!.contactId).toBe('early');
  });

  it('finds rows passed over within a second under full batches: a lease that ran out, an early row', async () => {
    const ws = 'start-full';
    for (let i = 0; i < 60; i++)
      await storeOf().deliveries.enqueue(deliveryRow(ws, `c${i}`, { notBefore: T0 }));
    // A worker that dies holding the first ten.
    expect(await claim(ws, T0, 10, 'dead', 100)).toHaveLength(10);
    expect(contacts(await claim(ws, T0 + 10, 10))).toEqual(
      Array.from({ length: 10 }, (_, i) => `c${i + 10}`),
    );
    await storeOf().deliveries.enqueue(deliveryRow(ws, 'early', { notBefore: T0 - 5_000 }));
    // The dead worker's leases have run out, but this claim reads from where the last one began, and fills up.
    expect(contacts(await claim(ws, T0 + 200, 10))).toEqual(
      Array.from({ length: 10 }, (_, i) => `c${i + 20}`),
    );
    // A second after the last read from the start, the next claim reads from the start again.
    const later = contacts(await claim(ws, T0 + 1_010, 12));
    expect(later.slice(0, 11)).toEqual(['early', ...Array.from({ length: 10 }, (_, i) => `c${i}`)]);
    expect(later[11]).toBe('c30');
  });

  it('claims after finished rows take what is left, in order, and then nothing', async () => {
    const ws = 'start-dead';
    for (let i = 0; i < 30; i++)
      await storeOf().deliveries.enqueue(deliveryRow(ws, `c${i}`, { notBefore: T0 }));
    const first = await claim(ws, T0, 10);
    const done = await storeOf().deliveries.finishMany(
      ws,
      'w',
      first.map((d) => ({
        id: d.id,
        outcome: { status: 'sent', providerMessageId: `p-${d.id}`, error: null, at: T0 },
      })),
    );
    expect(done.every(Boolean)).toBe(true);
    expect(contacts(await claim(ws, T0 + 1, 10))).toEqual(Array.from({ length: 10 }, (_, i) => `c${i + 10}`));
    expect(contacts(await claim(ws, T0 + 2, 20))).toEqual(Array.from({ length: 10 }, (_, i) => `c${i + 20}`));
    expect(await claim(ws, T0 + 3, 20)).toEqual([]);
  });
});
