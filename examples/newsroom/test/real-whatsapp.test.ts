import { fakeWhatsApp } from '@tidings/transport-whatsapp/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type NewsroomFixture, startNewsroom } from './newsroom-fixture.js';

let app: NewsroomFixture | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await app?.app.close();
  await close?.();
});

describe('the demo with a real WhatsApp number (WHATSAPP_*), played by the fake Cloud API', () => {
  it('offers it on the sign-up page and confirms a wa.me sign-up from the same number', async () => {
    const meta = await fakeWhatsApp({ limits: false });
    close = () => meta.close();
    const number = meta.number();
    app = await startNewsroom({
      whatsapp: {
        senders: [{ phoneNumberId: number.phoneNumberId, displayNumber: number.displayNumber }],
        accessToken: meta.accessToken,
        appSecret: meta.appSecret,
        verifyToken: 'newsroom-verify',
        apiVersion: 'v23.0',
        baseUrl: meta.baseUrl,
      },
    });
    const page = await (await app.get('/')).text();
    expect(page).toContain(
      'transports="whatsapp=whatsapp sandbox-telegram=telegram sandbox-messenger=messenger"',
    );
    await meta.setWebhook(`${app.app.url}/tidings/webhooks/whatsapp`, 'newsroom-verify');

    const optin = await app.postJson('/tidings/optin', {
      transport: 'whatsapp',
      phone: '+4915112345678',
      channels: ['sport'],
    });
    const body = (await optin.json()) as { token: string; link: string; text: string };
    expect(body.link).toBe(`https://wa.me/${number.displayNumber}?text=START%20${body.token}`);
    const ana = meta.subscriber({ phone: '+4915112345678', name: 'Ana' });
    await ana.send(`START ${body.token}`);
    await app.app.tidings.drain();
    expect((await app.getJson(`/tidings/optin/${body.token}`)).body).toMatchObject({ status: 'confirmed' });
    expect(ana.texts()).toHaveLength(1);
  });
});
