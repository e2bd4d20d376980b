import { describe, expect, it } from 'vitest';
import { TidingsError, type TidingsEvents } from '../src/index.js';
import { DAY, HOUR, inboxSetup } from './inbox-setup.js';

const ANA = '+4915111111111';
const BEN = '+4915122222222';
const CAT = '+4915133333333';

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof TidingsError ? e.code : String(e)),
  );

describe('inbox: conversations (F26)', () => {
  it('lists conversations newest activity first with keyset paging, and broadcasts do not count as activity', async () => {
    const { tidings, clock, write } = await inboxSetup();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push((await write('sandbox', `+49151000000${i}`, `hello ${i}`)).id);
      await clock.advance(60_000);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await tidings.inbox.conversations({ limit: 3, cursor });
      seen.push(...page.items.map((c) => c.contact.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());

    // The oldest writes again: it moves to the top.
    await write('sandbox', '+491510000000', 'me again');
    const first = await tidings.inbox.conversations({ limit: 1 });
    expect(first.items[0]!.contact.id).toBe(ids[0]);
    expect(first.items[0]!.lastMessage?.content.text).toBe('me again');
    expect(first.items[0]!.unread).toBe(2);

    // A broadcast to a confirmed subscriber leaves the order alone.
    await write('sandbox', '+491510000003', 'START');
    const before = (await tidings.inbox.conversations({})).items.map((c) => c.contact.id);
    await clock.advance(HOUR);
    const b = await tidings.broadcasts.create({ content: { text: 'Breaking' }, scheduledAt: 'now' });
    await tidings.drain();
    expect((await tidings.broadcasts.stats(b.id)).sent).toBe(1);
    expect((await tidings.inbox.conversations({})).items.map((c) => c.contact.id)).toEqual(before);
  });

  it('filters by assignee, unassigned, unread, messenger and channel', async () => {
    const { tidings, write } = await inboxSetup();
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna' });
    const ana = await write('sandbox', ANA, 'SPORT');
    const ben = await write('wa', BEN, 'Hi');
    const cat = await write('fb', 'psid-cat', 'Hello');
    await tidings.inbox.assign(ben.id, 'anna');
    await tidings.inbox.markRead(cat.id);
    const ids = async (q: Parameters<typeof tidings.inbox.conversations>[0]) =>
      (await tidings.inbox.conversations(q)).items.map((c) => c.contact.id).sort();

    expect(await ids({ assignedTo: 'anna' })).toEqual([ben.id]);
    expect(await ids({ unassigned: true })).toEqual([ana.id, cat.id].sort());
    expect(await ids({ unread: true })).toEqual([ana.id, ben.id].sort());
    expect(await ids({ transport: 'fb' })).toEqual([cat.id]);
    expect(await ids({ channel: 'sport' })).toEqual([ana.id]);
    expect(await ids({ unassigned: true, unread: true })).toEqual([ana.id]);
    expect(await code(tidings.inbox.conversations({ channel: 'nope' }))).toBe('UNKNOWN_CHANNEL');
    const row = (await tidings.inbox.conversations({ assignedTo: 'anna' })).items[0]!;
    expect(row).toMatchObject({ assignee: { id: 'anna', name: 'Anna' }, unread: 1 });
  });

  it('shows the reply window per conversation: unlimited, open, human-agent, template, closed', async () => {
    const { tidings, clock, write } = await inboxSetup();
    const tg = await write('sandbox', ANA, 'hi');
    const wa = await write('wa', BEN, 'hi');
    const fb = await write('fb', 'psid-1', 'hi');
    const at = clock.now();
    const status = async (id: string) => (await tidings.inbox.conversation(id))!.window;

    expect(await status(tg.id)).toEqual({ status: 'unlimited', until: null, lastInboundAt: at });
    expect(await status(wa.id)).toEqual({ status: 'open', until: at + DAY, lastInboundAt: at });
    expect(await status(fb.id)).toEqual({ status: 'open', until: at + DAY, lastInboundAt: at });
    await clock.advance(DAY + 1);
    expect((await status(wa.id)).status).toBe('template');
    expect(await status(fb.id)).toEqual({ status: 'human-agent', until: at + 7 * DAY, lastInboundAt: at });
    await clock.advance(6 * DAY);
    expect(await tidings.inbox.window(fb.id)).toEqual({ status: 'closed', until: null, lastInboundAt: at });
    expect((await status(tg.id)).status).toBe('unlimited');
  });

  it('lists a contact of a messenger no longer installed as closed instead of failing', async () => {
    const { tidings, store, clock } = await inboxSetup();
    const { contact } = await store.contacts.getOrCreate(
      {
        workspaceId: 'default',
        transport: 'gone',
        address: 'x1',
        phone: null,
        name: 'Old',
        locale: null,
        state: 'visitor',
        blockedAt: null,
        blockedReason: null,
        attributes: {},
        tags: [],
        lastInboundAt: clock.now(),
      },
      { senderId: 's' },
      clock.now(),
    );
    await store.messages.insert({
      workspaceId: 'default',
      contactId: contact!.id,
      transport: 'gone',
      senderId: 's',
      direction: 'in',
      kind: 'message',
      purpose: null,
      content: { text: 'still here?' },
      providerMessageId: 'old-1',
      status: 'received',
      error: null,
      at: clock.now(),
      inReplyTo: null,
      broadcastId: null,
    });
    const [row] = (await tidings.inbox.conversations()).items;
    expect(row).toMatchObject({ contact: { id: contact!.id }, window: { status: 'closed' }, unread: 1 });
    expect(await code(tidings.inbox.conversations({ cursor: 'nonsense' }))).toBe('INVALID_INPUT');
  });

  it('pages the history newest first, with messages, calls and notes', async () => {
    const { tidings, sandbox, write, clock } = await inboxSetup();
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna' });
    const ana = await write('sandbox', ANA, 'one');
    for (const text of ['two', 'three']) {
      await clock.advance(1000);
      await write('sandbox', ANA, text);
    }
    await clock.advance(1000);
    await sandbox.simulateCall(ANA);
    await tidings.inbox.note(ana.id, 'called back later', { agent: 'anna' });
    const first = await tidings.inbox.history(ana.id, { limit: 2 });
    expect(first.items.map((m) => [m.kind, m.content.text])).toEqual([
      ['note', 'called back later'],
      ['call', undefined],
    ]);
    const second = await tidings.inbox.history(ana.id, { limit: 2, before: first.nextCursor });
    expect(second.items.map((m) => m.content.text)).toEqual(['three', 'two']);
    const third = await tidings.inbox.history(ana.id, { limit: 2, before: second.nextCursor });
    expect(third).toEqual({
      items: [expect.objectContaining({ content: { text: 'one' } })],
      nextCursor: null,
    });
    expect(await code(tidings.inbox.history('nobody'))).toBe('NOT_FOUND');
  });

  it('notes incoming calls in the conversation as unread activity (F29)', async () => {
    const { tidings, sandbox, write } = await inboxSetup();
    const ana = await write('sandbox', ANA, 'hi');
    await tidings.inbox.markRead(ana.id);
    const calls: string[] = [];
    tidings.on('call.received', ({ contact }) => {
      calls.push(contact.id);
    });
    await sandbox.simulateCall(ANA);
    const row = (await tidings.inbox.conversation(ana.id))!;
    expect(row.unread).toBe(1);
    expect(row.lastMessage).toMatchObject({ kind: 'call', direction: 'in' });
    expect(calls).toEqual([ana.id]);
  });

  it('marks read: unread goes to zero, an event tells the other agents, new messages count again', async () => {
    const { tidings, write } = await inboxSetup();
    const ana = await write('sandbox', ANA, 'one');
    await write('sandbox', ANA, 'two');
    expect((await tidings.inbox.conversation(ana.id))!.unread).toBe(2);
    const events: TidingsEvents['conversation.read'][] = [];
    tidings.on('conversation.read', (e) => {
      events.push(e);
    });
    await tidings.inbox.markRead(ana.id, { agent: 'anna' });
    expect((await tidings.inbox.conversation(ana.id))!.unread).toBe(0);
    expect(events).toEqual([{ contactId: ana.id, agent: 'anna', at: expect.any(Number) }]);
    await write('sandbox', ANA, 'three');
    expect((await tidings.inbox.conversation(ana.id))!.unread).toBe(1);
    expect(await code(tidings.inbox.markRead('nobody'))).toBe('NOT_FOUND');
  });
});

describe('inbox: replies (F27)', () => {
  it('sends an agent reply through the priority lane with the sign-off, and marks the conversation read', async () => {
    const { tidings, sandbox, write } = await inboxSetup();
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna', signature: '— Anna, Newsroom' });
    const ana = await write('sandbox', ANA, 'Is the paper out?');
    const message = await tidings.inbox.reply(ana.id, { text: 'Yes, since 6am.' }, { agent: 'anna' });
    expect(message).toMatchObject({ status: 'queued', purpose: 'agent', agentId: 'anna', direction: 'out' });
    await tidings.drain();
    const sent = sandbox.messagesTo(ANA);
    expect(sent.map((m) => [m.purpose, m.content.text])).toEqual([
      ['agent', 'Yes, since 6am.\n\n— Anna, Newsroom'],
    ]);
    const row = (await tidings.inbox.conversation(ana.id))!;
    expect(row.unread).toBe(0);
    expect(row.lastMessage).toMatchObject({ id: message.id, status: 'sent', agentId: 'anna' });
  });

  it('puts a canned answer in by shortcut or id, filled in for the contact', async () => {
    const { tidings, sandbox, write } = await inboxSetup();
    await tidings.inbox.agents.add({ id: 'ben', name: 'Ben' });
    const hours = await tidings.inbox.canned.create({
      shortcut: '/hours',
      title: 'Opening hours',
      text: 'Hi {name|there}, we answer 8–18.',
    });
    const ana = await write('sandbox', ANA, 'When?', 'Ana');
    await tidings.inbox.reply(ana.id, { canned: '/hours' }, { agent: 'ben' });
    await tidings.inbox.reply(ana.id, { canned: hours.id }, { agent: 'ben' });
    await tidings.drain();
    expect(sandbox.messagesTo(ANA).map((m) => m.content.text)).toEqual([
      'Hi Ana, we answer 8–18.',
      'Hi Ana, we answer 8–18.',
    ]);
    expect(await code(tidings.inbox.reply(ana.id, { canned: '/nope' }, { agent: 'ben' }))).toBe('NOT_FOUND');
  });

  it('outside the window: a template on WhatsApp, HUMAN_AGENT for 7 days on Messenger, else a clear refusal', async () => {
    const { tidings, clock, wa, fb, write } = await inboxSetup();
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna', signature: 'Anna' });
    const ben = await write('wa', BEN, 'hi');
    const cat = await write('fb', 'psid-cat', 'hi');
    await clock.advance(2 * DAY);

    expect(await code(tidings.inbox.reply(ben.id, { text: 'late' }, { agent: 'anna' }))).toBe(
      'TEMPLATE_REQUIRED',
    );
    const template = { name: 'follow_up', language: 'de', parameters: ['Ben'] };
    await tidings.inbox.reply(ben.id, { text: 'late' }, { agent: 'anna', template });
    await tidings.inbox.reply(cat.id, { text: 'Sorry for the wait' }, { agent: 'anna' });
    await tidings.drain();
    expect(wa.messagesTo(BEN).map((m) => m.content)).toEqual([{ template }]);
    expect(fb.messagesTo('psid-cat').map((m) => [m.purpose, m.content.text])).toEqual([
      ['agent', 'Sorry for the wait\n\nAnna'],
    ]);

    await clock.advance(6 * DAY);
    const refused = await tidings.inbox.reply(cat.id, { text: 'hello?' }, { agent: 'anna' }).catch((e) => e);
    expect(refused).toBeInstanceOf(TidingsError);
    expect(refused).toMatchObject({ code: 'WINDOW_CLOSED' });
    await tidings.drain();
    expect(fb.messagesTo('psid-cat')).toHaveLength(1);
  });

  it('refuses unknown agents and contacts, empty replies and contacts who said STOP', async () => {
    const { tidings, write } = await inboxSetup();
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna' });
    const ana = await write('sandbox', ANA, 'hi');
    expect(await code(tidings.inbox.reply(ana.id, { text: 'x' }, { agent: 'zed' }))).toBe('NOT_FOUND');
    expect(await code(tidings.inbox.reply('nobody', { text: 'x' }, { agent: 'anna' }))).toBe('NOT_FOUND');
    expect(await code(tidings.inbox.reply(ana.id, {}, { agent: 'anna' }))).toBe('INVALID_INPUT');
    await write('sandbox', ANA, 'STOP');
    expect(await code(tidings.inbox.reply(ana.id, { text: 'x' }, { agent: 'anna' }))).toBe(
      'CONSENT_REQUIRED',
    );
  });

  it('two agents replying to one conversation: both replies go out in order and both see each other’s work', async () => {
    const { tidings, sandbox, write } = await inboxSetup();
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna', signature: '– Anna' });
    await tidings.inbox.agents.add({ id: 'ben', name: 'Ben', signature: '– Ben' });
    const ana = await write('sandbox', ANA, 'Two questions: price and delivery?');

    // Each agent's screen listens to the same event stream.
    const screens = { anna: [] as string[], ben: [] as string[] };
    for (const screen of Object.values(screens)) {
      tidings.on('conversation.replied', ({ agent, message }) => {
        screen.push(`replied:${agent}:${message.content.text?.split('\n')[0]}`);
      });
      tidings.on('message.sent', ({ message }) => {
        if (message.purpose === 'agent') screen.push(`sent:${message.agentId}`);
      });
      tidings.on('conversation.note', ({ agent }) => {
        screen.push(`note:${agent}`);
      });
    }
    const [fromAnna, fromBen] = await Promise.all([
      tidings.inbox.reply(ana.id, { text: 'Price: 2 €' }, { agent: 'anna' }),
      tidings.inbox.reply(ana.id, { text: 'Delivery: tomorrow' }, { agent: 'ben' }),
    ]);
    await tidings.inbox.note(ana.id, 'both answered', { agent: 'ben' });
    await tidings.drain();

    expect(sandbox.messagesTo(ANA).map((m) => m.content.text)).toEqual([
      'Price: 2 €\n\n– Anna',
      'Delivery: tomorrow\n\n– Ben',
    ]);
    const expected = [
      'replied:anna:Price: 2 €',
      'replied:ben:Delivery: tomorrow',
      'note:ben',
      'sent:anna',
      'sent:ben',
    ];
    expect(screens.anna).toEqual(expected);
    expect(screens.ben).toEqual(expected);
    const history = await tidings.inbox.history(ana.id);
    expect(history.items.map((m) => [m.kind, m.agentId ?? null, m.status])).toEqual([
      ['note', 'ben', 'sent'],
      ['message', 'ben', 'sent'],
      ['message', 'anna', 'sent'],
      ['message', null, 'received'],
    ]);
    expect([fromAnna.id, fromBen.id]).toEqual([history.items[2]!.id, history.items[1]!.id]);
  });
});

describe('inbox: notes (F28)', () => {
  it('keeps internal notes in the conversation and never sends them', async () => {
    const { tidings, sandbox, write } = await inboxSetup();
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna' });
    const ana = await write('sandbox', ANA, 'hi');
    const note = await tidings.inbox.note(ana.id, 'VIP reader, answer fast', { agent: 'anna' });
    await tidings.drain();
    expect(note).toMatchObject({
      kind: 'note',
      agentId: 'anna',
      content: { text: 'VIP reader, answer fast' },
    });
    expect(sandbox.messagesTo(ANA)).toEqual([]);
    expect((await tidings.inbox.conversation(ana.id))!.lastMessage?.id).toBe(note.id);
    expect((await tidings.contacts.export(ana.id))!.messages.map((m) => m.kind)).toEqual(['message', 'note']);
    expect(await code(tidings.inbox.note(ana.id, '  ', { agent: 'anna' }))).toBe('INVALID_INPUT');
    expect(await code(tidings.inbox.note(ana.id, 'x', { agent: 'zed' }))).toBe('NOT_FOUND');
  });
});

describe('inbox: erase (F9)', () => {
  it('an erased contact leaves the inbox', async () => {
    const { tidings, write } = await inboxSetup();
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna' });
    const ana = await write('sandbox', ANA, 'hi');
    const ben = await write('sandbox', BEN, 'hi');
    await tidings.inbox.note(ana.id, 'secret about Ana', { agent: 'anna' });
    expect(await tidings.contacts.erase(ana.id)).toBe(true);
    expect((await tidings.inbox.conversations()).items.map((c) => c.contact.id)).toEqual([ben.id]);
    expect(await tidings.inbox.conversation(ana.id)).toBeNull();
    void CAT;
  });
});
