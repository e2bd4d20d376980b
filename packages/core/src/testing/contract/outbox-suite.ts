import { describe, expect, it } from 'vitest';
import {
  broadcastRow,
  contactInput,
  deliveryRow,
  freshWorkspace,
  messageRow,
  T0,
} from '../contract-fixtures.js';
import type { ContractSubject } from '../store-contract.js';

const lease = { leaseMs: 60_000, limit: 10 };

export function outboxSuite(get: ContractSubject): void {
  describe('the outbox (deliveries)', () => {
    it('claims due deliveries with a lease, priority lane first, then oldest due; never one twice', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const { contact } = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000600'),
        { senderId: 'sandbox' },
        T0,
      );
      const late = await store.deliveries.enqueue(deliveryRow(ws, contact!.id, { notBefore: T0 + 5 }));
      const early = await store.deliveries.enqueue(deliveryRow(ws, contact!.id, { notBefore: T0 + 1 }));
      const future = await store.deliveries.enqueue(deliveryRow(ws, contact!.id, { notBefore: T0 + 1000 }));
      const reply = await store.deliveries.enqueue(
        deliveryRow(ws, contact!.id, { lane: 'priority', purpose: 'reply', notBefore: T0 + 9 }),
      );
      expect(await store.deliveries.nextDueAt(ws)).toBe(T0 + 1);
      const [a, b] = await Promise.all([
        store.deliveries.claim(ws, { ...lease, owner: 'a', now: T0 + 10, limit: 2 }),
        store.deliveries.claim(ws, { ...lease, owner: 'b', now: T0 + 10, limit: 2 }),
      ]);
      const claimed = [...a!, ...b!];
      expect(new Set(claimed.map((d) => d.id)).size).toBe(3);
      expect(claimed.map((d) => d.id).sort()).toEqual([late.id, early.id, reply.id].sort());
      const firstTwo = (a!.length === 2 ? a! : b!).map((d) => d.id);
      expect(firstTwo).toEqual([reply.id, early.id]);
      expect(claimed.every((d) => d.leaseUntil === T0 + 10 + 60_000)).toBe(true);
      expect(await store.deliveries.claim(ws, { ...lease, owner: 'c', now: T0 + 10 })).toEqual([]);
      expect((await store.deliveries.get(ws, future.id))?.leaseOwner).toBeNull();
    });

    it('lets another worker claim a delivery whose lease ran out; the first can then no longer finish it', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const { contact } = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000601'),
        { senderId: 'sandbox' },
        T0,
      );
      const d = await store.deliveries.enqueue(deliveryRow(ws, contact!.id));
      await store.deliveries.claim(ws, { ...lease, owner: 'dead', now: T0 });
      expect(await store.deliveries.claim(ws, { ...lease, owner: 'b', now: T0 + 59_999 })).toEqual([]);
      expect(await store.deliveries.nextDueAt(ws)).toBe(T0 + 60_000);
      const again = await store.deliveries.claim(ws, { ...lease, owner: 'b', now: T0 + 60_000 });
      expect(again.map((x) => x.id)).toEqual([d.id]);
      const finish = {
        status: 'sent' as const,
        providerMessageId: 'p1',
        error: null,
        at: T0 + 60_001,
        content: { text: 'hi' },
      };
      expect(await store.deliveries.finish(ws, d.id, 'dead', finish)).toBe(false);
      expect(await store.deliveries.retry(ws, d.id, 'dead', { notBefore: T0 })).toBe(false);
      expect(await store.deliveries.finish(ws, d.id, 'b', finish)).toBe(true);
      expect(await store.deliveries.get(ws, d.id)).toBeNull();
    });

    it('puts a delivery back with a new due time, attempts, a held slot and a template flag', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const { contact } = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000602'),
        { senderId: 'sandbox' },
        T0,
      );
      const d = await store.deliveries.enqueue(deliveryRow(ws, contact!.id));
      await store.deliveries.claim(ws, { ...lease, owner: 'w', now: T0 });
      expect(
        await store.deliveries.retry(ws, d.id, 'w', {
          notBefore: T0 + 500,
          attempts: 2,
          slotAt: T0 + 500,
          useTemplate: true,
          lastError: '429',
        }),
      ).toBe(true);
      expect(await store.deliveries.get(ws, d.id)).toMatchObject({
        notBefore: T0 + 500,
        attempts: 2,
        slotAt: T0 + 500,
        useTemplate: true,
        lastError: '429',
        leaseOwner: null,
      });
      expect(await store.deliveries.claim(ws, { ...lease, owner: 'w', now: T0 + 499 })).toEqual([]);
      expect(await store.deliveries.claim(ws, { ...lease, owner: 'w', now: T0 + 500 })).toHaveLength(1);
    });

    it('finishing writes the outcome to the conversation: a broadcast row, or the queued reply updated', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const { contact } = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000603'),
        { senderId: 'sandbox' },
        T0,
      );
      const b = await store.broadcasts.create(broadcastRow(ws));
      const queued = await store.messages.insert(
        messageRow(ws, contact!.id, {
          direction: 'out',
          status: 'queued',
          providerMessageId: null,
          purpose: 'reply',
        }),
      );
      const reply = await store.deliveries.enqueue(
        deliveryRow(ws, contact!.id, { lane: 'priority', messageId: queued!.id, purpose: 'reply' }),
      );
      const bulk = await store.deliveries.enqueue(deliveryRow(ws, contact!.id, { broadcastId: b.id }));
      expect(await store.deliveries.countQueued(ws, b.id)).toBe(1);
      await store.deliveries.claim(ws, { ...lease, owner: 'w', now: T0 });
      await store.deliveries.finish(ws, reply.id, 'w', {
        status: 'sent',
        providerMessageId: 'p-reply',
        error: null,
        at: T0 + 1,
      });
      await store.deliveries.finish(ws, bulk.id, 'w', {
        status: 'failed',
        providerMessageId: null,
        error: 'invalid: x',
        at: T0 + 2,
        content: { text: 'Hi Ada' },
      });
      const rows = await backdoor.messages(ws, contact!.id);
      expect(rows.map((m) => [m.status, m.providerMessageId, m.broadcastId, m.content.text])).toEqual([
        ['sent', 'p-reply', null, 'hello'],
        ['failed', null, b.id, 'Hi Ada'],
      ]);
      expect((await store.messages.findOutboundByProviderId(ws, 'sandbox', 'p-reply'))?.id).toBe(queued!.id);
      expect(await store.deliveries.countQueued(ws, b.id)).toBe(0);
      expect((await store.messages.findForBroadcast(ws, b.id, contact!.id))?.status).toBe('failed');
      expect(await store.messages.broadcastOutcomes(ws, b.id)).toEqual({
        byStatus: { failed: 1 },
        reasons: { 'invalid: x': 1 },
      });
      expect(await store.deliveries.nextDueAt(ws)).toBeNull();
    });

    it('holds deliveries of a paused broadcast or sender and releases them on resume; cancel drops them', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const { contact } = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000604'),
        { senderId: 'sandbox' },
        T0,
      );
      const paused = await store.broadcasts.create(broadcastRow(ws, { status: 'paused' }));
      const cancelled = await store.broadcasts.create(broadcastRow(ws));
      await store.deliveries.enqueue(deliveryRow(ws, contact!.id, { broadcastId: paused.id }));
      for (let i = 0; i < 3; i++)
        await store.deliveries.enqueue(deliveryRow(ws, contact!.id, { broadcastId: cancelled.id }));
      const bySender = await store.deliveries.enqueue(deliveryRow(ws, contact!.id, { senderId: 'banned' }));
      await store.senderStates.pause({
        workspaceId: ws,
        transport: 'sandbox',
        senderId: 'banned',
        pausedAt: T0,
        reason: 'ban',
      });
      expect(await store.deliveries.cancelBroadcast(ws, cancelled.id)).toBe(3);
      await store.broadcasts.transition(ws, cancelled.id, ['sending'], 'cancelled', T0);
      expect(await store.deliveries.claim(ws, { ...lease, owner: 'w', now: T0 })).toEqual([]);
      expect(await store.senderStates.list(ws)).toEqual([
        { workspaceId: ws, transport: 'sandbox', senderId: 'banned', pausedAt: T0, reason: 'ban' },
      ]);
      await store.senderStates.resume(ws, 'sandbox', 'banned');
      await store.broadcasts.transition(ws, paused.id, ['paused'], 'sending', T0 + 1);
      const claimed = await store.deliveries.claim(ws, { ...lease, owner: 'w', now: T0 + 1 });
      expect(claimed.map((d) => d.broadcastId ?? d.id).sort()).toEqual([bySender.id, paused.id].sort());
      expect(await store.deliveries.countQueued(ws, cancelled.id)).toBe(0);
    });

    it('moves waiting deliveries and contacts to a replacement sender', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const { contact } = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000605'),
        { senderId: 'old' },
        T0,
      );
      const d = await store.deliveries.enqueue(deliveryRow(ws, contact!.id, { senderId: 'old' }));
      expect(await store.contacts.moveSender(ws, 'sandbox', 'old', 'new', T0 + 1)).toEqual([contact!.id]);
      expect(await store.deliveries.moveSender(ws, 'sandbox', 'old', 'new')).toBe(1);
      expect((await backdoor.contact(ws, contact!.id))?.senderId).toBe('new');
      expect((await store.deliveries.get(ws, d.id))?.senderId).toBe('new');
    });
  });

  describe('pacing reservations', () => {
    it('hands out sender slots one interval apart and keeps each recipient’s gap, atomically', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const req = (recipient: string, now: number) => ({
        senderKey: 's',
        senderIntervalMs: 100,
        recipientKey: recipient,
        recipientGapMs: 1000,
        now,
        horizonMs: Number.POSITIVE_INFINITY,
        waited: false,
      });
      const slots = await Promise.all(['a', 'b', 'c', 'd'].map((r) => store.pacing.reserve(ws, req(r, T0))));
      expect(slots.map((s) => s.at).sort((x, y) => x - y)).toEqual([T0, T0 + 100, T0 + 200, T0 + 300]);
      expect(slots.every((s) => s.reserved)).toBe(true);
      // Recipient a was served at one of those slots; its gap has not passed, and nothing is booked for it.
      const again = await store.pacing.reserve(ws, req('a', T0 + 10));
      const aSlot = slots[0]!.at;
      expect(again).toEqual({ at: aSlot + 1000, reserved: false });
      expect(await store.pacing.reserve(ws, req('e', T0 + 10))).toEqual({ at: T0 + 400, reserved: true });
      // Another workspace has its own timelines.
      expect(await store.pacing.reserve(freshWorkspace(), req('a', T0))).toEqual({ at: T0, reserved: true });
    });

    it('books nothing beyond the horizon and spaces those waiting one interval apart', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const req = (recipient: string) => ({
        senderKey: 's',
        senderIntervalMs: 100,
        recipientKey: recipient,
        recipientGapMs: 0,
        now: T0,
        horizonMs: 200,
        waited: false,
      });
      const results = [];
      for (const r of ['a', 'b', 'c', 'd', 'e', 'f']) results.push(await store.pacing.reserve(ws, req(r)));
      expect(results).toEqual([
        { at: T0, reserved: true },
        { at: T0 + 100, reserved: true },
        { at: T0 + 200, reserved: true },
        { at: T0 + 100, reserved: false },
        { at: T0 + 200, reserved: false },
        { at: T0 + 300, reserved: false },
      ]);
    });

    it('keeps a waiting caller’s place when it just missed its slot; newcomers queue behind (horizon 0)', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const req = (recipient: string, now: number, waited: boolean) => ({
        senderKey: 's',
        senderIntervalMs: 100,
        recipientKey: recipient,
        recipientGapMs: 0,
        now,
        horizonMs: 0,
        waited,
      });
      expect(await store.pacing.reserve(ws, req('a', T0, false))).toEqual({ at: T0, reserved: true });
      // Newcomers join the soft queue one interval apart…
      expect(await store.pacing.reserve(ws, req('b', T0 + 40, false))).toEqual({
        at: T0 + 100,
        reserved: false,
      });
      expect(await store.pacing.reserve(ws, req('c', T0 + 40, false))).toEqual({
        at: T0 + 200,
        reserved: false,
      });
      expect(await store.pacing.reserve(ws, req('b', T0 + 100, true))).toEqual({
        at: T0 + 100,
        reserved: true,
      });
      // …and one that waited but came a little early (timer jitter) is told the freed slot, not the queue's end.
      expect(await store.pacing.reserve(ws, req('c', T0 + 190, true))).toEqual({
        at: T0 + 200,
        reserved: false,
      });
      expect(await store.pacing.reserve(ws, req('d', T0 + 190, false))).toEqual({
        at: T0 + 300,
        reserved: false,
      });
    });

    it('counts unique recipients per sender and day', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const admit = (r: string, day = '2026-06-01') => store.pacing.admitDaily(ws, 's', r, day, 2);
      expect([
        await admit('a'),
        await admit('a'),
        await admit('b'),
        await admit('c'),
        await admit('a'),
      ]).toEqual([true, true, true, false, true]);
      expect(await admit('c', '2026-06-02')).toBe(true);
    });
  });
}
