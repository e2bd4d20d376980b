import { type ManualClock, manualClock } from '@tidings/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConsoleFixture, startConsole } from './console-fixture.js';

const HOUR = 60 * 60 * 1000;
let app: ConsoleFixture;
let clock: ManualClock;
beforeEach(async () => {
  clock = manualClock(Date.parse('2026-06-01T08:00:00Z'));
  app = await startConsole({ clock, messengerWindows: true });
});
afterEach(() => app.app.close());

interface Shown {
  conversation: { window: { status: string } };
}

describe('reply windows in the console (messengerWindows: the sandboxes play WhatsApp and Messenger)', () => {
  it('on WhatsApp: free text inside 24 hours, afterwards only the template the agent names', async () => {
    const from = '+4915112344444';
    await app.app.sandbox.simulateInbound({ from, text: 'Hello' });
    const contact = await app.app.tidings.contacts.find({ transport: 'sandbox', address: from });
    const path = `/inbox/${contact!.id}`;
    expect((await app.call<Shown>('GET', path)).body.conversation.window.status).toBe('open');

    await clock.advance(25 * HOUR);
    expect((await app.call<Shown>('GET', path)).body.conversation.window.status).toBe('template');
    const refused = await app.call<{ title: string }>('POST', `${path}/reply`, {
      text: 'Still there?',
      agent: 'anna',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.title).toBe('TEMPLATE_REQUIRED');

    const sent = await app.call('POST', `${path}/reply`, {
      text: 'Still there?',
      agent: 'anna',
      template: { name: 'follow_up', language: 'en', parameters: ['Mia'] },
    });
    expect(sent.status).toBe(200);
    await app.app.tidings.drain();
    expect(app.app.sandbox.messagesTo(from).at(-1)?.content.template).toEqual({
      name: 'follow_up',
      language: 'en',
      parameters: ['Mia'],
    });
  });

  it('on Messenger: staff replies for 7 days after the window (HUMAN_AGENT), then nothing', async () => {
    const from = 'psid-1234';
    await app.app.messenger.simulateInbound({ from, text: 'Hi there' });
    const contact = await app.app.tidings.contacts.find({ transport: 'sandbox-messenger', address: from });
    const path = `/inbox/${contact!.id}`;
    await clock.advance(25 * HOUR);
    expect((await app.call<Shown>('GET', path)).body.conversation.window.status).toBe('human-agent');
    expect(
      (await app.call('POST', `${path}/reply`, { text: 'Sorry for the wait', agent: 'ben' })).status,
    ).toBe(200);

    await clock.advance(7 * 24 * HOUR);
    expect((await app.call<Shown>('GET', path)).body.conversation.window.status).toBe('closed');
    const closed = await app.call<{ title: string }>('POST', `${path}/reply`, {
      text: 'Hello?',
      agent: 'ben',
    });
    expect(closed.status).toBe(422);
    expect(closed.body.title).toBe('WINDOW_CLOSED');
  });
});
