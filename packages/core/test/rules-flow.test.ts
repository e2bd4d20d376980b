import { describe, expect, it } from 'vitest';
import { type ForwardEvent, verifyForwardSignature } from '../src/index.js';
import { rulesSetup, SECRET } from './rules-setup.js';

const ERIKA = '+436641234567';
const MAX = '+436649876543';

/** Each of the ten examples of issue 3, with the whole set loaded, through the sandbox (F30). */
describe('the ten example rules, end to end', () => {
  it('1. keyword TANZ adds to channel tanz and replies', async () => {
    const { tidings, phone, backdoor } = await rulesSetup();
    const erika = phone(ERIKA);
    await erika.send('START');
    erika.newTexts();
    await erika.send('Tanz!');
    expect(erika.newTexts()).toEqual(['Du bist dabei 💃']);
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: ERIKA });
    expect((await tidings.contacts.subscriptions(contact!.id)).sort()).toEqual(['news', 'tanz']);
    const ledger = (await backdoor.ledger('default')).filter((e) => e.contactId === contact!.id);
    expect(ledger.at(-1)).toMatchObject({ action: 'channel-added', method: 'rule', channels: ['tanz'] });
  });

  it('2. keyword 😡 forwards by e-mail and replies', async () => {
    const { tidings, phone, notifiers } = await rulesSetup();
    const erika = phone(ERIKA);
    await erika.send('Hallo');
    erika.newTexts();
    await erika.send('😡😡');
    await erika.send('😡!');
    await tidings.drain();
    expect(erika.newTexts()).toEqual(['Sorry! Wir melden uns.']);
    expect(notifiers.emails).toHaveLength(1);
    expect(notifiers.emails[0]).toMatchObject({
      to: 'support@example.com',
      subject: `Newsroom: Message from ${ERIKA}`,
    });
    expect(notifiers.emails[0]!.text).toMatch(/^😡!\n\n—\nFrom: <\+436641234567> on sandbox\n/);
  });

  it('3. "stopp" does nothing more: the built-in STOP still unsubscribes, later rules do not run', async () => {
    const { tidings, phone, http } = await rulesSetup();
    const erika = phone(ERIKA);
    await erika.send('START');
    await tidings.drain();
    const before = http.posts.length;
    await erika.send('Stopp');
    await tidings.drain();
    expect(http.posts.length).toBe(before);
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: ERIKA });
    expect(contact?.state).toBe('unsubscribed');
    expect(erika.texts().at(-1)).toContain('unsubscribed');
  });

  it('4. outside Vienna business hours, the away message', async () => {
    const { clock, phone } = await rulesSetup();
    const erika = phone(ERIKA);
    await erika.send('Hallo');
    erika.newTexts();
    await erika.send('Noch da?'); // Monday 10:00 in Vienna
    expect(erika.newTexts()).toEqual([]);
    await clock.setTime(Date.parse('2026-06-01T16:30:00Z')); // 18:30 in Vienna
    await erika.send('Noch da?');
    expect(erika.newTexts()).toEqual(['Wir antworten ab 9 Uhr.']);
  });

  it('5. the first message gets the greeting with the name', async () => {
    const { sandbox, phone } = await rulesSetup();
    await sandbox.simulateInbound({ from: ERIKA, text: 'Guten Tag', profileName: 'Erika' });
    expect(phone(ERIKA).texts()).toEqual(['Welcome to the news!', 'Hallo Erika, willkommen!']);
    await sandbox.simulateInbound({ from: ERIKA, text: 'Guten Tag' });
    expect(phone(ERIKA).texts()).toHaveLength(2);
  });

  it('6. in channel sport and "Ticket": assigned to anna and tagged', async () => {
    const { tidings, phone } = await rulesSetup();
    await phone(ERIKA).send('SPORT');
    await phone(ERIKA).send('Gibt es noch ein TICKET für Samstag?');
    await phone(MAX).send('START');
    await phone(MAX).send('Ein Ticket bitte');
    const erika = await tidings.contacts.find({ transport: 'sandbox', address: ERIKA });
    const max = await tidings.contacts.find({ transport: 'sandbox', address: MAX });
    expect(erika).toMatchObject({ assignee: 'anna', tags: ['tickets'] });
    expect(max?.assignee ?? null).toBeNull();
    expect(max?.tags).toEqual([]);
  });

  it('7. an image gets a thank-you', async () => {
    const { sandbox, phone } = await rulesSetup();
    await phone(ERIKA).send('Hallo');
    await sandbox.simulateInbound({
      from: ERIKA,
      media: { kind: 'image', url: 'https://example.com/a.jpg' },
    });
    await sandbox.simulateInbound({
      from: ERIKA,
      media: { kind: 'audio', url: 'https://example.com/a.ogg' },
    });
    expect(phone(ERIKA).texts().slice(-1)).toEqual(['Danke für das Bild!']);
    expect(
      phone(ERIKA)
        .texts()
        .filter((t) => t === 'Danke für das Bild!'),
    ).toHaveLength(1);
  });

  it('8. any message is forwarded to the CRM as a signed JSON event', async () => {
    const { tidings, phone, http, clock } = await rulesSetup();
    await phone(ERIKA).send('Hallo, wann kommt die nächste Ausgabe?');
    await tidings.drain();
    expect(http.posts).toHaveLength(1);
    const [post] = http.posts;
    expect(post!.url).toBe('https://crm.example.com/hook');
    expect(post!.headers['content-type']).toBe('application/json');
    expect(post!.headers['tidings-event']).toBe('message.received');
    const event = JSON.parse(post!.body) as ForwardEvent;
    expect(event).toMatchObject({
      type: 'message.received',
      contact: { address: ERIKA, transport: 'sandbox', state: 'confirmed' },
      message: { text: 'Hallo, wann kommt die nächste Ausgabe?', media: null },
      rule: { index: 7, line: 9 },
    });
    expect(
      await verifyForwardSignature({
        secret: SECRET,
        body: post!.body,
        header: post!.headers['tidings-signature'],
        nowMs: clock.now(),
      }),
    ).toBe(true);
  });

  it('9. subscribed to sport: the rule replies after the built-in handling', async () => {
    const { tidings, phone } = await rulesSetup();
    await tidings.channels.update('sport', { welcome: null });
    const erika = phone(ERIKA);
    await erika.send('SPORT');
    // The consent events' rules run first (they happened first), then the message's: here the greeting.
    expect(erika.newTexts()).toEqual([
      "You're subscribed. Send STOP at any time to unsubscribe.",
      'Anpfiff! ⚽',
      'Hallo, willkommen!',
    ]);
    await erika.send('SPORT');
    expect(erika.newTexts()).toEqual(["You're subscribed. Send STOP at any time to unsubscribe."]);
  });

  it('10. a call gets the auto-reply, even from a stranger, and is forwarded', async () => {
    const { tidings, sandbox, phone, http, backdoor } = await rulesSetup();
    await sandbox.simulateCall(MAX);
    await tidings.drain();
    // A call is the first contact too: the greeting, then the call's own answer. No name is known: the
    // empty {name} takes its space along.
    expect(phone(MAX).texts()).toEqual([
      'Hallo, willkommen!',
      'Anrufe können wir hier nicht annehmen — schreib uns einfach.',
    ]);
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: MAX });
    expect(contact?.state).toBe('visitor');
    const [call, greeting, reply] = await backdoor.messages('default', contact!.id);
    expect(greeting).toMatchObject({ inReplyTo: call!.id });
    expect(reply).toMatchObject({ direction: 'out', purpose: 'reply', inReplyTo: call!.id });
    expect(JSON.parse(http.posts[0]!.body)).toMatchObject({ type: 'call.received', message: { text: null } });
  });
});

