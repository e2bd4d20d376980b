import { describe, expect, it } from 'vitest';
import { BASE, type Setup, setup } from './setup.js';

const DAVE = '+4915177777777';

/** Everything the store holds for the workspace, as a count of rows: bad input must not change it. */
const storedRows = async (s: Setup) => (await s.backdoor.rowsMentioning('default')).length;

async function expectProblem(response: Response, status: number, field?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = (await response.json()) as {
    status: number;
    title: string;
    type: string;
    errors?: { field: string }[];
  };
  expect(body).toMatchObject({
    status,
    title: expect.any(String),
    type: expect.stringMatching(/^urn:tidings:problem:/),
  });
  if (field) expect(body.errors?.map((e) => e.field)).toContain(field);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|stack/i);
  return body;
}

describe('HTTP handler (F37)', () => {
  it('GET /channels lists active channels, the consent notice and the messengers', async () => {
    const s = await setup();
    await s.tidings.channels.update('culture', { active: false });
    const { status, body } = await s.getJson('/channels?lang=de');
    expect(status).toBe(200);
    expect(body.channels).toEqual([
      { slug: 'news', name: 'News', description: null, isDefault: true },
      { slug: 'sport', name: 'Sport', description: null, isDefault: false },
    ]);
    expect(body.notice).toContain('Newsroom');
    expect(body.notice).toContain('„Stop“');
    expect(body.transports).toEqual([{ name: 'sandbox', addressKind: 'phone' }]);
  });

  it('POST /optin → 202 with link and QR payload; GET /optin/:token goes pending → confirmed', async () => {
    const s = await setup();
    const response = await s.post('/optin', {
      transport: 'sandbox',
      phone: '+49 151 77777777',
      channels: ['sport'],
      locale: 'de',
    });
    expect(response.status).toBe(202);
    const body = (await response.json()) as Record<string, string>;
    expect(body).toMatchObject({
      status: 'pending',
      transport: 'sandbox',
      phone: DAVE,
      sender: '+49 30 12345678',
      channels: ['sport'],
      notice: expect.stringContaining('„Stop“'),
    });
    expect(body.text).toBe(`START ${body.token}`);
    expect(body.qr).toBe(body.link);
    expect(new Date(body.expiresAt!).getTime()).toBeGreaterThan(s.clock.now());
    // Pending: the chosen channels and the default one everybody joins.
    expect((await s.getJson(`/optin/${body.token}`)).body).toMatchObject({
      status: 'pending',
      channels: [
        { slug: 'news', name: 'News' },
        { slug: 'sport', name: 'Sport' },
      ],
    });
    expect(s.sandbox.sent).toHaveLength(0);
    await s.phone(DAVE).send(body.text!);
    await s.phone(DAVE).send('KULTUR');
    // Confirmed: the channels the contact is in now.
    expect((await s.getJson(`/optin/${body.token}`)).body).toMatchObject({
      status: 'confirmed',
      channels: [{ slug: 'news' }, { slug: 'sport' }, { slug: 'culture' }],
    });
  });

  it('GET /optin/:token says expired after the time-to-live; unknown tokens are 404', async () => {
    const s = await setup();
    const body = (await (await s.post('/optin', { phone: DAVE })).json()) as { token: string };
    await s.clock.advance(24 * 60 * 60 * 1000);
    expect((await s.getJson(`/optin/${body.token}`)).body.status).toBe('expired');
    await expectProblem(await s.tidings.handler(new Request(`${BASE}/optin/aaaaaaaaaaaaaaaaaaaa`)), 404);
    await expectProblem(await s.tidings.handler(new Request(`${BASE}/optin/%E0%A4%A`)), 404);
  });

  it('answers the same whether or not the number is known (no enumeration, F41)', async () => {
    const s = await setup();
    await s.phone(DAVE).send('START');
    const known = await s.post(
      '/optin',
      { phone: DAVE, channels: ['sport'] },
      { 'x-test-client': '198.51.100.1' },
    );
    const unknown = await s.post(
      '/optin',
      { phone: '+4915188888888', channels: ['sport'] },
      { 'x-test-client': '198.51.100.2' },
    );
    expect(known.status).toBe(unknown.status);
    const shape = (b: Record<string, unknown>) => Object.keys(b).sort();
    const [a, b] = [
      (await known.json()) as Record<string, unknown>,
      (await unknown.json()) as Record<string, unknown>,
    ];
    expect(shape(a)).toEqual(shape(b));
    const mask = { token: 0, link: 0, text: 0, qr: 0, phone: 0 };
    expect({ ...a, ...mask }).toEqual({ ...b, ...mask });
  });

  describe('bad input changes nothing and names the field', () => {
    it.each([
      ['an invalid phone', { phone: '12345' }, 422, 'phone'],
      ['a missing phone', { channels: ['news'] }, 422, 'phone'],
      ['an unknown channel', { phone: DAVE, channels: ['news', 'nope'] }, 422, 'channels.1'],
      ['a wrong field type', { phone: DAVE, channels: 'news' }, 422, 'channels'],
      ['an unknown transport', { phone: DAVE, transport: 'pigeon' }, 404, 'transport'],
    ])('%s → %i', async (_name, body, status, field) => {
      const s = await setup();
      const before = await storedRows(s);
      await expectProblem(await s.post('/optin', body), status, field);
      expect(await storedRows(s)).toBe(before);
    });

    it('malformed JSON → 400', async () => {
      const s = await setup();
      const before = await storedRows(s);
      await expectProblem(await s.post('/optin', '{"phone": '), 400);
      await expectProblem(await s.post('/optin', '[1,2]'), 400);
      await expectProblem(await s.post('/optin', '"\udcff"'), 400);
      expect(await storedRows(s)).toBe(before);
    });

    it('a body over the limit → 413, also without a content-length', async () => {
      const s = await setup();
      const before = await storedRows(s);
      await expectProblem(await s.post('/optin', { phone: DAVE, padding: 'x'.repeat(70 * 1024) }), 413);
      const stream = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
          controller.close();
        },
      });
      const chunked = new Request(`${BASE}/optin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      await expectProblem(await s.tidings.handler(chunked), 413);
      expect(await storedRows(s)).toBe(before);
    });

    it('a wrong content type → 415', async () => {
      const s = await setup();
      const before = await storedRows(s);
      await expectProblem(
        await s.post('/optin', `phone=${DAVE}`, { 'content-type': 'application/x-www-form-urlencoded' }),
        415,
      );
      expect(await storedRows(s)).toBe(before);
    });

    it('unknown routes and transports → 404, wrong methods → 405', async () => {
      const s = await setup();
      const before = await storedRows(s);
      await expectProblem(await s.tidings.handler(new Request(`${BASE}/nope`)), 404);
      await expectProblem(await s.tidings.handler(new Request('http://localhost/elsewhere/channels')), 404);
      await expectProblem(await s.post('/webhooks/pigeon', { from: DAVE, text: 'hi' }), 404);
      const wrong = await s.tidings.handler(new Request(`${BASE}/channels`, { method: 'DELETE' }));
      await expectProblem(wrong, 405);
      expect(wrong.headers.get('allow')).toBe('GET');
      expect(await storedRows(s)).toBe(before);
    });
  });

  describe('abuse resistance (F41)', () => {
    it('rate-limits per client address with Retry-After', async () => {
      const s = await setup({
        optin: { perClient: { limit: 3, windowMs: 60_000 }, perAddress: { limit: 100, windowMs: 60_000 } },
      });
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await s.post('/optin', { phone: `+4915100000${100 + i}` })).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
      const limited = await s.post('/optin', { phone: '+4915100000200' });
      await expectProblem(limited, 429);
      expect(limited.headers.get('retry-after')).toBe('20');
      expect(
        (await s.post('/optin', { phone: '+4915100000200' }, { 'x-test-client': '192.0.2.99' })).status,
      ).toBe(202);
      await s.clock.advance(20_000);
      expect((await s.post('/optin', { phone: '+4915100000201' })).status).toBe(202);
    });

    it('rate-limits per phone number across clients, the same for known and unknown numbers', async () => {
      const s = await setup();
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await s.post('/optin', { phone: DAVE }, { 'x-test-client': `192.0.2.${i}` })).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
      // The limit key is a hash: the number itself is not stored in the limiter.
      expect(await s.backdoor.rowsMentioning(DAVE.slice(1))).toEqual([
        'contacts',
        'contact_addresses',
        'consent_ledger',
        'consent_ledger',
        'consent_ledger',
        'optin_tokens',
        'optin_tokens',
        'optin_tokens',
      ]);
    });

    it('a filled honeypot gets the same answer and stores nothing', async () => {
      const s = await setup();
      const before = await storedRows(s);
      const response = await s.post('/optin', {
        phone: DAVE,
        channels: ['sport'],
        website: 'http://spam.example',
      });
      expect(response.status).toBe(202);
      const body = (await response.json()) as { token: string; status: string };
      expect(body.status).toBe('pending');
      expect(body.token).toMatch(/^[a-z0-9]{20}$/);
      expect(await storedRows(s)).toBe(before);
    });
  });

  it('CORS: configured origins get the headers and a preflight; others do not', async () => {
    const s = await setup({ http: { corsOrigins: ['https://shop.example'] } });
    const preflight = await s.tidings.handler(
      new Request(`${BASE}/optin`, {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = await s.tidings.handler(
      new Request(`${BASE}/channels`, { headers: { origin: 'https://shop.example' } }),
    );
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const other = await s.tidings.handler(
      new Request(`${BASE}/channels`, { headers: { origin: 'https://evil.example' } }),
    );
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const refused = await s.tidings.handler(
      new Request(`${BASE}/optin`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } }),
    );
    expect(refused.status).toBe(403);
  });

  it('webhooks: the sandbox webhook plays a subscriber over HTTP; a secret is enforced', async () => {
    const s = await setup({ sandbox: { secret: 's3cret' } });
    const hook = (headers: Record<string, string>) =>
      s.post('/webhooks/sandbox', { from: DAVE, text: 'START', id: 'x1' }, headers);
    await expectProblem(await hook({}), 401);
    await expectProblem(await hook({ 'x-sandbox-secret': 'wrong' }), 401);
    expect(await s.tidings.contacts.find({ transport: 'sandbox', address: DAVE })).toBeNull();
    expect((await hook({ 'x-sandbox-secret': 's3cret' })).status).toBe(200);
    expect((await hook({ 'x-sandbox-secret': 's3cret' })).status).toBe(200);
    expect(s.phone(DAVE).texts()).toEqual(['Welcome to the news!']);
    await expectProblem(
      await s.post('/webhooks/sandbox', { text: 'no from' }, { 'x-sandbox-secret': 's3cret' }),
      422,
    );
    // A phone-number messenger reports E.164; a national number is refused, not turned into a second contact.
    const national = { from: '0151 77777777', text: 'hi' };
    await expectProblem(
      await s.post('/webhooks/sandbox', national, { 'x-sandbox-secret': 's3cret' }),
      422,
      'from',
    );
  });

  it('a custom base path', async () => {
    const s = await setup({ basePath: '/api/messaging' });
    expect((await s.tidings.handler(new Request('http://localhost/api/messaging/channels'))).status).toBe(
      200,
    );
    expect((await s.tidings.handler(new Request(`${BASE}/channels`))).status).toBe(404);
  });
});
