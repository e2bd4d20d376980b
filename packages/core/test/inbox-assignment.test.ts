import { describe, expect, it } from 'vitest';
import { TidingsError, type TidingsEvents } from '../src/index.js';
import { inboxSetup } from './inbox-setup.js';

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof TidingsError ? e.code : String(e)),
  );
const address = (i: number) => `+4915190${String(i).padStart(6, '0')}`;

describe('inbox: assignment (F28)', () => {
  it('assigns by hand, unassigns, and tells every screen', async () => {
    const { tidings, write } = await inboxSetup();
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna' });
    const events: TidingsEvents['conversation.assigned'][] = [];
    tidings.on('conversation.assigned', (e) => {
      events.push(e);
    });
    const ana = await write('sandbox', address(1), 'hi');
    const assigned = await tidings.inbox.assign(ana.id, 'anna', { by: 'lead' });
    expect(assigned.assignee).toEqual({ id: 'anna', name: 'Anna' });
    expect((await tidings.contacts.get(ana.id))?.assignee).toBe('anna');
    const cleared = await tidings.inbox.assign(ana.id, null);
    expect(cleared.assignee).toBeNull();
    expect(events).toEqual([
      { contactId: ana.id, assignee: 'anna', previous: null, via: 'manual', by: 'lead', note: null },
      { contactId: ana.id, assignee: null, previous: 'anna', via: 'manual', by: null, note: null },
    ]);
    expect(await code(tidings.inbox.assign(ana.id, 'zed'))).toBe('NOT_FOUND');
    expect(await code(tidings.inbox.assign('nobody', 'anna'))).toBe('NOT_FOUND');
  });

  it('hands over with a note the next agent reads in the conversation', async () => {
    const { tidings, write } = await inboxSetup();
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna' });
    await tidings.inbox.agents.add({ id: 'ben', name: 'Ben' });
    const ana = await write('sandbox', address(1), 'My subscription is broken');
    await tidings.inbox.assign(ana.id, 'anna');
    const seen: string[] = [];
    tidings.on('conversation.assigned', (e) => {
      seen.push(`${e.via}:${e.previous}->${e.assignee}:${e.note}`);
    });
    tidings.on('conversation.note', (e) => {
      seen.push(`note:${e.agent}:${e.message.content.text}`);
    });
    const after = await tidings.inbox.handOver(ana.id, 'ben', {
      note: 'Billing question, over to you',
      by: 'anna',
    });
    expect(after.assignee).toEqual({ id: 'ben', name: 'Ben' });
    expect(seen).toEqual([
      'hand-over:anna->ben:Billing question, over to you',
      'note:anna:Billing question, over to you',
    ]);
    const [note] = (await tidings.inbox.history(ana.id, { limit: 1 })).items;
    expect(note).toMatchObject({
      kind: 'note',
      agentId: 'anna',
      content: { text: 'Billing question, over to you' },
    });
  });

  it('a rule’s assignment shows in the inbox', async () => {
    const { tidings, write } = await inboxSetup();
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna' });
    await tidings.rules.set('when contains "abo" then assign to anna');
    const events: TidingsEvents['conversation.assigned'][] = [];
    tidings.on('conversation.assigned', (e) => {
      events.push(e);
    });
    const ana = await write('sandbox', address(1), 'Frage zum Abo');
    expect((await tidings.inbox.conversation(ana.id))!.assignee).toEqual({ id: 'anna', name: 'Anna' });
    await write('sandbox', address(1), 'Noch eine Frage zum Abo');
    expect(events).toEqual([
      { contactId: ana.id, assignee: 'anna', previous: null, via: 'rule', by: null, note: null },
    ]);
  });
});

