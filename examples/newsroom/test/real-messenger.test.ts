import { fakeMessenger } from '@tidings/transport-messenger/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { messengerFromEnv } from '../src/real-messenger.js';
import { type NewsroomFixture, startNewsroom } from './newsroom-fixture.js';

let app: NewsroomFixture | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await app?.app.close();
  await close?.();
  app = undefined;
  close = undefined;
});

describe('the demo with a real Messenger page (MESSENGER_*), played by the fake Messenger', () => {
  it('takes the webhook, offers the page on the sign-up page and confirms an m.me sign-up', async () => {
    const fb = await fakeMessenger({ pages: [{ name: 'newsroom.demo' }] });
    close = () => fb.close();
    const page = fb.page();
    app = await startNewsroom({
      messenger: {
        pageId: page.pageId,
        accessToken: page.accessToken,
        appSecret: fb.appSecret,
        verifyToken: 'demo-verify',
        pageName: page.name,
        baseUrl: fb.baseUrl,
      },
    });
    await fb.subscribe(`${app.app.url}/tidings/webhooks/messenger`, 'demo-verify');
    const signup = await (await app.get('/')).text();
    expect(signup).toContain('transports="sandbox=whatsapp sandbox-telegram=telegram messenger=messenger"');

    const optin = await app.postJson('/tidings/optin', { transport: 'messenger', channels: ['sport'] });
    const body = (await optin.json()) as { token: string; link: string };
    expect(body.link).toBe(`https://m.me/newsroom.demo?ref=${body.token}`);
    const ana = fb.user({ firstName: 'Ana' });
    ana.openLink('newsroom.demo', body.token);
    ana.pressGetStarted('newsroom.demo');
    await fb.idle();
    await app.app.tidings.drain();
    expect((await app.getJson(`/tidings/optin/${body.token}`)).body).toMatchObject({ status: 'confirmed' });
    expect(ana.texts()).toHaveLength(1);
  });

  it('reads all four variables or none', () => {
    expect(messengerFromEnv({})).toBeNull();
    expect(() => messengerFromEnv({ MESSENGER_PAGE_ID: '1' })).toThrow(
      /missing: MESSENGER_PAGE_TOKEN, MESSENGER_APP_SECRET, MESSENGER_VERIFY_TOKEN/,
    );
    expect(
      messengerFromEnv({
        MESSENGER_PAGE_ID: '1',
        MESSENGER_PAGE_TOKEN: 't',
        MESSENGER_APP_SECRET: 's',
        MESSENGER_VERIFY_TOKEN: 'v',
      }),
    ).toEqual({ pageId: '1', accessToken: 't', appSecret: 's', verifyToken: 'v' });
  });
});
