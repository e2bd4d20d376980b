import { describe, expect, it } from 'vitest';
import { contactInput, freshWorkspace, messageRow, T0 } from '../contract-fixtures.js';
import type { ContractSubject } from '../store-contract.js';

export function messageSuite(get: ContractSubject): void {
  describe('messages', () => {
    it('stores a conversation and drops a replayed inbound message by provider id', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const { contact } = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000500'),
        { senderId: 's' },
        T0,
      );
      const id = contact!.id;
      const first = await store.messages.insert(
        messageRow(ws, id, {
          providerMessageId: 'wamid.1',
          content: { text: 'Hallo 👋', media: { kind: 'image', url: 'https://x/y.png' } },
        }),
      );
      expect(first).not.toBeNull();
      expect(await store.messages.insert(messageRow(ws, id, { providerMessageId: 'wamid.1' }))).toBeNull();
      // The same provider id in another workspace is another message.
      const other = await store.contacts.getOrCreate(
        contactInput(freshWorkspace(), '+4915100000500'),
        { senderId: 's' },
        T0,
      );
      expect(
        await store.messages.insert(
          messageRow(other.contact!.workspaceId, other.contact!.id, { providerMessageId: 'wamid.1' }),
        ),
      ).not.toBeNull();
      const raw = await backdoor.messages(ws, id);
      expect(raw).toHaveLength(1);
      expect(raw[0]).toMatchObject({
        direction: 'in',
        content: { text: 'Hallo 👋', media: { kind: 'image', url: 'https://x/y.png' } },
      });
    });

    it('moves an outbound message on and finds it by provider id', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const { contact } = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000501'),
        { senderId: 's' },
        T0,
      );
      const out = await store.messages.insert(
        messageRow(ws, contact!.id, {
          direction: 'out',
          status: 'queued',
          providerMessageId: null,
          purpose: 'welcome',
          inReplyTo: 'm0',
        }),
      );
      await store.messages.updateStatus(ws, out!.id, { status: 'sent', providerMessageId: 'p-77' });
      expect((await store.messages.findOutboundByProviderId(ws, 'sandbox', 'p-77'))?.id).toBe(out!.id);
      await store.messages.updateStatus(ws, out!.id, { status: 'failed', error: 'nope' });
      expect((await backdoor.messages(ws, contact!.id))[0]).toMatchObject({
        status: 'failed',
        error: 'nope',
        providerMessageId: 'p-77',
        purpose: 'welcome',
        inReplyTo: 'm0',
      });
      expect(await store.messages.findOutboundByProviderId(ws, 'sandbox', 'unknown')).toBeNull();
    });

    it('moves outbound messages on up to a watermark, never back and never the unsent', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const { contact } = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000503'),
        { senderId: 's' },
        T0,
      );
      const id = contact!.id;
      const out = (at: number, status: 'sent' | 'delivered' | 'read' | 'queued' | 'failed') =>
        store.messages.insert(
          messageRow(ws, id, {
            direction: 'out',
            status,
            at,
            purpose: 'agent',
            providerMessageId: `o-${at}`,
          }),
        );
      await out(T0 + 1, 'sent');
      await out(T0 + 2, 'read');
      await out(T0 + 3, 'queued');
      await out(T0 + 4, 'failed');
      await out(T0 + 5, 'sent');
      await out(T0 + 9, 'sent');
      await store.messages.insert(messageRow(ws, id, { at: T0 + 6 }));

      const delivered = await store.messages.advanceOutboundUpTo(ws, id, {
        status: 'delivered',
        until: T0 + 5,
      });
      expect(delivered.map((m) => [m.at, m.status])).toEqual([
        [T0 + 1, 'delivered'],
        [T0 + 5, 'delivered'],
      ]);
      const read = await store.messages.advanceOutboundUpTo(ws, id, { status: 'read', until: T0 + 9 });
      expect(read.map((m) => m.at)).toEqual([T0 + 1, T0 + 5, T0 + 9]);
      // A late delivery watermark moves nothing back.
      expect(
        await store.messages.advanceOutboundUpTo(ws, id, { status: 'delivered', until: T0 + 9 }),
      ).toEqual([]);
      const rows = await backdoor.messages(ws, id);
      const byAt = Object.fromEntries(rows.map((m) => [m.at - T0, m.status]));
      expect(byAt).toEqual({
        1: 'read',
        2: 'read',
        3: 'queued',
        4: 'failed',
        5: 'read',
        6: 'received',
        9: 'read',
      });
      // Another workspace's contact id changes nothing.
      expect(
        await store.messages.advanceOutboundUpTo(freshWorkspace(), id, { status: 'read', until: T0 + 99 }),
      ).toEqual([]);
    });

    it('pages a conversation newest first', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const { contact } = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000502'),
        { senderId: 's' },
        T0,
      );
      for (let i = 0; i < 5; i++)
        await store.messages.insert(messageRow(ws, contact!.id, { at: T0 + i, content: { text: `m${i}` } }));
      const texts: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await store.messages.listByContact(ws, contact!.id, { limit: 2, cursor });
        texts.push(...page.items.map((m) => m.content.text ?? ''));
        cursor = page.nextCursor;
      } while (cursor);
      expect(texts).toEqual(['m4', 'm3', 'm2', 'm1', 'm0']);
    });
  });
}