describe('inbox: round-robin (F28)', () => {
  it('is off by default', async () => {
    const { tidings, write } = await inboxSetup();
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna' });
    expect(await tidings.inbox.roundRobin()).toBe(false);
    const ana = await write('sandbox', address(1), 'hi');
    expect((await tidings.inbox.conversation(ana.id))!.assignee).toBeNull();
  });

  it('shares N conversations fairly among K available agents and skips unavailable ones', async () => {
    const { tidings, write } = await inboxSetup();
    for (const id of ['anna', 'ben', 'cem', 'dora']) await tidings.inbox.agents.add({ id, name: id });
    await tidings.inbox.agents.update('cem', { available: false });
    await tidings.inbox.setRoundRobin(true);
    const order: string[] = [];
    tidings.on('conversation.assigned', (e) => {
      if (e.via === 'round-robin') order.push(e.assignee!);
    });

    const N = 11;
    for (let i = 0; i < N; i++) await write(i % 2 ? 'wa' : 'sandbox', address(i), `question ${i}`);
    const counts = new Map<string, number>();
    for (const c of (await tidings.inbox.conversations({ limit: 100 })).items)
      counts.set(c.assignee!.id, (counts.get(c.assignee!.id) ?? 0) + 1);
    expect(counts.has('cem')).toBe(false);
    const values = [...counts.values()];
    expect(values.reduce((a, b) => a + b, 0)).toBe(N);
    expect(counts.size).toBe(3);
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
    // A fair rotation: every agent once before anyone twice.
    expect(order.slice(0, 6)).toEqual(['anna', 'ben', 'dora', 'anna', 'ben', 'dora']);

    // An assigned conversation keeps its agent when the contact writes again.
    await write('sandbox', address(0), 'follow-up');
    expect(order).toHaveLength(N);

    // Cem comes back: he is next, having never had a turn, then whoever waited longest; Anna goes away.
    await tidings.inbox.agents.update('cem', { available: true });
    await tidings.inbox.agents.update('anna', { available: false });
    for (let i = N; i < N + 3; i++) await write('sandbox', address(i), 'hi');
    expect(order.slice(N)).toEqual(['cem', 'dora', 'ben']);
  });

  it('leaves consent keywords alone, lets rules assign first, and does nothing without available agents', async () => {
    const { tidings, write } = await inboxSetup();
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna' });
    await tidings.inbox.agents.add({ id: 'ben', name: 'Ben' });
    await tidings.inbox.setRoundRobin(true);
    await tidings.rules.set('when contains "vip" then assign to ben');
    const starter = await write('sandbox', address(1), 'START');
    expect((await tidings.contacts.get(starter.id))?.assignee ?? null).toBeNull();
    const vip = await write('sandbox', address(2), 'I am a VIP');
    expect((await tidings.contacts.get(vip.id))?.assignee).toBe('ben');
    const plain = await write('sandbox', address(3), 'hello');
    expect((await tidings.contacts.get(plain.id))?.assignee).toBe('anna');
    for (const id of ['anna', 'ben']) await tidings.inbox.agents.update(id, { available: false });
    const nobody = await write('sandbox', address(4), 'hello');
    expect((await tidings.contacts.get(nobody.id))?.assignee ?? null).toBeNull();
    await tidings.inbox.setRoundRobin(false);
    expect(await tidings.inbox.roundRobin()).toBe(false);
  });

  it('assigns a conversation that starts with a call', async () => {
    const { tidings, sandbox } = await inboxSetup();
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna' });
    await tidings.inbox.setRoundRobin(true);
    await sandbox.simulateCall(address(5));
    const [row] = (await tidings.inbox.conversations()).items;
    expect(row).toMatchObject({ assignee: { id: 'anna' }, unread: 1, lastMessage: { kind: 'call' } });
  });
});

describe('inbox: agents and canned answers', () => {
  it('keeps a registry of agents with availability', async () => {
    const { tidings } = await inboxSetup();
    const events: string[] = [];
    tidings.on('agent.updated', ({ agent, removed }) => {
      events.push(`${agent.id}:${agent.available}:${removed ?? false}`);
    });
    const anna = await tidings.inbox.agents.add({ id: 'anna', name: 'Anna', signature: '– A' });
    expect(anna).toMatchObject({ id: 'anna', name: 'Anna', signature: '– A', available: true });
    await tidings.inbox.agents.add({ id: 'ben', name: 'Ben', available: false });
    expect(await code(tidings.inbox.agents.add({ id: 'anna', name: 'Other' }))).toBe('INVALID_INPUT');
    expect(await code(tidings.inbox.agents.add({ id: 'a b', name: 'Spaces' }))).toBe('INVALID_INPUT');
    expect(await code(tidings.inbox.agents.add({ id: 'x', name: '' }))).toBe('INVALID_INPUT');
    const changed = await tidings.inbox.agents.update('anna', { available: false, signature: null });
    expect(changed).toMatchObject({ available: false, signature: null, name: 'Anna' });
    expect((await tidings.inbox.agents.list()).map((a) => a.id)).toEqual(['anna', 'ben']);
    expect(await tidings.inbox.agents.remove('ben')).toBe(true);
    expect(await tidings.inbox.agents.remove('ben')).toBe(false);
    expect(await tidings.inbox.agents.get('ben')).toBeNull();
    expect(await code(tidings.inbox.agents.update('ben', { available: true }))).toBe('NOT_FOUND');
    expect(events).toEqual(['anna:true:false', 'ben:false:false', 'anna:false:false', 'ben:false:true']);
  });

  it('keeps canned answers with unique shortcuts', async () => {
    const { tidings } = await inboxSetup();
    const hours = await tidings.inbox.canned.create({ shortcut: '/hours', title: 'Hours', text: '8–18' });
    const price = await tidings.inbox.canned.create({ shortcut: '/price', title: 'Price', text: '2 €' });
    expect(await code(tidings.inbox.canned.create({ shortcut: '/hours', title: 'x', text: 'y' }))).toBe(
      'INVALID_INPUT',
    );
    expect(await code(tidings.inbox.canned.update(price.id, { shortcut: '/hours' }))).toBe('INVALID_INPUT');
    expect(await tidings.inbox.canned.find('/price')).toEqual(price);
    expect(await tidings.inbox.canned.find(hours.id)).toEqual(hours);
    const updated = await tidings.inbox.canned.update(hours.id, { text: '9–17', shortcut: '/open' });
    expect(updated).toMatchObject({ shortcut: '/open', text: '9–17', title: 'Hours' });
    expect((await tidings.inbox.canned.list()).map((c) => c.shortcut)).toEqual(['/open', '/price']);
    expect(await tidings.inbox.canned.remove(price.id)).toBe(true);
    expect(await tidings.inbox.canned.get(price.id)).toBeNull();
    expect(await code(tidings.inbox.canned.update(price.id, { text: 'x' }))).toBe('NOT_FOUND');
  });
});
