import { describe, expect, it } from 'vitest';
import { contactInput, freshWorkspace, ledgerLine, T0 } from '../contract-fixtures.js';
import type { ContractSubject } from '../store-contract.js';

export function contactSuite(get: ContractSubject): void {
  describe('contacts', () => {
    it('creates a contact once per (workspace, transport, address) and stores every field', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const input = contactInput(ws, '+4915100000001', {
        name: 'Ada',
        attributes: { city: 'Wien' },
        tags: ['vip'],
      });
      const first = await store.contacts.getOrCreate(input, { senderId: 's1' }, T0);
      const again = await store.contacts.getOrCreate({ ...input, name: 'Other' }, { senderId: 's2' }, T0 + 1);
      expect(first.contact && 'created' in first && first.created).toBe(true);
      expect(again.contact?.id).toBe(first.contact?.id);
      expect(again.contact?.name).toBe('Ada');
      const raw = await backdoor.contact(ws, first.contact!.id);
      expect(raw).toMatchObject({
        workspaceId: ws,
        transport: 'sandbox',
        address: '+4915100000001',
        phone: '+4915100000001',
        name: 'Ada',
        senderId: 's1',
        state: 'pending',
        attributes: { city: 'Wien' },
        tags: ['vip'],
        createdAt: T0,
        updatedAt: T0,
        blockedAt: null,
      });
    });

    it('hands out contacts the caller may change without changing what is stored', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const input = contactInput(ws, '+4915100000009');
      const { contact } = await store.contacts.getOrCreate(input, { senderId: 's' }, T0);
      // The input, the created contact and an updated one are all the caller's.
      input.attributes.city = 'Graz';
      input.tags.push('from-input');
      contact!.attributes.city = 'Wien';
      contact!.tags.push('vip');
      const updated = await store.contacts.update(ws, contact!.id, { name: 'Ada' }, T0 + 1);
      expect(updated).toMatchObject({ name: 'Ada', attributes: {}, tags: [] });
      updated.attributes.city = 'Linz';
      updated.tags.push('new');
      const found = await store.contacts.findByAddress(ws, 'sandbox', '+4915100000009');
      expect(found).toMatchObject({ name: 'Ada', attributes: {}, tags: [] });
      found!.tags.push('again');
      expect(await store.contacts.get(ws, contact!.id)).toMatchObject({ attributes: {}, tags: [] });
    });

    it('keeps workspaces apart', async () => {
      const { store } = get();
      const [a, b] = [freshWorkspace(), freshWorkspace()];
      const inA = await store.contacts.getOrCreate(contactInput(a, '+4915100000002'), { senderId: 's' }, T0);
      const inB = await store.contacts.getOrCreate(contactInput(b, '+4915100000002'), { senderId: 's' }, T0);
      expect(inA.contact!.id).not.toBe(inB.contact!.id);
      expect(await store.contacts.get(b, inA.contact!.id)).toBeNull();
      expect((await store.contacts.findByAddress(a, 'sandbox', '+4915100000002'))?.id).toBe(inA.contact!.id);
    });

    it('creates exactly one contact when asked concurrently', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          store.contacts.getOrCreate(contactInput(ws, '+4915100000003'), { senderId: 's' }, T0),
        ),
      );
      const ids = new Set(results.map((r) => r.contact!.id));
      expect(ids.size).toBe(1);
      expect(await backdoor.contact(ws, [...ids][0]!)).not.toBeNull();
      expect(results.filter((r) => r.contact && r.created)).toHaveLength(1);
    });

    it('updates and reads back through the back door', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const { contact } = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000004'),
        { senderId: 's' },
        T0,
      );
      await store.contacts.update(
        ws,
        contact!.id,
        { state: 'confirmed', blockedAt: T0 + 5, blockedReason: 'x', lastInboundAt: T0 + 3 },
        T0 + 10,
      );
      expect(await backdoor.contact(ws, contact!.id)).toMatchObject({
        state: 'confirmed',
        blockedAt: T0 + 5,
        blockedReason: 'x',
        lastInboundAt: T0 + 3,
        updatedAt: T0 + 10,
      });
    });

    it('assigns new contacts to the least-loaded sender with room, and reports a full pool', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const pool = [
        { id: 'a', capacity: 2 },
        { id: 'b', capacity: 1 },
      ];
      const senders: string[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await store.contacts.getOrCreate(contactInput(ws, `+49151000001${i}`), { pool }, T0);
        senders.push(r.contact!.senderId);
      }
      expect(senders.sort()).toEqual(['a', 'a', 'b']);
      const full = await store.contacts.getOrCreate(contactInput(ws, '+4915100000199'), { pool }, T0);
      expect(full).toEqual({ contact: null, poolFull: true });
      expect(Object.fromEntries(await store.contacts.countBySender(ws, 'sandbox'))).toEqual({ a: 2, b: 1 });
      // A known contact is found even when the pool is full: contacts stay with their sender.
      const known = await store.contacts.getOrCreate(contactInput(ws, '+491510000011'), { pool }, T0);
      expect(known.contact).not.toBeNull();
    });

    it('frees a sender’s room when its contacts move away or are erased', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const pool = [{ id: 'a', capacity: 1 }];
      const first = await store.contacts.getOrCreate(contactInput(ws, '+4915100000301'), { pool }, T0);
      expect(await store.contacts.getOrCreate(contactInput(ws, '+4915100000302'), { pool }, T0)).toEqual({
        contact: null,
        poolFull: true,
      });
      expect(await store.contacts.moveSender(ws, 'sandbox', 'a', 'z', T0)).toEqual([first.contact!.id]);
      expect(Object.fromEntries(await store.contacts.countBySender(ws, 'sandbox'))).toEqual({ z: 1 });
      const second = await store.contacts.getOrCreate(contactInput(ws, '+4915100000302'), { pool }, T0);
      expect(second.contact?.senderId).toBe('a');
      const tombstone = ledgerLine(ws, null, { action: 'erased', method: 'staff', at: T0 + 1 });
      expect(await store.contacts.erase(ws, second.contact!.id, tombstone)).toBe(true);
      expect(Object.fromEntries(await store.contacts.countBySender(ws, 'sandbox'))).toEqual({ z: 1 });
      const third = await store.contacts.getOrCreate(contactInput(ws, '+4915100000303'), { pool }, T0);
      expect(third.contact?.senderId).toBe('a');
    });

    it('lists by state with a cursor, without gaps or repeats', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      for (let i = 0; i < 7; i++) {
        await store.contacts.getOrCreate(
          contactInput(ws, `+4915100002${i}0`, { state: i % 2 ? 'confirmed' : 'pending' }),
          { senderId: 's' },
          T0 + i,
        );
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await store.contacts.list(ws, { state: 'pending', limit: 2, cursor });
        seen.push(...page.items.map((c) => c.address));
        expect(page.items.every((c) => c.state === 'pending')).toBe(true);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.sort()).toEqual(['+491510000200', '+491510000220', '+491510000240', '+491510000260']);
      const all = await store.contacts.list(ws, { limit: 100 });
      expect(all.items).toHaveLength(7);
      expect(all.nextCursor).toBeNull();
    });

    it('appends the consent ledger and lists it per contact, oldest first', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const { contact } = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000005'),
        { senderId: 's' },
        T0,
      );
      await store.consent.append(
        ledgerLine(ws, contact!.id, {
          action: 'requested',
          channels: ['news', 'sport'],
          noticeText: 'I agree',
        }),
      );
      await store.consent.append(
        ledgerLine(ws, contact!.id, { action: 'confirmed', at: T0 + 1, messageId: 'm1' }),
      );
      await store.consent.append(ledgerLine(ws, null, { action: 'erased', at: T0 + 2 }));
      const lines = await store.consent.listByContact(ws, contact!.id);
      expect(lines.map((l) => l.action)).toEqual(['requested', 'confirmed']);
      expect(lines[0]).toMatchObject({
        channels: ['news', 'sport'],
        noticeText: 'I agree',
        method: 'widget',
      });
      const raw = await backdoor.ledger(ws);
      expect(raw).toHaveLength(3);
      expect(raw[1]).toMatchObject({ action: 'confirmed', messageId: 'm1', contactId: contact!.id });
    });
  });
}
