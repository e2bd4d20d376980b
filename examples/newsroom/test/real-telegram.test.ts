import { fakeTelegram } from '@tidings/transport-telegram/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type NewsroomFixture, startNewsroom } from './newsroom-fixture.js';

let app: NewsroomFixture | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await app?.app.close();
  await close?.();
});

describe('the demo with a real Telegram bot (TELEGRAM_BOT_TOKEN), played by the fake Telegram', () => {
  it('polls the bot, offers it on the sign-up page and confirms a deep-link sign-up', async () => {
    const telegram = await fakeTelegram({ bots: [{ username: 'newsroom_demo_bot' }] });
    close = () => telegram.close();
    app = await startNewsroom({ telegram: { token: telegram.bot().token, apiRoot: telegram.apiRoot } });
    expect(app.app.realTelegram?.senders[0]?.id).toBe('newsroom_demo_bot');
    const page = await (await app.get('/')).text();
    expect(page).toContain('transports="sandbox=whatsapp telegram=telegram sandbox-messenger=messenger"');

    const optin = await app.postJson('/tidings/optin', { transport: 'telegram', channels: ['sport'] });
    const body = (await optin.json()) as { token: string; link: string; sender: string };
    expect(body).toMatchObject({
      link: `https://t.me/newsroom_demo_bot?start=${body.token}`,
      sender: '@newsroom_demo_bot',
    });
    const ana = telegram.user({ firstName: 'Ana' });
    ana.pressStart('newsroom_demo_bot', body.token);
    await telegram.idle();
    await app.app.tidings.drain();
    expect((await app.getJson(`/tidings/optin/${body.token}`)).body).toMatchObject({ status: 'confirmed' });
    expect(ana.texts()).toHaveLength(1);
  });
});
