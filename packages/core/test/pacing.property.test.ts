import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sandboxFaults } from '../src/index.js';
import { address, broadcastSetup, maxInWindow, seedSubscribers } from './broadcast-setup.js';

/**
 * Invariant 3 (DESIGN.md): no sender exceeds its rate in any window and no recipient gets two messages closer
 * than its gap — for random audiences, limits, replies and failure patterns. Measured on what the platform saw:
 * every request, accepted or refused.
 */
describe('invariant 3: pacing limits hold (property test)', () => {
  it('never exceeds the sender rate or the recipient gap, and every delivery ends', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          recipients: fc.integer({ min: 1, max: 30 }),
          senders: fc.integer({ min: 1, max: 3 }),
          rate: fc.integer({ min: 1, max: 20 }),
          gapMs: fc.constantFrom(0, 500, 2000, 6000),
          broadcasts: fc.integer({ min: 1, max: 3 }),
          replies: fc.array(fc.nat(29), { maxLength: 5 }),
          failures: fc.array(fc.constantFrom('none', 'none', 'none', '429', '5xx'), {
            minLength: 1,
            maxLength: 8,
          }),
          latencyMs: fc.constantFrom(0, 40),
          seed: fc.integer(),
        }),
        async (p) => {
          const senders = Array.from({ length: p.senders }, (_, i) => ({
            id: `s${i}`,
            display: `S${i}`,
            capacity: 1000,
          }));
          let n = 0;
          const random = () => ((Math.sin(p.seed + ++n) + 1) / 2) % 1;
          const s = await broadcastSetup({
            random,
            pacing: { sandbox: { perSenderPerSecond: p.rate, perRecipientGapMs: p.gapMs } },
            sandbox: { senders, latencyMs: p.latencyMs },
          });
          for (let i = 0; i < p.recipients; i++)
            await seedSubscribers(s.store, 1, { from: i, senderId: `s${i % p.senders}` });
          let call = 0;
          s.sandbox.setBehaviour(() => {
            const f = p.failures[call++ % p.failures.length];
            if (f === '429') return sandboxFaults.rateLimited(1500);
            if (f === '5xx') return sandboxFaults.serverError();
            return undefined;
          });
          for (let b = 0; b < p.broadcasts; b++)
            await s.tidings.broadcasts.create({ content: { text: `b${b}` }, scheduledAt: 'now' });
          for (const r of p.replies) {
            if (r < p.recipients)
              await s.tidings.receive('sandbox', [
                {
                  type: 'message',
                  from: address(r),
                  senderId: `s${r % p.senders}`,
                  providerMessageId: `in-${r}-${call}`,
                  text: 'SPORT',
                  at: s.clock.now(),
                },
              ]);
          }
          for (let step = 0; step < 400; step++) {
            await s.clock.advance(5_000);
            if ((await s.store.deliveries.nextDueAt('default')) === null) break;
          }
          expect(await s.store.deliveries.nextDueAt('default')).toBeNull();

          for (const sender of senders) {
            const times = s.sandbox.requests.filter((r) => r.senderId === sender.id).map((r) => r.at);
            expect(maxInWindow(times, 1000), `sender ${sender.id} at ${p.rate}/s`).toBeLessThanOrEqual(
              p.rate,
            );
          }
          const byRecipient = new Map<string, number[]>();
          for (const r of s.sandbox.requests) byRecipient.set(r.to, [...(byRecipient.get(r.to) ?? []), r.at]);
          for (const [to, times] of byRecipient) {
            const sorted = times.sort((a, b) => a - b);
            for (let i = 1; i < sorted.length; i++)
              expect(sorted[i]! - sorted[i - 1]!, `gap for ${to}`).toBeGreaterThanOrEqual(p.gapMs);
          }
          // Every broadcast delivery ended: sent, or failed with a reason (retries exhausted).
          const ended = (await s.tidings.broadcasts.list()).items;
          for (const b of ended) {
            const stats = await s.tidings.broadcasts.stats(b.id);
            expect(stats.status).toBe('completed');
            expect(stats.sent + stats.failed + stats.skipped).toBe(stats.total);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('a rate of 1 per second sends exactly 1 per second', async () => {
    const s = await broadcastSetup({ pacing: { sandbox: { perSenderPerSecond: 1 } } });
    await seedSubscribers(s.store, 20);
    const start = s.clock.now();
    await s.tidings.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
    await s.clock.advance(60_000);
    expect(s.sandbox.sent.map((m) => m.at - start)).toEqual(Array.from({ length: 20 }, (_, i) => i * 1000));
  });

  it('80 per second over 2,000 deliveries: exactly 80 in every second, 12.5 ms apart', async () => {
    const s = await broadcastSetup({
      pacing: { sandbox: { perSenderPerSecond: 80 } },
      sandbox: { keepSent: true },
    });
    await seedSubscribers(s.store, 2000);
    const start = s.clock.now();
    await s.tidings.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
    for (let i = 0; i < 30; i++) await s.clock.advance(1000);
    const times = s.sandbox.sent.map((m) => m.at - start);
    expect(times).toHaveLength(2000);
    expect(maxInWindow(times, 1000)).toBe(80);
    expect(times.at(-1)).toBe(1999 * 12.5);
  }, 60_000);
});