describe('rules and consent', () => {
  it('a rule never adds a contact who is not confirmed, nor re-adds a channel they left', async () => {
    const { tidings, phone } = await rulesSetup(
      'when any then add to channel sport, reply "ok"\nwhen unsubscribed from culture then add to channel culture',
      { subscribeOnFirstMessage: false },
    );
    const erika = phone(ERIKA);
    await erika.send('Hallo');
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: ERIKA });
    expect(contact?.state).toBe('visitor');
    expect(await tidings.contacts.subscriptions(contact!.id)).toEqual([]);
    expect(erika.newTexts()).toEqual(['ok']); // a visitor's own message may be answered
    await erika.send('KULTUR');
    expect((await tidings.contacts.subscriptions(contact!.id)).sort()).toEqual(['culture', 'news', 'sport']);
    await erika.send('Stop sport');
    await erika.send('Stop culture');
    expect(await tidings.contacts.subscriptions(contact!.id)).toEqual(['news']);
    await erika.send('STOP');
    erika.newTexts();
    await erika.send('Hallo?');
    expect(erika.newTexts()).toEqual([]);
    expect(await tidings.contacts.subscriptions(contact!.id)).toEqual([]);
  });

  it('"Stop sport" is heard even from a contact who was not in sport: no rule adds them in answer', async () => {
    const { tidings, phone } = await rulesSetup('when contains "sport" then add to channel sport');
    const erika = phone(ERIKA);
    await erika.send('START');
    await erika.send('Stop sport'); // nothing to remove, so the ledger has no line about sport
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: ERIKA });
    expect(await tidings.contacts.subscriptions(contact!.id)).toEqual(['news']);
  });

  it('rules run on STOP after it took effect: a forward goes out, a reply does not', async () => {
    const { tidings, phone, notifiers } = await rulesSetup(
      'when unsubscribed then forward sms +436601234567, reply "Schade!"\nwhen any then reply "Danke"',
    );
    const erika = phone(ERIKA);
    await erika.send('START');
    erika.newTexts();
    await erika.send('STOP');
    await tidings.drain();
    expect(erika.newTexts()).toEqual([
      "You're unsubscribed and will get no more messages from us. Send START to join again.",
    ]);
    expect(notifiers.sms).toEqual([
      { to: '+436601234567', text: `${ERIKA} (sandbox): Unsubscribed (“STOP”)` },
    ]);
  });

  it('a confirmation by token runs the "confirmed" rules after the welcome', async () => {
    const { tidings, phone, sandbox } = await rulesSetup('when confirmed then reply "Willkommen!"');
    const { token } = await tidings.optins.start({
      transport: 'sandbox',
      address: ERIKA,
      channels: ['sport'],
    });
    await sandbox.simulateInbound({ from: ERIKA, text: `START ${token}` });
    expect(phone(ERIKA).texts()).toEqual(['Welcome to the news!', 'Willkommen!']);
  });
});

