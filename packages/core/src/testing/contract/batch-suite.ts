import { describe, expect, it } from 'vitest';
import type { SlotRequest } from '../../ports/outbox-store.js';
import { broadcastRow, contactInput, deliveryRow, freshWorkspace, T0 } from '../contract-fixtures.js';
import type { ContractSubject } from '../store-contract.js';

const lease = { leaseMs: 60_000, limit: 10 };

/** A small deterministic random sequence, so a failure replays. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** The batch forms of the store's calls: what the dispatcher uses to pay one round trip per batch. */
export function batchSuite(get: ContractSubject): void {
  describe('batches (one call for many deliveries)', () => {
    it('reads many contacts at once, only the workspace’s, skipping unknown ids', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const a = (
        await store.contacts.getOrCreate(contactInput(ws, '+4915100000700'), { senderId: 'sandbox' }, T0)
      ).contact!;
      const b = (
        await store.contacts.getOrCreate(contactInput(ws, '+4915100000701'), { senderId: 'sandbox' }, T0)
      ).contact!;
      const other = freshWorkspace();
      const c = (
        await store.contacts.getOrCreate(contactInput(other, '+4915100000702'), { senderId: 'sandbox' }, T0)
      ).contact!;
      const found = await store.contacts.getMany(ws, [b.id, 'nobody', a.id, c.id]);
      expect(found.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
      expect(found.find((x) => x.id === a.id)).toEqual(await store.contacts.get(ws, a.id));
      expect(await store.contacts.getMany(ws, [])).toEqual([]);
    });

    it('finishes and retries many leased deliveries at once, only the owner’s', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const b = await store.broadcasts.create(broadcastRow(ws));
      const contacts = [];
      for (let i = 0; i < 4; i++) {
        const { contact } = await store.contacts.getOrCreate(
          contactInput(ws, `+49151000007${10 + i}`),
          { senderId: 'sandbox' },
          T0,
        );
        contacts.push(contact!);
      }
      const ds = [];
      for (const c of contacts)
        ds.push(await store.deliveries.enqueue(deliveryRow(ws, c.id, { broadcastId: b.id })));
      await store.deliveries.claim(ws, { ...lease, owner: 'w', now: T0 });
      const content = { text: 'Hallo' };
      const finished = await store.deliveries.finishMany(ws, 'w', [
        {
          id: ds[0]!.id,
          outcome: { status: 'sent', providerMessageId: 'p0', error: null, at: T0 + 1, content },
        },
        {
          id: ds[1]!.id,
          outcome: { status: 'failed', providerMessageId: null, error: 'invalid: x', at: T0 + 2, content },
        },
        {
          id: 'd-unknown',
          outcome: { status: 'sent', providerMessageId: null, error: null, at: T0 + 3, content },
        },
      ]);
      expect(finished).toEqual([true, true, false]);
      expect(
        await store.deliveries.finishMany(ws, 'someone-else', [
          {
            id: ds[2]!.id,
            outcome: { status: 'sent', providerMessageId: 'p2', error: null, at: T0 + 4, content },
          },
        ]),
      ).toEqual([false]);
      const retried = await store.deliveries.retryMany(ws, 'w', [
        { id: ds[2]!.id, retry: { notBefore: T0 + 500, attempts: 2, lastError: 'retry: 429' } },
        { id: ds[3]!.id, retry: { notBefore: T0 + 700, slotAt: T0 + 700, useTemplate: true } },
        { id: ds[0]!.id, retry: { notBefore: T0 + 900 } },
      ]);
      expect(retried).toEqual([true, true, false]);
      expect(
        await store.deliveries.retryMany(ws, 'someone-else', [{ id: ds[2]!.id, retry: { notBefore: T0 } }]),
      ).toEqual([false]);

      // What was really written: the finished ones became messages and left the outbox.
      const m0 = await backdoor.messages(ws, contacts[0]!.id);
      expect(m0.map((m) => [m.status, m.providerMessageId, m.broadcastId, m.content.text, m.at])).toEqual([
        ['sent', 'p0', b.id, 'Hallo', T0 + 1],
      ]);
      const m1 = await backdoor.messages(ws, contacts[1]!.id);
      expect(m1.map((m) => [m.status, m.error])).toEqual([['failed', 'invalid: x']]);
      expect(await store.deliveries.get(ws, ds[0]!.id)).toBeNull();
      expect(
        await store.messages.broadcastRecipients(
          ws,
          b.id,
          contacts.map((c) => c.id),
        ),
      ).toEqual(expect.arrayContaining([contacts[0]!.id, contacts[1]!.id]));
      expect(
        (
          await store.messages.broadcastRecipients(
            ws,
            b.id,
            contacts.map((c) => c.id),
          )
        ).length,
      ).toBe(2);
      expect(await store.messages.broadcastRecipients(freshWorkspace(), b.id, [contacts[0]!.id])).toEqual([]);

      // The retried ones wait unleased with what the retry said.
      const d2 = await store.deliveries.get(ws, ds[2]!.id);
      expect(d2).toMatchObject({
        notBefore: T0 + 500,
        attempts: 2,
        lastError: 'retry: 429',
        leaseOwner: null,
      });
      const d3 = await store.deliveries.get(ws, ds[3]!.id);
      expect(d3).toMatchObject({
        notBefore: T0 + 700,
        slotAt: T0 + 700,
        useTemplate: true,
        leaseOwner: null,
      });
      expect(await store.deliveries.nextDueAt(ws)).toBe(T0 + 500);
      expect(await store.deliveries.countQueued(ws, b.id)).toBe(2);
    });

    it('reserves a batch of slots exactly as the same requests one by one', async () => {
      const { store } = get();
      const next = random(7);
      const requests: SlotRequest[] = [];
      let now = T0;
      for (let i = 0; i < 120; i++) {
        now += Math.floor(next() * 40);
        requests.push({
          senderKey: `s${Math.floor(next() * 2)}`,
          senderIntervalMs: [0.5, 10, 25][Math.floor(next() * 3)]!,
          // Few recipients, so several in a batch share one and its gap counts.
          recipientKey: `r${Math.floor(next() * 12)}`,
          recipientGapMs: [0, 50, 400][Math.floor(next() * 3)]!,
          now,
          horizonMs: [0, 30, Number.POSITIVE_INFINITY][Math.floor(next() * 3)]!,
          waited: next() < 0.3,
        });
      }
      const one = freshWorkspace();
      const expected = [];
      for (const r of requests) expected.push(await store.pacing.reserve(one, r));
      const many = freshWorkspace();
      const got = [
        ...(await store.pacing.reserveMany(many, requests.slice(0, 50))),
        ...(await store.pacing.reserveMany(many, requests.slice(50))),
      ];
      expect(got).toEqual(expected);
      expect(got.some((g) => g.reserved) && got.some((g) => !g.reserved)).toBe(true);
      // Single calls after a batch see the batch's slots.
      const after = { ...requests[0]!, recipientKey: 'fresh', now, horizonMs: Number.POSITIVE_INFINITY };
      expect(await store.pacing.reserve(many, after)).toEqual(await store.pacing.reserve(one, after));
      expect(await store.pacing.reserveMany(many, [])).toEqual([]);
    });

    it('keeps batches from two callers apart: no slot is handed out twice', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const batch = (tag: string) =>
        Array.from({ length: 40 }, (_, i) => ({
          senderKey: 's',
          senderIntervalMs: 10,
          recipientKey: `${tag}${i}`,
          recipientGapMs: 0,
          now: T0,
          horizonMs: Number.POSITIVE_INFINITY,
          waited: false,
        }));
      const [a, b] = await Promise.all([
        store.pacing.reserveMany(ws, batch('a')),
        store.pacing.reserveMany(ws, batch('b')),
      ]);
      const slots = [...a!, ...b!].map((s) => s.at).sort((x, y) => x - y);
      expect(slots).toEqual(Array.from({ length: 80 }, (_, i) => T0 + i * 10));
    });
  });
}
