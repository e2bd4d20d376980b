import { describe, expect, it, vi } from 'vitest';
import { setup } from './setup.js';

describe('contacts for staff (F8, F9)', () => {
  it('lists by state with paging', async () => {
    const { tidings, phone } = await setup();
    await tidings.optins.start({ transport: 'sandbox', address: '+4915100000001' });
    await phone('+4915100000002').send('START');
    await phone('+4915100000003').send('START');
    await phone('+4915100000003').send('STOP');
    const pending = await tidings.contacts.list({ state: 'pending' });
    expect(pending.items.map((c) => c.address)).toEqual(['+4915100000001']);
    const first = await tidings.contacts.list({ limit: 2 });
    const second = await tidings.contacts.list({ limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((c) => c.state)).toEqual([
      'pending',
      'confirmed',
      'unsubscribed',
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it('exports everything about one contact and erases it completely', async () => {
    const { tidings, phone, backdoor } = await setup();
    const address = '+4915155555555';
    const started = await tidings.optins.start({ transport: 'sandbox', address, channels: ['sport'] });
    await phone(address).send(`START ${started.token}`);
    await phone(address).send('Mein Name ist Erika Mustermann');
    const contact = await tidings.contacts.find({ transport: 'sandbox', address });
    const exported = await tidings.contacts.export(contact!.id);
    expect(exported).toMatchObject({
      contact: { address, state: 'confirmed' },
      channels: ['news', 'sport'],
      consent: expect.arrayContaining([expect.objectContaining({ action: 'confirmed' })]),
    });
    expect(exported?.messages.map((m) => m.direction)).toEqual(['in', 'out', 'in']);

    const erased = vi.fn();
    tidings.on('contact.erased', erased);
    expect(await tidings.contacts.erase(contact!.id)).toBe(true);
    for (const needle of [address, 'Erika Mustermann', contact!.id, started.token]) {
      expect(await backdoor.rowsMentioning(needle)).toEqual([]);
    }
    const tombstones = (await backdoor.ledger('default')).filter((e) => e.action === 'erased');
    expect(tombstones).toEqual([
      expect.objectContaining({ contactId: null, address: null, method: 'staff' }),
    ]);
    expect(erased).toHaveBeenCalledWith({ contactId: contact!.id });
    expect(await tidings.contacts.export(contact!.id)).toBeNull();
    expect(await tidings.contacts.erase(contact!.id)).toBe(false);
  });
});
