import { describe, expect, it } from 'vitest';
import { setup } from './setup.js';

const BOB = '+4917612345678';

describe('opt-in by the subscriber’s own message (F2, F12)', () => {
  it.each(['START', 'start', 'Start!', '  sTaRt. ', '👋 Start 🎉', 'START!!!', 'Anmelden'])(
    '"%s" subscribes to the default channel',
    async (text) => {
      const { tidings, phone } = await setup();
      const bob = phone(BOB);
      await bob.send(text);
      const contact = await tidings.contacts.find({ transport: 'sandbox', address: BOB });
      expect(contact?.state).toBe('confirmed');
      expect(await tidings.contacts.subscriptions(contact!.id)).toEqual(['news']);
      expect(bob.texts()).toEqual(['Welcome to the news!']);
      expect((await tidings.contacts.consent(contact!.id))[0]).toMatchObject({
        action: 'opted-in',
        method: 'keyword',
      });
    },
  );

  it('a channel keyword subscribes to it and the default channel, with that channel’s welcome', async () => {
    const { tidings, phone } = await setup();
    const bob = phone(BOB);
    await bob.send('sport!');
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: BOB });
    expect((await tidings.contacts.subscriptions(contact!.id)).sort()).toEqual(['news', 'sport']);
    expect(bob.texts()).toEqual(['Anpfiff! ⚽']);
  });

  it('several keywords in one message send one welcome each; multi-word keywords match', async () => {
    const { tidings, phone } = await setup();
    const bob = phone(BOB);
    await bob.send('FC Bayern, Kultur');
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: BOB });
    expect((await tidings.contacts.subscriptions(contact!.id)).sort()).toEqual(['culture', 'news', 'sport']);
    expect(bob.texts()).toEqual(['Anpfiff! ⚽', 'Bühne frei 🎭']);
  });

  it('a first message that is no keyword gets the default channel’s welcome; later ones get nothing', async () => {
    const { tidings, phone } = await setup();
    const bob = phone(BOB);
    await bob.send('Hallo, was gibt es Neues?');
    expect(bob.newTexts()).toEqual(['Welcome to the news!']);
    await bob.send('Noch da?');
    expect(bob.newTexts()).toEqual([]);
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: BOB });
    expect(await tidings.contacts.subscriptions(contact!.id)).toEqual(['news']);
  });

  it('with subscribeOnFirstMessage off, a stranger stays a visitor', async () => {
    const { tidings, phone } = await setup({ subscribeOnFirstMessage: false });
    await phone(BOB).send('Hallo');
    expect((await tidings.contacts.find({ transport: 'sandbox', address: BOB }))?.state).toBe('visitor');
    expect(phone(BOB).texts()).toEqual([]);
  });

  it('"Start <channel>" joins that channel; a keyword inside a sentence does not', async () => {
    const { tidings, phone } = await setup();
    const bob = phone(BOB);
    await bob.send('START');
    bob.newTexts();
    await bob.send('I like sport a lot');
    expect(bob.newTexts()).toEqual([]);
    await bob.send('Start Culture');
    expect(bob.newTexts()).toEqual(['Bühne frei 🎭']);
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: BOB });
    expect((await tidings.contacts.subscriptions(contact!.id)).sort()).toEqual(['culture', 'news']);
  });

  it('an inactive channel ignores its keywords (F14)', async () => {
    const { tidings, phone } = await setup();
    await tidings.channels.update('sport', { active: false });
    const bob = phone(BOB);
    await bob.send('START');
    bob.newTexts();
    await bob.send('SPORT');
    await bob.send('Start sport');
    expect(bob.newTexts()).toEqual([]);
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: BOB });
    expect(await tidings.contacts.subscriptions(contact!.id)).toEqual(['news']);
  });

  it('a pending contact gets nothing for an ordinary message', async () => {
    const { tidings, phone } = await setup();
    await tidings.optins.start({ transport: 'sandbox', address: BOB, channels: ['sport'] });
    await phone(BOB).send('Hallo?');
    expect(phone(BOB).texts()).toEqual([]);
    expect((await tidings.contacts.find({ transport: 'sandbox', address: BOB }))?.state).toBe('pending');
  });
});

