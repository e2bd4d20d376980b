import { describe, expect, it } from 'vitest';
import { broadcastRow, channelRow, contactInput, freshWorkspace, T0 } from '../contract-fixtures.js';
import type { ContractSubject } from '../store-contract.js';

export function broadcastSuite(get: ContractSubject): void {
  describe('broadcasts, fan-out and links', () => {
    it('stores broadcasts with every field and changes status only from the given states', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const row = broadcastRow(ws, {
        status: 'scheduled',
        name: 'Weekly',
        content: { text: 'Hi {name}', template: { name: 't', language: 'de', parameters: ['{name}'] } },
        audience: { channels: ['news'], attributes: { city: 'Wien' } },
        tracking: 'individual',
        referenceId: 'ABC234',
        spreadMs: 120_000,
      });
      const b = await store.broadcasts.create(row);
      expect(await store.broadcasts.get(ws, b.id)).toEqual({ ...row, id: b.id });
      expect(await store.broadcasts.transition(ws, b.id, ['draft'], 'sending', T0)).toBeNull();
      expect((await store.broadcasts.transition(ws, b.id, ['scheduled'], 'paused', T0 + 1))?.status).toBe(
        'paused',
      );
      expect((await store.broadcasts.update(ws, b.id, { name: 'Daily' }, T0 + 2))?.name).toBe('Daily');
      expect(await store.broadcasts.get(freshWorkspace(), b.id)).toBeNull();
      expect((await store.broadcasts.list(ws, { limit: 10 })).items.map((x) => x.id)).toEqual([b.id]);
    });

    it('claims due fan-outs once, fans out eligible audience members in resumable chunks, then completes', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const channel = await store.channels.create(channelRow(ws, 'news'), T0);
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        const state = i === 5 ? 'pending' : 'confirmed';
        const { contact } = await store.contacts.getOrCreate(
          contactInput(ws, `+491510000070${i}`, { state }),
          { senderId: 's' },
          T0,
        );
        if (i !== 6) await store.subscriptions.add(ws, contact!.id, [channel.id], T0);
        if (i === 4) await store.contacts.update(ws, contact!.id, { blockedAt: T0 }, T0);
        ids.push(contact!.id);
      }
      const b = await store.broadcasts.create(
        broadcastRow(ws, { status: 'scheduled', scheduledAt: T0 + 100, audience: { channels: ['news'] } }),
      );
      expect(await store.broadcasts.nextFanOutAt(ws)).toBe(T0 + 100);
      expect(await store.broadcasts.claimFanOut(ws, T0 + 99, 1000)).toEqual([]);
      const [claimed] = await store.broadcasts.claimFanOut(ws, T0 + 100, 1000);
      expect(claimed).toMatchObject({
        id: b.id,
        status: 'sending',
        startedAt: T0 + 100,
        fanout: { leaseUntil: T0 + 1100 },
      });
      expect(await store.broadcasts.claimFanOut(ws, T0 + 200, 1000)).toEqual([]);
      // Who joins after the start is not in it: a new contact, and an old one's new subscription.
      const late = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000799', { state: 'confirmed' }),
        { senderId: 's' },
        T0 + 150,
      );
      await store.subscriptions.add(ws, late.contact!.id, [channel.id], T0 + 150);
      await store.subscriptions.add(ws, ids[6]!, [channel.id], T0 + 150);

      let cursor: string | null = null;
      let inserted = 0;
      let chunks = 0;
      do {
        const result = await store.broadcasts.fanOut(ws, b.id, {
          limit: 3,
          now: T0 + 200,
          leaseMs: 1000,
        });
        inserted += result!.inserted;
        cursor = result!.nextCursor;
        chunks++;
        // The cursor is saved with each chunk: a crashed worker's successor resumes from it.
        expect((await store.broadcasts.get(ws, b.id))?.fanout.cursor).toBe(cursor);
      } while (cursor && chunks < 20);
      expect(inserted).toBe(4);
      expect((await store.broadcasts.get(ws, b.id))?.fanout).toMatchObject({ done: true, total: 4 });
      expect(await store.deliveries.countQueued(ws, b.id)).toBe(4);
      const claimedDeliveries = await store.deliveries.claim(ws, {
        owner: 'w',
        limit: 10,
        now: T0 + 200,
        leaseMs: 1000,
      });
      expect(claimedDeliveries.map((d) => d.contactId).sort()).toEqual(ids.slice(0, 4).sort());
      expect(await store.broadcasts.completeIfDone(ws, b.id, T0 + 300)).toBe(false);
      for (const d of claimedDeliveries) {
        await store.deliveries.finish(ws, d.id, 'w', {
          status: 'sent',
          providerMessageId: `p-${d.id}`,
          error: null,
          at: T0 + 300,
          content: {},
        });
      }
      expect(await store.broadcasts.completeIfDone(ws, b.id, T0 + 300)).toBe(true);
      expect(await store.broadcasts.completeIfDone(ws, b.id, T0 + 301)).toBe(false);
      expect((await store.broadcasts.get(ws, b.id))?.status).toBe('completed');
      expect(await store.broadcasts.fanOut(ws, b.id, { limit: 3, now: T0, leaseMs: 1 })).toBeNull();
    });

    it('lists the whole audience in any state, page by page', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      for (let i = 0; i < 5; i++) {
        await store.contacts.getOrCreate(
          contactInput(ws, `+491510000080${i}`, {
            state: i % 2 ? 'pending' : 'confirmed',
            attributes: { n: String(i % 2) },
          }),
          { senderId: i < 3 ? 'a' : 'b' },
          T0,
        );
      }
      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await store.broadcasts.audience(ws, { attributes: { n: '0' } }, { cursor, limit: 2 });
        all.push(...page.items.map((c) => c.address));
        cursor = page.nextCursor;
      } while (cursor);
      expect(all.sort()).toEqual(['+4915100000800', '+4915100000802', '+4915100000804']);
      const bySender = await store.broadcasts.audience(ws, { senders: ['b'] }, { limit: 10 });
      expect(bySender.items.map((c) => c.address).sort()).toEqual(['+4915100000803', '+4915100000804']);
    });

    it('stores tracked links and counts clicks per link and per person', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      await store.links.create({
        code: 'shared0001',
        workspaceId: ws,
        broadcastId: 'b1',
        url: 'https://x/1',
        contactId: null,
        createdAt: T0,
      });
      await store.links.create({
        code: 'personal01',
        workspaceId: ws,
        broadcastId: 'b1',
        url: 'https://x/2',
        contactId: 'c1',
        createdAt: T0,
      });
      await store.links.create({
        code: 'personal02',
        workspaceId: ws,
        broadcastId: 'b1',
        url: 'https://x/2',
        contactId: 'c2',
        createdAt: T0,
      });
      expect(await store.links.get(ws, 'personal01')).toMatchObject({ url: 'https://x/2', contactId: 'c1' });
      expect(await store.links.get(freshWorkspace(), 'personal01')).toBeNull();
      for (const [code, contactId] of [
        ['shared0001', null],
        ['shared0001', null],
        ['personal01', 'c1'],
        ['personal01', 'c1'],
        ['personal02', 'c2'],
      ] as const) {
        await store.links.recordClick({ code, workspaceId: ws, broadcastId: 'b1', contactId, at: T0 });
      }
      const stats = await store.links.statsByBroadcast(ws, 'b1');
      expect(
        stats
          .map(({ url, clicks, contacts }) => ({ url, clicks, contacts }))
          .sort((a, b) => a.url.localeCompare(b.url)),
      ).toEqual([
        { url: 'https://x/1', clicks: 2, contacts: 0 },
        { url: 'https://x/2', clicks: 3, contacts: 2 },
      ]);
      expect(await store.links.countClickers(ws, 'b1')).toBe(2);
    });

    it('finds broadcast send times in a rolling window (exclusive start)', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const { contact } = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000900'),
        { senderId: 's' },
        T0,
      );
      for (const [at, status] of [
        [T0, 'sent'],
        [T0 + 10, 'failed'],
        [T0 + 20, 'read'],
      ] as const) {
        const { messageRow } = await import('../contract-fixtures.js');
        await store.messages.insert(
          messageRow(ws, contact!.id, {
            direction: 'out',
            broadcastId: 'b',
            status,
            at,
            providerMessageId: null,
          }),
        );
      }
      expect(await store.messages.broadcastTimesSince(ws, contact!.id, T0 - 1)).toEqual([T0, T0 + 20]);
      expect(await store.messages.broadcastTimesSince(ws, contact!.id, T0)).toEqual([T0 + 20]);
    });
  });
}
