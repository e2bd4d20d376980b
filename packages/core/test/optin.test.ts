import { describe, expect, it } from 'vitest';
import { TidingsError } from '../src/index.js';
import { setup } from './setup.js';

const ADA = '+4915112345678';

describe('double opt-in (F1)', () => {
  it('makes a pending contact that receives nothing, then confirms by the token from the same number', async () => {
    const { tidings, sandbox, phone, backdoor } = await setup();
    const started = await tidings.optins.start({
      transport: 'sandbox',
      address: '0151 12345678',
      country: 'DE',
      channels: ['sport'],
      locale: 'de',
    });
    expect(started.status).toBe('pending');
    expect(started.link.text).toBe(`START ${started.token}`);
    expect(started.link.url).toContain(`text=START+${started.token}`);
    expect(started.link.qrPayload).toBe(started.link.url);
    expect(started.sender).toEqual({ id: 'sandbox', display: '+49 30 12345678' });

    const contact = await tidings.contacts.find({ transport: 'sandbox', address: ADA });
    expect(contact).toMatchObject({ state: 'pending', phone: ADA, locale: 'de' });
    expect(await tidings.contacts.subscriptions(contact!.id)).toEqual([]);
    expect(sandbox.sent).toHaveLength(0);
    expect((await tidings.optins.status(started.token))?.status).toBe('pending');

    const ada = phone(ADA);
    await ada.send(`START ${started.token}`);
    const confirmed = await tidings.contacts.get(contact!.id);
    expect(confirmed?.state).toBe('confirmed');
    expect((await tidings.contacts.subscriptions(contact!.id)).sort()).toEqual(['news', 'sport']);
    // Only the default channel's welcome (F13), not Sport's.
    expect(ada.texts()).toEqual(['Welcome to the news!']);
    expect((await tidings.optins.status(started.token))?.status).toBe('confirmed');

    const ledger = await backdoor.ledger('default');
    const mine = ledger.filter((e) => e.contactId === contact!.id);
    expect(mine.map((e) => e.action)).toEqual(['requested', 'confirmed', 'channel-added']);
    expect(mine[0]).toMatchObject({
      method: 'api',
      channels: ['sport'],
      noticeText: expect.stringContaining('Newsroom'),
    });
    expect(mine[1]).toMatchObject({
      channels: ['news', 'sport'],
      noticeText: mine[0]!.noticeText,
      messageId: expect.any(String),
    });
  });

  it('does not confirm a pending contact by its token sent from another number', async () => {
    const { tidings, phone } = await setup();
    const started = await tidings.optins.start({ transport: 'sandbox', address: ADA, channels: ['sport'] });
    const mallory = phone('+4915199999999');
    await mallory.send(`START ${started.token}`);
    expect((await tidings.contacts.find({ transport: 'sandbox', address: ADA }))?.state).toBe('pending');
    expect(phone(ADA).texts()).toEqual([]);
    expect((await tidings.optins.status(started.token))?.status).toBe('pending');
    // Mallory wrote START herself: that is her own consent (F2), to the default channel only.
    const m = await tidings.contacts.find({ transport: 'sandbox', address: mallory.address });
    expect(await tidings.contacts.subscriptions(m!.id)).toEqual(['news']);
    expect((await tidings.contacts.consent(m!.id)).map((e) => e.action)).toContain('token-rejected');
    // The real owner can still use it.
    await phone(ADA).send(`start ${started.token.toUpperCase()}`);
    expect((await tidings.contacts.find({ transport: 'sandbox', address: ADA }))?.state).toBe('confirmed');
  });

  it('uses a token once and lets it expire', async () => {
    const { tidings, clock, phone } = await setup({ optin: { tokenTtlMs: 60_000 } });
    const first = await tidings.optins.start({ transport: 'sandbox', address: ADA, channels: ['culture'] });
    await clock.advance(60_000);
    expect((await tidings.optins.status(first.token))?.status).toBe('expired');
    const ada = phone(ADA);
    await ada.send(`START ${first.token}`);
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: ADA });
    // The expired token does not add Culture; the START itself still subscribes to the default channel.
    expect(await tidings.contacts.subscriptions(contact!.id)).toEqual(['news']);
    expect(
      (await tidings.contacts.consent(contact!.id)).find((e) => e.action === 'token-rejected')?.detail,
    ).toBe('token expired');

    const second = await tidings.optins.start({ transport: 'sandbox', address: ADA, channels: ['culture'] });
    await ada.send(`START ${second.token}`);
    await ada.send(`START ${second.token}`);
    expect((await tidings.contacts.subscriptions(contact!.id)).sort()).toEqual(['culture', 'news']);
    expect(
      (await tidings.contacts.consent(contact!.id)).filter(
        (e) => e.detail === 'token already used' || e.detail === 'token confirmed',
      ),
    ).toHaveLength(1);
  });

  it('lets an existing subscriber add channels through a new sign-up (F13)', async () => {
    const { tidings, phone } = await setup();
    const ada = phone(ADA);
    await ada.send('SPORT');
    const again = await tidings.optins.start({ transport: 'sandbox', address: ADA, channels: ['culture'] });
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: ADA });
    expect(contact?.state).toBe('confirmed');
    ada.newTexts();
    await ada.send(`START ${again.token}`);
    expect((await tidings.contacts.subscriptions(contact!.id)).sort()).toEqual(['culture', 'news', 'sport']);
    expect(ada.newTexts()).toEqual(['Welcome to the news!']);
  });

  it('confirms by a deep-link payload where the messenger gives no number up front (F3, F4)', async () => {
    const { tidings, sandbox } = await setup({ sandbox: { name: 'chat', addressKind: 'opaque' } });
    const started = await tidings.optins.start({ transport: 'chat', channels: ['sport'] });
    expect(started.link.text).toBeNull();
    expect(started.link.url).toContain(`start=${started.token}`);
    await sandbox.simulateInbound({
      from: '100200300',
      text: `/start ${started.token}`,
      startPayload: started.token,
    });
    const contact = await tidings.contacts.find({ transport: 'chat', address: '100200300' });
    expect(contact?.state).toBe('confirmed');
    expect((await tidings.contacts.subscriptions(contact!.id)).sort()).toEqual(['news', 'sport']);
    expect((await tidings.contacts.consent(contact!.id)).find((e) => e.action === 'confirmed')).toMatchObject(
      { method: 'api' },
    );
    // A second account cannot reuse it.
    await sandbox.simulateInbound({
      from: '999',
      text: `/start ${started.token}`,
      startPayload: started.token,
    });
    const other = await tidings.contacts.find({ transport: 'chat', address: '999' });
    expect(await tidings.contacts.subscriptions(other!.id)).toEqual(['news']);
  });

  it('rejects bad input with errors that name the field', async () => {
    const { tidings, backdoor } = await setup();
    const phoneError = await tidings.optins.safeStart({ transport: 'sandbox', address: '12', channels: [] });
    expect(phoneError.success || phoneError.error.code).toBe('INVALID_PHONE');
    expect(phoneError.success || phoneError.error.issues).toEqual([
      { field: 'phone', message: 'not a valid phone number' },
    ]);
    const channelError = await tidings.optins.safeStart({
      transport: 'sandbox',
      address: ADA,
      channels: ['news', 'nope'],
    });
    expect(channelError.success || channelError.error.issues).toEqual([
      { field: 'channels.1', message: 'unknown channel "nope"' },
    ]);
    await expect(tidings.optins.start({ transport: 'telegram', address: ADA })).rejects.toMatchObject({
      code: 'UNKNOWN_TRANSPORT',
    });
    await expect(tidings.optins.start({ transport: 'sandbox' })).rejects.toSatisfy(
      (e: unknown) => TidingsError.isInstance(e) && e.code === 'INVALID_PHONE',
    );
    expect(await backdoor.rowsMentioning('+4915112345678')).toEqual([]);
    expect(await backdoor.ledger('default')).toEqual([]);
  });

  it('refuses inactive channels at sign-up (F14)', async () => {
    const { tidings } = await setup();
    await tidings.channels.update('culture', { active: false });
    await expect(
      tidings.optins.start({ transport: 'sandbox', address: ADA, channels: ['culture'] }),
    ).rejects.toMatchObject({
      code: 'UNKNOWN_CHANNEL',
    });
  });
});

