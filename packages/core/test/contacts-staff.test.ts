import { describe, expect, it } from 'vitest';
import { TidingsError } from '../src/index.js';
import { inboxSetup } from './inbox-setup.js';

describe('contacts for staff (F9)', () => {
  it('lists and searches by name, address, attribute and channel, paged', async () => {
    const { tidings, store, write, clock } = await inboxSetup();
    const ada = await write('sandbox', '+4915111111111', 'hi', 'Ada Lovelace');
    const bob = await write('wa', '+4915122222222', 'SPORT', 'Bob Marley');
    const ida = await write('fb', 'psid-777', 'hi', 'Ida Adams');
    await store.contacts.update('default', ida.id, { attributes: { city: 'Wien' } }, clock.now());
    const ids = async (q: Parameters<typeof tidings.contacts.list>[0]) =>
      (await tidings.contacts.list(q)).items.map((c) => c.id);

    expect(await ids({ search: 'ada' })).toEqual([ada.id, ida.id]);
    expect(await ids({ search: '22222' })).toEqual([bob.id]);
    expect(await ids({ search: 'PSID' })).toEqual([ida.id]);
    expect(await ids({ attribute: { name: 'city', value: 'Wien' } })).toEqual([ida.id]);
    expect(await ids({ attribute: { name: 'city', value: 'Graz' } })).toEqual([]);
    expect(await ids({ channel: 'sport' })).toEqual([bob.id]);
    expect(await ids({ search: 'a', transport: 'fb' })).toEqual([ida.id]);
    const first = await tidings.contacts.list({ limit: 2 });
    expect(first.items.map((c) => c.id)).toEqual([ada.id, bob.id]);
    const second = await tidings.contacts.list({ limit: 2, cursor: first.nextCursor });
    expect(second).toEqual({ items: [expect.objectContaining({ id: ida.id })], nextCursor: null });
    const error = await tidings.contacts.list({ channel: 'nope' }).catch((e) => e);
    expect(error).toBeInstanceOf(TidingsError);
    expect(error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('shows the ledger, exports everything including notes, and erases the contact from the inbox too', async () => {
    const { tidings, write } = await inboxSetup();
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna' });
    const bob = await write('sandbox', '+4915122222222', 'SPORT', 'Bob');
    await tidings.inbox.note(bob.id, 'likes football', { agent: 'anna' });
    await tidings.inbox.assign(bob.id, 'anna');
    expect((await tidings.contacts.consent(bob.id)).map((e) => e.action)).toEqual([
      'opted-in',
      'channel-added',
    ]);
    const exported = await tidings.contacts.export(bob.id);
    expect(exported?.contact).toMatchObject({ name: 'Bob', assignee: 'anna' });
    expect(exported?.messages.map((m) => [m.kind, m.content.text])).toEqual([
      ['message', 'SPORT'],
      ['message', 'Anpfiff!'],
      ['note', 'likes football'],
    ]);
    expect(await tidings.contacts.erase(bob.id)).toBe(true);
    expect((await tidings.inbox.conversations({ assignedTo: 'anna' })).items).toEqual([]);
    expect(await tidings.contacts.export(bob.id)).toBeNull();
  });
});
