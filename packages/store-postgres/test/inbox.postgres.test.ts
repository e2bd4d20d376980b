import { createTidings, sandboxTransport, silentLogger, type Tidings } from '@tidings/core';
import { manualClock } from '@tidings/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresStore, postgresStore } from '../src/index.js';
import { databaseUrl, freshSchema } from './database.js';

// The inbox end to end on a real PostgreSQL server: two agents, round-robin and the conversation list.
describe('inbox on PostgreSQL', () => {
  let store: PostgresStore;
  let drop: () => Promise<void>;
  let tidings: Tidings;
  const clock = manualClock(Date.parse('2026-06-01T08:00:00Z'));
  const sandbox = sandboxTransport();

  beforeAll(async () => {
    const fresh = await freshSchema();
    drop = fresh.drop;
    store = postgresStore({ connectionString: databaseUrl, schema: fresh.schema });
    tidings = createTidings({
      store,
      clock,
      transports: [sandbox],
      logger: silentLogger,
      subscribeOnFirstMessage: false,
    });
    await tidings.start();
  });
  afterAll(async () => {
    await tidings.stop();
    await store.close();
    await drop();
  });

  it('assigns by round-robin, lists, sends both concurrent replies of two agents and keeps notes', async () => {
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna', signature: '– Anna' });
    await tidings.inbox.agents.add({ id: 'ben', name: 'Ben', signature: '– Ben' });
    await tidings.inbox.setRoundRobin(true);
    const addresses = ['+4915100000001', '+4915100000002', '+4915100000003', '+4915100000004'];
    for (const a of addresses) {
      await sandbox.simulateInbound({ from: a, text: `Hello from ${a}` });
      await clock.advance(1000);
    }
    const page = await tidings.inbox.conversations({ limit: 3 });
    expect(page.items.map((c) => c.contact.address)).toEqual([...addresses].reverse().slice(0, 3));
    const rest = await tidings.inbox.conversations({ limit: 3, cursor: page.nextCursor });
    expect(rest.items.map((c) => c.contact.address)).toEqual([addresses[0]]);
    expect(rest.nextCursor).toBeNull();
    const assignees = [...page.items, ...rest.items].map((c) => c.assignee?.name).sort();
    expect(assignees).toEqual(['Anna', 'Anna', 'Ben', 'Ben']);
    expect(page.items[0]).toMatchObject({
      unread: 1,
      lastMessage: { content: { text: `Hello from ${addresses[3]}` }, direction: 'in' },
      window: { status: 'unlimited' },
    });

    const contactId = page.items[0]!.contact.id;
    const seen: string[] = [];
    tidings.on('conversation.replied', ({ agent }) => {
      seen.push(agent);
    });
    await Promise.all([
      tidings.inbox.reply(contactId, { text: 'First' }, { agent: 'anna' }),
      tidings.inbox.reply(contactId, { text: 'Second' }, { agent: 'ben' }),
    ]);
    await tidings.inbox.note(contactId, 'done', { agent: 'ben' });
    await tidings.drain();
    // The two replies race on separate connections within one millisecond of the clock: both go out, each signed by
    // its agent; which goes first is not defined for replies queued at the same instant.
    const history = await tidings.inbox.history(contactId, { limit: 3 });
    const [note, ...replies] = history.items;
    expect([note?.kind, note?.agentId, note?.status]).toEqual(['note', 'ben', 'sent']);
    expect(replies.map((m) => [m.kind, m.status])).toEqual([
      ['message', 'sent'],
      ['message', 'sent'],
    ]);
    expect(replies.map((m) => m.agentId).sort()).toEqual(['anna', 'ben']);
    expect(
      sandbox
        .messagesTo(addresses[3]!)
        .map((m) => m.content.text)
        .sort(),
    ).toEqual(['First\n\n– Anna', 'Second\n\n– Ben']);
    expect([...seen].sort()).toEqual(['anna', 'ben']);

    const row = (await tidings.inbox.conversation(contactId))!;
    expect(row).toMatchObject({ unread: 0, lastMessage: { kind: 'note' } });
    expect((await tidings.inbox.conversations({ unread: true })).items).toHaveLength(3);

    expect(await tidings.contacts.erase(contactId)).toBe(true);
    expect((await tidings.inbox.conversations()).items).toHaveLength(3);
  });
});
