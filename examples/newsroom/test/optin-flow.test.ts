import { manualClock } from '@tidings/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NewsroomFixture, startNewsroom } from './newsroom-fixture.js';

interface Accepted {
  status: string;
  token: string;
  expiresAt: string;
  sender: string;
  link: string;
  text: string;
  channels: string[];
}
interface Problem {
  title: string;
  errors?: { field: string; message: string }[];
}

const ada = '+4915112345678';
const newsWelcome = /^Welcome to the Newsroom!/;

let newsroom: NewsroomFixture;
beforeAll(async () => {
  newsroom = await startNewsroom();
});
afterAll(() => newsroom.app.close());

const signUp = (body: Record<string, unknown>) =>
  newsroom.postJson('/tidings/optin', { transport: 'sandbox', locale: 'en', ...body });

describe('double opt-in over HTTP (F1)', () => {
  it('goes from sign-up through START <token> in the simulator to confirmed', async () => {
    const response = await signUp({ phone: ada, channels: ['sport'] });
    expect(response.status).toBe(202);
    const started = (await response.json()) as Accepted;
    expect(started).toMatchObject({
      status: 'pending',
      sender: '+49 30 12345678',
      text: `START ${started.token}`,
    });
    expect(started.link).toBe(`${newsroom.app.url}/phone?to=sandbox&text=START+${started.token}`);

    const pending = await newsroom.getJson(`/tidings/optin/${started.token}`);
    expect(pending.body.status).toBe('pending');
    // A pending contact gets nothing (invariant 1).
    expect((await newsroom.simMessages(ada)).body.messages).toEqual([]);

    const sent = await newsroom.postJson('/tidings/webhooks/sandbox', {
      from: ada,
      text: started.text,
      to: 'sandbox',
    });
    expect(sent.status).toBe(200);

    const confirmed = await newsroom.getJson<{ status: string; channels: { slug: string }[] }>(
      `/tidings/optin/${started.token}`,
    );
    expect(confirmed.body.status).toBe('confirmed');
    // Every channel the subscriber is in now, the default one included.
    expect(confirmed.body.channels.map((c) => c.slug)).toEqual(['news', 'sport']);

    // A widget sign-up sends only the default channel's welcome (F13).
    const { messages } = (await newsroom.simMessages(ada)).body;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ text: expect.stringMatching(newsWelcome), purpose: 'welcome' });
  });

  it('names the fields the page marks: the phone and each unknown channel', async () => {
    const badPhone = await signUp({ phone: '12', country: 'DE', channels: [] });
    expect(badPhone.status).toBe(422);
    expect(((await badPhone.json()) as Problem).errors).toEqual([
      { field: 'phone', message: expect.any(String) },
    ]);

    const badChannel = await signUp({ phone: '+4915112345670', channels: ['sport', 'weather'] });
    expect(badChannel.status).toBe(422);
    expect(((await badChannel.json()) as Problem).errors).toEqual([
      { field: 'channels.1', message: expect.any(String) },
    ]);
  });

  it('answers a filled honeypot like a sign-up but keeps nothing', async () => {
    const response = await signUp({ phone: '+4915112345671', channels: [], website: 'https://spam.example' });
    expect(response.status).toBe(202);
    const { token } = (await response.json()) as Accepted;
    expect((await newsroom.getJson(`/tidings/optin/${token}`)).status).toBe(404);
  });
});

describe('an unanswered sign-up', () => {
  it('expires after a day, without waiting for one', async () => {
    const clock = manualClock(Date.parse('2026-06-01T08:00:00Z'));
    const later = await startNewsroom({ clock });
    try {
      const response = await later.postJson('/tidings/optin', { phone: '+4915112345672', channels: [] });
      const { token } = (await response.json()) as Accepted;
      await clock.advance(24 * 60 * 60 * 1000 + 1);
      expect((await later.getJson(`/tidings/optin/${token}`)).body.status).toBe('expired');
    } finally {
      await later.app.close();
    }
  });
});