describe('unsubscribe (F5)', () => {
  it.each(['STOP', 'stop', 'Stopp!', ' STOP. ', '🛑 stop 🛑', 'Abmelden', 'unsubscribe', 'Stop all'])(
    '"%s" leaves every channel with a confirmation',
    async (text) => {
      const { tidings, phone } = await setup();
      const bob = phone(BOB);
      await bob.send('SPORT');
      bob.newTexts();
      await bob.send(text);
      const contact = await tidings.contacts.find({ transport: 'sandbox', address: BOB });
      expect(contact?.state).toBe('unsubscribed');
      expect(await tidings.contacts.subscriptions(contact!.id)).toEqual([]);
      expect(bob.newTexts()).toEqual([expect.stringContaining('unsubscribed')]);
      const ledger = await tidings.contacts.consent(contact!.id);
      expect(ledger.at(-1)).toMatchObject({ action: 'opted-out', method: 'keyword' });
    },
  );

  it.each(['we must stop this', 'stop sending me cat pictures please', 'Don’t stop'])(
    '"%s" is no opt-out',
    async (text) => {
      const { tidings, phone } = await setup();
      const bob = phone(BOB);
      await bob.send('START');
      await bob.send(text);
      expect((await tidings.contacts.find({ transport: 'sandbox', address: BOB }))?.state).toBe('confirmed');
    },
  );

  it('"Stop <channel>" leaves only that channel; the last one left unsubscribes', async () => {
    const { tidings, phone } = await setup();
    const bob = phone(BOB);
    await bob.send('SPORT KULTUR');
    bob.newTexts();
    await bob.send('Stop sport');
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: BOB });
    expect((await tidings.contacts.subscriptions(contact!.id)).sort()).toEqual(['culture', 'news']);
    expect(bob.newTexts()).toEqual(["You've left Sport. Send STOP to leave everything."]);
    await bob.send('stopp news, culture');
    expect((await tidings.contacts.get(contact!.id))?.state).toBe('unsubscribed');
    // An inactive channel can still be left: an unsubscribe always takes effect.
    await bob.send('Start sport');
    await tidings.channels.update('sport', { active: false });
    await bob.send('STOP SPORT');
    expect(await tidings.contacts.subscriptions(contact!.id)).toEqual(['news']);
  });

  it('after STOP nothing more arrives until START; START again resubscribes', async () => {
    const { tidings, phone } = await setup();
    const bob = phone(BOB);
    await bob.send('START');
    await bob.send('STOP');
    bob.newTexts();
    await bob.send('Hallo?');
    await bob.send('SPORT?');
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: BOB });
    // A keyword is the contact's own new consent.
    expect(bob.newTexts()).toEqual(['Anpfiff! ⚽']);
    expect((await tidings.contacts.subscriptions(contact!.id)).sort()).toEqual(['news', 'sport']);
  });

  it('STOP revokes a pending sign-up', async () => {
    const { tidings, phone } = await setup();
    const started = await tidings.optins.start({ transport: 'sandbox', address: BOB, channels: ['sport'] });
    await phone(BOB).send('STOP');
    expect((await tidings.optins.status(started.token))?.status).toBe('revoked');
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: BOB });
    expect(contact?.state).toBe('unsubscribed');
    expect(phone(BOB).texts()).toHaveLength(1);
  });

  it('configurable synonyms per language, replies in the contact’s language', async () => {
    const { tidings, phone } = await setup({
      stopWords: { de: ['stopp', 'tschüss'], en: ['stop'] },
      replies: { de: { unsubscribed: 'Tschüss {name}!' } },
    });
    await tidings.optins.start({ transport: 'sandbox', address: BOB, locale: 'de' });
    const bob = phone(BOB);
    await bob.send('Tschüss!');
    expect(bob.texts()).toEqual(['Tschüss !']);
    const eve = phone('+4917600000000');
    await eve.send('START');
    await eve.send('Abmelden');
    expect((await tidings.contacts.find({ transport: 'sandbox', address: eve.address }))?.state).toBe(
      'confirmed',
    );
  });
});
