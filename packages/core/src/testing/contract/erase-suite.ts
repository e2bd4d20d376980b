import { describe, expect, it } from 'vitest';
import { contactInput, freshWorkspace, ledgerLine, messageRow, T0, tokenRow } from '../contract-fixtures.js';
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
        T0,
      );
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
