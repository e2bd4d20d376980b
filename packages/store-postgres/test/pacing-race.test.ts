import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostgresStore } from '../src/index.js';
import { postgresStore } from '../src/index.js';
import { databaseUrl, freshSchema } from './database.js';

// Two processes' batches of reservations racing for recipients that have no pacing row yet: both see the rows
// missing, both work out slots, and only one may insert them. The other must start again and find them taken.
describe('batches of pacing reservations on two connections', () => {
  let a: PostgresStore;
  let b: PostgresStore;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await freshSchema();
    drop = fresh.drop;
    a = postgresStore({ connectionString: databaseUrl, schema: fresh.schema });
    await a.init();
    b = postgresStore({ connectionString: databaseUrl, schema: fresh.schema });
    await b.init();
  });

  afterAll(async () => {
    await a.close();
    await b.close();
    await drop();
  });

  it('never give one recipient two slots within its gap, nor the sender two slots within its interval', async () => {
    const now = 1_000_000;
    const slots: number[] = [];
    for (let round = 0; round < 20; round++) {
      const requests = Array.from({ length: 40 }, (_, i) => ({
        senderKey: 'sandbox:one',
        senderIntervalMs: 10,
        recipientKey: `sandbox:r${round}-${i}`,
        recipientGapMs: 60_000,
        now,
        horizonMs: Number.POSITIVE_INFINITY,
        waited: false,
      }));
      // The two batches ask for the same recipients in opposite orders.
      const [fromA, fromB] = await Promise.all([
        a.pacing.reserveMany('default', requests),
        b.pacing.reserveMany('default', [...requests].reverse()),
      ]);
      const byB = [...fromB].reverse();
      for (let i = 0; i < requests.length; i++) {
        const one = fromA[i]!;
        const other = byB[i]!;
        // Exactly one batch reserved the recipient; the other was told to come back after the gap.
        expect(one.reserved !== other.reserved).toBe(true);
        const [won, lost] = one.reserved ? [one, other] : [other, one];
        expect(lost.at).toBe(won.at + 60_000);
        slots.push(won.at);
      }
    }
    slots.sort((x, y) => x - y);
    expect(slots).toHaveLength(800);
    for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBeGreaterThanOrEqual(10);
  });
});
