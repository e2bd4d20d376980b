import { manualClock } from '@tidings/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeWhatsApp, fakeWhatsApp } from '../src/testing/index.js';
import { openapiPath } from './helpers.js';

let fake: FakeWhatsApp | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const DAY = 24 * 60 * 60 * 1000;

function client(f: FakeWhatsApp, token = f.accessToken) {
  return async (body: Record<string, unknown>, path = `${f.number().phoneNumberId}/messages`) => {
    const response = await fetch(`${f.baseUrl}/v24.0/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as unknown,
    };
  };
}
const text = (to: string, body = 'hi') => ({
  messaging_product: 'whatsapp',
  to,
  type: 'text',
  text: { body },
});
const template = (to: string) => ({
  messaging_product: 'whatsapp',
  to,
  type: 'template',
  template: { name: 'hello_world', language: { code: 'en_US' } },
});

describe('the fake WhatsApp Cloud API', () => {
  it('answers in Meta’s envelopes: accepted with a wamid, 190 for a wrong token, 100 for an unknown number or a bad body', async () => {
    fake = await fakeWhatsApp({ openapi: openapiPath });
    const ana = fake.subscriber();
    await ana.send('hi');
    const post = client(fake);
    expect(await post(text(ana.phone!))).toMatchObject({
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: ana.phone, wa_id: ana.phone }],
        messages: [{ id: expect.stringMatching(/^wamid\./), message_status: 'accepted' }],
      },
    });
    expect(await client(fake, 'nope')(text(ana.phone!))).toMatchObject({
      status: 401,
      body: { error: { code: 190, type: 'OAuthException' } },
    });
    expect(await post(text(ana.phone!), '999/messages')).toMatchObject({
      status: 400,
      body: { error: { code: 100 } },
    });
    const bad = await post({ ...text(ana.phone!), text: { body: 'x', colour: 'red' } });
    expect(bad).toMatchObject({
      status: 400,
      body: { error: { code: 100, error_data: { details: expect.stringMatching(/TextMessage\/text/) } } },
    });
    expect(fake.requests.map((r) => r.status)).toEqual([200, 401, 400, 400]);
  });

  it('enforces 80/s per number (130429) and 6 s per person (131056) on its clock; the status of throttles is configurable', async () => {
    const clock = manualClock(Date.parse('2026-06-01T08:00:00Z'));
    fake = await fakeWhatsApp({ clock, behaviour: { throttleStatus: 429 } });
    const people = Array.from({ length: 81 }, () => fake!.subscriber());
    for (const p of people) await p.send('hi');
    const post = client(fake);
    for (const p of people.slice(0, 80)) expect((await post(text(p.phone!))).status).toBe(200);
    expect(await post(text(people[80]!.phone!))).toMatchObject({
      status: 429,
      body: { error: { code: 130429 } },
    });
    await clock.advance(1000);
    expect(await post(text(people[0]!.phone!))).toMatchObject({ body: { error: { code: 131056 } } });
    expect((await post(text(people[80]!.phone!))).status).toBe(200);
    await clock.advance(5000);
    expect((await post(text(people[0]!.phone!))).status).toBe(200);
  });

  it('fails free-form messages outside the 24-hour window (131047) and templates past the daily tier, by status webhook', async () => {
    const clock = manualClock(Date.parse('2026-06-01T08:00:00Z'));
    fake = await fakeWhatsApp({ clock, limits: { dailyTier: 1 }, openapi: openapiPath });
    const [ana, bo] = [fake.subscriber(), fake.subscriber()];
    await ana.send('hi');
    await clock.advance(DAY);
    const post = client(fake);
    expect((await post(text(ana.phone!))).status).toBe(200); // accepted, then failed
    await clock.advance(6000); // the pair gap
    expect((await post(template(ana.phone!))).status).toBe(200);
    expect((await post(template(bo.phone!))).status).toBe(200); // over the tier of 1
    await clock.advance(1000);
    await fake.idle();
    expect(fake.sent.map((m) => m.status)).toEqual(['failed', 'delivered', 'failed']);
    type StatusPayload = {
      entry: { changes: { value: { statuses?: { status: string; errors?: { code: number }[] }[] } }[] }[];
    };
    const failures = fake.webhooks
      .map((w) => (w.body as StatusPayload).entry[0]!.changes[0]!.value.statuses?.[0])
      .filter((s) => s?.status === 'failed')
      .map((s) => s?.errors?.[0]?.code);
    expect(failures).toEqual([131047, 131049]);
    expect(ana.texts()).toEqual(['hello_world']);
    expect(bo.texts()).toEqual([]);
    expect(fake.webhooks.flatMap((w) => w.schemaErrors)).toEqual([]);
  });

  it('can refuse outside the window at once, and messages to someone who blocked the number stay at sent', async () => {
    const clock = manualClock(Date.parse('2026-06-01T08:00:00Z'));
    fake = await fakeWhatsApp({ clock, behaviour: { windowErrors: 'sync' } });
    const ana = fake.subscriber();
    const post = client(fake);
    expect(await post(text(ana.phone!))).toMatchObject({ body: { error: { code: 131047 } } });
    await ana.send('hi');
    ana.block();
    expect((await post(text(ana.phone!))).status).toBe(200);
    await clock.advance(5000);
    await fake.idle();
    expect(fake.sent.map((m) => m.status)).toEqual(['sent']);
    expect(ana.texts()).toEqual([]);
  });

  it('takes media uploads as multipart and answers the media id', async () => {
    fake = await fakeWhatsApp();
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', 'image/png');
    form.set('file', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'a.png');
    const url = `${fake.baseUrl}/v23.0/${fake.number().phoneNumberId}/media`;
    const ok = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${fake.accessToken}` },
      body: form,
    });
    expect(await ok.json()).toEqual({ id: expect.stringMatching(/^\d+$/) });
    form.delete('file');
    const missing = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${fake.accessToken}` },
      body: form,
    });
    expect(missing.status).toBe(400);
  });
});