describe('sender pool (F34, F18)', () => {
  const pooled = () =>
    setup({
      sandbox: {
        senders: [
          { id: 'n1', display: '+43 1 111', capacity: 2 },
          { id: 'n2', display: '+43 1 222', capacity: 1 },
        ],
      },
    });

  it('assigns sign-ups to the least-loaded sender with room and keeps contacts with their sender', async () => {
    const { tidings, phone, sandbox } = await pooled();
    const starts = [];
    for (const n of ['+4915100000001', '+4915100000002', '+4915100000003']) {
      starts.push(await tidings.optins.start({ transport: 'sandbox', address: n }));
    }
    expect(starts.map((s) => s.sender.id).sort()).toEqual(['n1', 'n1', 'n2']);
    expect(starts.every((s) => s.link.url.includes(`to=${s.sender.id}`))).toBe(true);
    await expect(
      tidings.optins.start({ transport: 'sandbox', address: '+4915100000004' }),
    ).rejects.toMatchObject({ code: 'SENDER_POOL_FULL' });
    // Known numbers still get a link to their own sender (sticky), even with the pool full.
    const again = await tidings.optins.start({ transport: 'sandbox', address: '+4915100000001' });
    expect(again.sender.id).toBe(starts[0]!.sender.id);
    // Confirmation replies come from the sender the person wrote to.
    const s = starts[2]!;
    await sandbox.simulateInbound({ from: '+4915100000003', text: `START ${s.token}`, to: s.sender.id });
    expect(phone('+4915100000003').received()[0]?.senderId).toBe(s.sender.id);
  });
});
