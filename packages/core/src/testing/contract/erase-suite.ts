import { describe, expect, it } from 'vitest';
import {
  broadcastRow,
  channelRow,
  contactInput,
  deliveryRow,
  freshWorkspace,
  ledgerLine,
  messageRow,
  T0,
  tokenRow,
} from '../contract-fixtures.js';
import type { ContractSubject } from '../store-contract.js';

export function eraseSuite(get: ContractSubject): void {
  describe('erase (invariant 6)', () => {
    it('leaves no row mentioning the contact, only an anonymous tombstone', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const address = `+49151${Math.floor(Math.random() * 1e7)
        .toString()
        .padStart(7, '0')}`;
      const name = `Erika-${Math.random().toString(36).slice(2, 10)}`;
      const channel = await store.channels.create(channelRow(ws, 'news'), T0);
      const { contact } = await store.contacts.getOrCreate(
        contactInput(ws, address, { name }),
        { senderId: 's' },
        T0,
      );
      const id = contact!.id;
      const keep = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000999'),
        { senderId: 's' },
        T0,
      );
      await store.subscriptions.add(ws, id, [channel.id], T0);
      await store.consent.append(ledgerLine(ws, id, { address, action: 'confirmed' }));
      await store.consent.append(ledgerLine(ws, keep.contact!.id, { action: 'confirmed' }));
      await store.optinTokens.insert(tokenRow(ws, { contactId: id, address }));
      await store.messages.insert(messageRow(ws, id, { content: { text: `Hi, I am ${name}` } }));
      await store.messages.insert(
        messageRow(ws, id, { direction: 'out', providerMessageId: 'out-1', status: 'sent' }),
      );
      // Outbox, pacing and click rows about the contact go too.
      const b = await store.broadcasts.create(broadcastRow(ws));
      await store.deliveries.enqueue(deliveryRow(ws, id, { broadcastId: b.id, address }));
      const recipientKey = `sandbox:${id}`;
      await store.pacing.reserve(ws, {
        senderKey: 's',
        senderIntervalMs: 10,
        recipientKey,
        recipientGapMs: 1000,
        now: T0,
        horizonMs: 1e9,
        waited: false,
      });
      await store.pacing.admitDaily(ws, 's', id, '2026-06-01', 10);
      await store.links.create({
        code: 'erase00001',
        workspaceId: ws,
        broadcastId: b.id,
        url: 'https://x',
        contactId: id,
        createdAt: T0,
      });
      await store.links.recordClick({
        code: 'erase00001',
        workspaceId: ws,
        broadcastId: b.id,
        contactId: id,
        at: T0,
      });
      const delivered = await store.deliveries.enqueue(deliveryRow(ws, id, { broadcastId: b.id, address }));
      await store.deliveries.claim(ws, { owner: 'w', limit: 10, now: T0, leaseMs: 1000 });
      const content = { text: `Hallo ${name}` };
      await store.deliveries.finish(ws, delivered.id, 'w', {
        status: 'sent',
        providerMessageId: 'pb',
        error: null,
        at: T0,
        content,
      });

      expect((await backdoor.rowsMentioning(address)).length).toBeGreaterThan(0);
      const tombstone = ledgerLine(ws, null, { action: 'erased', method: 'staff', at: T0 + 9 });
      expect(await store.contacts.erase(ws, id, tombstone)).toBe(true);

      for (const needle of [address, name, id]) expect(await backdoor.rowsMentioning(needle)).toEqual([]);
      expect(await backdoor.contact(ws, id)).toBeNull();
      const ledger = await backdoor.ledger(ws);
      expect(ledger.filter((e) => e.action === 'erased')).toEqual([
        expect.objectContaining({ contactId: null, address: null, at: T0 + 9 }),
      ]);
      expect(ledger.some((e) => e.contactId === keep.contact!.id)).toBe(true);
      expect(await store.contacts.erase(ws, id, tombstone)).toBe(false);
    });
  });
}