describe('tidings.rules', () => {
  it('set replaces atomically, rejects an invalid set with every error, get returns both forms', async () => {
    const { tidings } = await rulesSetup('when keyword A then reply "a"');
    const bad = await tidings.rules.safeSet(
      'when keyword B then reply "b"\nwhen in channel nope then stop\nwhen x',
    );
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.error.code).toBe('INVALID_RULES');
      expect(bad.error.issues.map((i) => [i.line, i.column])).toEqual([
        [2, 17],
        [3, 6],
      ]);
    }
    expect((await tidings.rules.get()).text).toBe('when keyword A then reply "a"');
    const view = await tidings.rules.set([
      { condition: { type: 'call' }, actions: [{ type: 'do-nothing' }] },
    ]);
    expect(view).toMatchObject({ version: 2, text: 'when call then do nothing\n' });
    expect(await tidings.rules.get()).toEqual(view);
    expect(await tidings.rules.check('when any then forward sms 0664')).toEqual([
      expect.objectContaining({ line: 1, column: 27, message: expect.stringContaining('international') }),
    ]);
  });

  it('explain says which rules a message would run and why, without running them', async () => {
    const { tidings, phone, sandbox } = await rulesSetup();
    await phone(ERIKA).send('SPORT');
    const sent = sandbox.sent.length;
    const explained = await tidings.rules.explain(
      { text: 'Ticket?', from: ERIKA },
      Date.parse('2026-06-01T17:00:00Z'),
    );
    expect(explained.runs).toEqual([3, 5, 7]);
    expect(explained.rules[5]).toMatchObject({
      line: 7,
      runs: true,
      why: 'the contact is in channel sport and the text contains "Ticket"',
      actions: ['assign to anna', 'tag tickets'],
    });
    expect(explained.rules[3]!.why).toBe(
      'it is Mon 2026-06-01 19:00 in Europe/Vienna: closed by mon-fri 09:00-18:00',
    );
    expect(explained.facts).toMatchObject({
      channels: ['news', 'sport'],
      firstMessage: false,
      windowOpen: true,
    });
    expect(sandbox.sent.length).toBe(sent);
    const stranger = await tidings.rules.explain({ text: 'hi', from: '+4911111111' });
    expect(stranger.runs).toEqual([4, 7]);
    const sub = await tidings.rules.explain({ trigger: { type: 'subscribed', channel: 'sport' } });
    expect(sub.runs).toEqual([8]);
  });
});
