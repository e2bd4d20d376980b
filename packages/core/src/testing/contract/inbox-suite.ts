import { describe, expect, it } from 'vitest';
import type { Store } from '../../ports/store.js';
import {
  channelRow,
  contactInput,
  freshWorkspace,
  ledgerLine,
  messageRow,
  T0,
} from '../contract-fixtures.js';
import type { ContractSubject } from '../store-contract.js';

async function contact(store: Store, ws: string, address: string, transport = 'sandbox') {
  const { contact: c } = await store.contacts.getOrCreate(
    contactInput(ws, address, { transport, name: `Name ${address}` }),
    { senderId: 's' },
    T0,
  );
  return c!;
}

async function agent(store: Store, ws: string, id: string, available = true) {
  return store.agents.create({ workspaceId: ws, id, name: id.toUpperCase(), signature: null, available }, T0);
}

export function inboxSuite(get: ContractSubject): void {
  describe('conversations (F26–F28)', () => {
    it('moves a conversation on with each non-broadcast message and counts inbound ones as unread', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const a = await contact(store, ws, '+4915100000001');
      expect(await store.conversations.get(ws, a.id)).toBeNull();
      const first = await store.messages.insert(messageRow(ws, a.id, { at: T0 + 10 }));
      const call = await store.messages.insert(
        messageRow(ws, a.id, { at: T0 + 20, kind: 'call', content: {} }),
      );
      let row = await store.conversations.get(ws, a.id);
      expect(row?.state).toEqual({
        contactId: a.id,
        lastActivityAt: T0 + 20,
        lastMessageId: call!.id,
        unread: 2,
        readAt: null,
      });
      expect(row?.lastMessage).toEqual(call);
      expect(row?.contact.id).toBe(a.id);

      // An outbound reply moves it on without an unread; a late-arriving older message counts but does not move it back.
      const reply = await store.messages.insert(
        messageRow(ws, a.id, {
          at: T0 + 30,
          direction: 'out',
          status: 'queued',
          purpose: 'agent',
          providerMessageId: null,
          agentId: 'anna',
        }),
      );
      await store.messages.insert(messageRow(ws, a.id, { at: T0 + 5 }));
      row = await store.conversations.get(ws, a.id);
      expect(row?.state).toMatchObject({ lastActivityAt: T0 + 30, lastMessageId: reply!.id, unread: 3 });
      expect(row?.lastMessage).toMatchObject({ id: reply!.id, agentId: 'anna', purpose: 'agent' });
      expect(await store.messages.get(ws, first!.id)).toEqual(first);

      // A broadcast message leaves the inbox alone.
      await store.messages.insert(
        messageRow(ws, a.id, { at: T0 + 99, direction: 'out', broadcastId: 'b1', providerMessageId: null }),
      );
      expect((await store.conversations.get(ws, a.id))?.state.lastActivityAt).toBe(T0 + 30);

      expect(await store.conversations.markRead(ws, a.id, T0 + 40)).toBe(true);
      expect((await store.conversations.get(ws, a.id))?.state).toMatchObject({ unread: 0, readAt: T0 + 40 });
      await store.messages.insert(messageRow(ws, a.id, { at: T0 + 50 }));
      expect((await store.conversations.get(ws, a.id))?.state.unread).toBe(1);
      expect(await store.conversations.markRead(ws, 'nobody', T0)).toBe(false);
      expect(await store.conversations.markRead(freshWorkspace(), a.id, T0)).toBe(false);
    });

    it('lists newest activity first with keyset paging that survives ties', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const ids: string[] = [];
      for (let i = 0; i < 9; i++) {
        const c = await contact(store, ws, `+49151000001${i}`);
        // Three contacts share each activity time.
        await store.messages.insert(messageRow(ws, c.id, { at: T0 + Math.floor(i / 3) * 1000 }));
        ids.push(c.id);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await store.conversations.list(ws, { limit: 2, cursor });
        seen.push(...page.items.map((r) => r.contact.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(9);
      expect(new Set(seen).size).toBe(9);
      const times = await Promise.all(
        seen.map(async (id) => (await store.conversations.get(ws, id))!.state.lastActivityAt),
      );
      expect(times).toEqual([...times].sort((a, b) => b - a));
      // Within one time, the order is the same on every call.
      const again = await store.conversations.list(ws, { limit: 100 });
      expect(again.items.map((r) => r.contact.id)).toEqual(seen);
      expect(again.nextCursor).toBeNull();
      expect((await store.conversations.list(freshWorkspace(), { limit: 10 })).items).toEqual([]);
      await expect(store.conversations.list(ws, { limit: 2, cursor: 'garbage' })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
    });

    it('filters by assignee, unassigned, unread, transport and channel', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const channel = await store.channels.create(channelRow(ws, 'sport'), T0);
      const a = await contact(store, ws, '+4915100000021');
      const b = await contact(store, ws, '+4915100000022', 'wa');
      const c = await contact(store, ws, '+4915100000023');
      for (const x of [a, b, c])
        await store.messages.insert(messageRow(ws, x.id, { transport: x.transport }));
      await store.subscriptions.add(ws, a.id, [channel.id], T0);
      await store.conversations.assign(ws, b.id, 'anna', T0);
      await store.conversations.markRead(ws, c.id, T0);
      const ids = async (q: Omit<Parameters<Store['conversations']['list']>[1], 'limit'>) =>
        (await store.conversations.list(ws, { limit: 10, ...q })).items.map((r) => r.contact.id).sort();
      expect(await ids({ assignee: 'anna' })).toEqual([b.id]);
      expect(await ids({ unassigned: true })).toEqual([a.id, c.id].sort());
      expect(await ids({ unread: true })).toEqual([a.id, b.id].sort());
      expect(await ids({ transport: 'wa' })).toEqual([b.id]);
      expect(await ids({ channelId: channel.id })).toEqual([a.id]);
      expect(await ids({ unread: true, unassigned: true })).toEqual([a.id]);
    });

    it('assigns, conditionally and by hand, on the contact', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const a = await contact(store, ws, '+4915100000031');
      const first = await store.conversations.assign(ws, a.id, 'anna', T0 + 1);
      expect(first).toEqual({
        contact: expect.objectContaining({ id: a.id, assignee: 'anna' }),
        previous: null,
      });
      expect(await store.conversations.assign(ws, a.id, 'ben', T0 + 2, { ifUnassigned: true })).toBeNull();
      expect((await store.contacts.get(ws, a.id))?.assignee).toBe('anna');
      const moved = await store.conversations.assign(ws, a.id, 'ben', T0 + 3);
      expect(moved?.previous).toBe('anna');
      // The contact's own update keeps and changes the assignee (rules assign that way).
      const tagged = await store.contacts.update(ws, a.id, { tags: ['x'] }, T0 + 4);
      expect(tagged.assignee).toBe('ben');
      await store.contacts.update(ws, a.id, { assignee: 'cem' }, T0 + 5);
      expect((await store.contacts.get(ws, a.id))?.assignee).toBe('cem');
      const cleared = await store.conversations.assign(ws, a.id, null, T0 + 6);
      expect(cleared?.contact.assignee ?? null).toBeNull();
      expect(cleared?.previous).toBe('cem');
      expect(await store.conversations.assign(ws, 'nobody', 'anna', T0)).toBeNull();
    });

    it('round-robin: fair turns among available agents, atomically, never over an assignee', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      await agent(store, ws, 'anna');
      await agent(store, ws, 'ben');
      await agent(store, ws, 'cem', false);
      await agent(store, ws, 'dora');
      const contacts = [];
      for (let i = 0; i < 10; i++) contacts.push(await contact(store, ws, `+49151000004${i}`));
      // Concurrent picks (several workers) still rotate fairly.
      const picked = await Promise.all(contacts.map((c) => store.conversations.assignNext(ws, c.id, T0)));
      const counts = new Map<string, number>();
      for (const p of picked) counts.set(p!.agentId, (counts.get(p!.agentId) ?? 0) + 1);
      expect([...counts.keys()].sort()).toEqual(['anna', 'ben', 'dora']);
      expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
      for (const p of picked)
        expect((await store.contacts.get(ws, p!.contact.id))?.assignee).toBe(p!.agentId);
      expect(await store.conversations.assignNext(ws, contacts[0]!.id, T0)).toBeNull();

      // In sequence: whoever waited longest is next; a newly available agent first.
      await store.agents.update(ws, 'cem', { available: true }, T0);
      const order: string[] = [];
      for (let i = 0; i < 4; i++) {
        const c = await contact(store, ws, `+49151000005${i}`);
        order.push((await store.conversations.assignNext(ws, c.id, T0))!.agentId);
      }
      expect(order[0]).toBe('cem');
      expect(new Set(order).size).toBe(4);
      for (const id of ['anna', 'ben', 'cem', 'dora'])
        await store.agents.update(ws, id, { available: false }, T0);
      const lonely = await contact(store, ws, '+4915100000060');
      expect(await store.conversations.assignNext(ws, lonely.id, T0)).toBeNull();
      expect((await store.contacts.get(ws, lonely.id))?.assignee ?? null).toBeNull();
    });

    it('erase removes the conversation; agents and canned answers hold nothing about the contact', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const name = `Zora-${Math.random().toString(36).slice(2, 10)}`;
      const { contact: z } = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000071', { name }),
        { senderId: 's' },
        T0,
      );
      await agent(store, ws, 'anna');
      await store.cannedAnswers.create({ workspaceId: ws, shortcut: '/hi', title: 'Hi', text: 'Hello!' }, T0);
      await store.messages.insert(messageRow(ws, z!.id, { content: { text: `I am ${name}` } }));
      await store.messages.insert(
        messageRow(ws, z!.id, {
          direction: 'out',
          kind: 'note',
          status: 'sent',
          providerMessageId: null,
          agentId: 'anna',
          content: { text: `${name} is a VIP` },
        }),
      );
      await store.conversations.assignNext(ws, z!.id, T0);
      await store.conversations.markRead(ws, z!.id, T0 + 1);
      expect((await backdoor.rowsMentioning(name)).length).toBeGreaterThan(0);
      await store.contacts.erase(ws, z!.id, ledgerLine(ws, null, { action: 'erased', method: 'staff' }));
      expect(await store.conversations.get(ws, z!.id)).toBeNull();
      for (const needle of [name, z!.id]) expect(await backdoor.rowsMentioning(needle)).toEqual([]);
      expect((await store.conversations.list(ws, { limit: 10 })).items).toEqual([]);
      expect(await store.agents.get(ws, 'anna')).not.toBeNull();
    });
  });

  describe('agents and canned answers', () => {
    it('keeps agents per workspace, in order of adding, with unique ids', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const anna = await store.agents.create(
        { workspaceId: ws, id: 'anna', name: 'Anna', signature: '– A', available: true },
        T0,
      );
      expect(anna).toEqual({
        id: 'anna',
        workspaceId: ws,
        name: 'Anna',
        signature: '– A',
        available: true,
        createdAt: T0,
        updatedAt: T0,
      });
      await agent(store, ws, 'ben', false);
      await expect(agent(store, ws, 'anna')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await agent(store, freshWorkspace(), 'anna');
      expect(await store.agents.update(ws, 'anna', { available: false, signature: null }, T0 + 1)).toEqual({
        ...anna,
        available: false,
        signature: null,
        updatedAt: T0 + 1,
      });
      expect(await store.agents.update(ws, 'zed', { name: 'x' }, T0)).toBeNull();
      expect((await store.agents.list(ws)).map((a) => a.id)).toEqual(['anna', 'ben']);
      expect(await store.agents.remove(ws, 'ben')).toBe(true);
      expect(await store.agents.remove(ws, 'ben')).toBe(false);
      expect(await store.agents.get(ws, 'ben')).toBeNull();

      expect(await store.agents.roundRobin(ws)).toBe(false);
      await store.agents.setRoundRobin(ws, true);
      expect(await store.agents.roundRobin(ws)).toBe(true);
      expect(await store.agents.roundRobin(freshWorkspace())).toBe(false);
      await store.agents.setRoundRobin(ws, false);
      expect(await store.agents.roundRobin(ws)).toBe(false);
    });

    it('keeps canned answers with a unique shortcut per workspace, sorted by shortcut', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const hours = await store.cannedAnswers.create(
        { workspaceId: ws, shortcut: '/hours', title: 'H', text: '8–18' },
        T0,
      );
      const price = await store.cannedAnswers.create(
        { workspaceId: ws, shortcut: '/Price', title: 'P', text: '2 €' },
        T0,
      );
      expect(hours).toEqual({
        id: expect.any(String),
        workspaceId: ws,
        shortcut: '/hours',
        title: 'H',
        text: '8–18',
        createdAt: T0,
        updatedAt: T0,
      });
      await expect(
        store.cannedAnswers.create({ workspaceId: ws, shortcut: '/hours', title: 'x', text: 'y' }, T0),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(
        store.cannedAnswers.update(ws, price.id, { shortcut: '/hours' }, T0),
      ).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
      expect(await store.cannedAnswers.getByShortcut(ws, '/Price')).toEqual(price);
      expect(await store.cannedAnswers.get(freshWorkspace(), price.id)).toBeNull();
      const updated = await store.cannedAnswers.update(ws, hours.id, { text: '9–17' }, T0 + 1);
      expect(updated).toEqual({ ...hours, text: '9–17', updatedAt: T0 + 1 });
      expect((await store.cannedAnswers.list(ws)).map((c) => c.shortcut)).toEqual(['/Price', '/hours']);
      expect(await store.cannedAnswers.remove(ws, price.id)).toBe(true);
      expect(await store.cannedAnswers.remove(ws, price.id)).toBe(false);
      expect(await store.cannedAnswers.update(ws, price.id, { text: 'x' }, T0)).toBeNull();
    });
  });

  describe('queries for staff', () => {
    it('counts ledger entries by day, action and channel in a time zone', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const at = Date.parse('2026-06-01T23:30:00Z');
      await store.consent.append(
        ledgerLine(ws, null, { at, action: 'opted-in', channels: ['news', 'sport'] }),
      );
      await store.consent.append(
        ledgerLine(ws, null, { at: at + 1, action: 'opted-in', channels: ['news'] }),
      );
      await store.consent.append(ledgerLine(ws, null, { at: at + 2, action: 'opted-out', channels: [] }));
      await store.consent.append(ledgerLine(ws, null, { at: at + 3_600_000, action: 'opted-out' }));
      const sorted = (rows: { day: string; action: string; channel: string | null; count: number }[]) =>
        rows.map((r) => `${r.day} ${r.action} ${r.channel ?? '*'} ${r.count}`).sort();
      expect(sorted(await store.consent.dailyCounts(ws, { from: at, to: at + 2, timeZone: 'UTC' }))).toEqual([
        '2026-06-01 opted-in * 2',
        '2026-06-01 opted-in news 2',
        '2026-06-01 opted-in sport 1',
      ]);
      expect(
        sorted(
          await store.consent.dailyCounts(ws, { from: T0, to: at + 7_200_000, timeZone: 'Europe/Berlin' }),
        ),
      ).toEqual([
        '2026-06-02 opted-in * 2',
        '2026-06-02 opted-in news 2',
        '2026-06-02 opted-in sport 1',
        '2026-06-02 opted-out * 2',
      ]);
    });

    it('lists contacts by search, attribute and channel', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      const channel = await store.channels.create(channelRow(ws, 'news'), T0);
      const mk = async (address: string, name: string | null, attributes: Record<string, string> = {}) =>
        (
          await store.contacts.getOrCreate(
            contactInput(ws, address, { name, attributes }),
            { senderId: 's' },
            T0,
          )
        ).contact!;
      const ada = await mk('+4915100000081', 'Ada Lovelace', { city: 'London' });
      const bob = await mk('+4915100000082', 'Bob 100%_sure');
      const ida = await mk('+4915100000083', null, { city: 'Wien' });
      await store.subscriptions.add(ws, bob.id, [channel.id], T0);
      const ids = async (q: Omit<Parameters<Store['contacts']['list']>[1], 'limit'>) =>
        (await store.contacts.list(ws, { limit: 10, ...q })).items.map((c) => c.id);
      expect(await ids({ search: 'LOVE' })).toEqual([ada.id]);
      expect(await ids({ search: '00008' })).toEqual([ada.id, bob.id, ida.id]);
      expect(await ids({ search: '100%_' })).toEqual([bob.id]);
      expect(await ids({ search: '%' })).toEqual([bob.id]);
      expect(await ids({ attribute: { name: 'city', value: 'Wien' } })).toEqual([ida.id]);
      expect(await ids({ channelId: channel.id })).toEqual([bob.id]);
      expect(await ids({ search: 'a', attribute: { name: 'city', value: 'London' } })).toEqual([ada.id]);
    });
  });
}
