import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NewsroomFixture, startNewsroom } from './newsroom-fixture.js';

let newsroom: NewsroomFixture;
beforeAll(async () => {
  newsroom = await startNewsroom();
});
afterAll(() => newsroom.app.close());

const hash = (source: string) => `'sha256-${createHash('sha256').update(source).digest('base64')}'`;

/** Without a browser, this is what proves the policy lets the page's own inline script and style run. */
function expectPolicyAllowsInlineCode(html: string, policy: string | null) {
  const script = /<script type="module">([\s\S]*?)<\/script>/.exec(html)?.[1];
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
  expect(script).toBeTruthy();
  expect(style).toBeTruthy();
  expect(policy).toContain(`script-src ${hash(script!)}`);
  expect(policy).toContain(`style-src ${hash(style!)}`);
}

describe('GET /', () => {
  it('serves the sign-up page: the widget, offering each sandbox as the messenger it plays', async () => {
    const response = await newsroom.get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<script type="module" src="/widget/tidings-optin.js"></script>');
    expect(html).toMatch(
      /<tidings-optin endpoint="\/tidings" lang="en" country="DE" privacy-url="\/privacy"/,
    );
    expect(html).toContain(
      'transports="sandbox=whatsapp sandbox-telegram=telegram sandbox-messenger=messenger"',
    );
    const strings = /<script type="application\/json" data-strings>(.*?)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(strings!)).toMatchObject({ en: { whatsapp: 'WhatsApp (sandbox)' } });
    // No inline script: the widget loads from this server, so the policy allows 'self' and nothing else.
    const policy = response.headers.get('content-security-policy');
    expect(policy).toContain("script-src 'self';");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
    expect(policy).toContain(`style-src ${hash(style!)}`);
  });

  it('speaks German with ?lang=de', async () => {
    const html = await (await newsroom.get('/?lang=de')).text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('lang="de" country="DE"');
    expect(html).toContain('<a href="/?lang=en" lang="en" hreflang="en">English</a>');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await newsroom.get('/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await newsroom.get('/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('GET /widget/…', () => {
  it('serves the widget bundle and the chunks it loads later', async () => {
    for (const name of ['tidings-optin.js', 'phone.js', 'qr.js']) {
      const response = await newsroom.get(`/widget/${name}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect((await response.text()).length).toBeGreaterThan(1000);
    }
  });

  it('answers 404 for anything else there', async () => {
    for (const path of ['/widget/nothing.js', '/widget/', '/widget/%2e%2e%2fpackage.json']) {
      const response = await newsroom.get(path);
      expect(response.status).toBe(404);
      await response.body?.cancel();
    }
  });
});

describe('GET /privacy', () => {
  it('says what the demo keeps', async () => {
    const response = await newsroom.get('/privacy');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('forgets everything when the server stops');
  });
});

describe('GET /phone', () => {
  it('serves the simulator, prefilled from the opt-in link', async () => {
    const response = await newsroom.get('/phone?to=sandbox&text=START+abc&from=%2B4915112345678');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<input id="from" name="from" type="tel"');
    expect(html).toContain('value="+4915112345678"');
    expect(html).toContain('value="START abc"');
    expect(html).toContain('+49 30 12345678');
    expectPolicyAllowsInlineCode(html, response.headers.get('content-security-policy'));
  });

  it('plays a messenger without numbers for a start link: a chat id, and /start <token>', async () => {
    const html = await (
      await newsroom.get('/phone?transport=sandbox-telegram&to=newsroom_bot&start=abc')
    ).text();
    expect(html).toContain('<label for="from">Your chat id</label>');
    expect(html).toContain('value="/start abc"');
    expect(html).toContain('<input id="transport" type="hidden" value="sandbox-telegram">');
    expect(html).toContain('@newsroom_bot');
  });

  it('escapes what the query puts into the page', async () => {
    const evil = '"><script>alert(1)</script>';
    const html = await (
      await newsroom.get(`/phone?text=${encodeURIComponent(evil)}&from=${encodeURIComponent(evil)}`)
    ).text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });
});

describe('GET /tidings/channels', () => {
  it('lists the three seeded channels, news as the default', async () => {
    const { status, body } = await newsroom.getJson<{
      channels: { slug: string; name: string; isDefault: boolean }[];
      notice: string;
      transports: { name: string; addressKind: string }[];
    }>('/tidings/channels');
    expect(status).toBe(200);
    expect(body.channels.map((c) => [c.slug, c.name, c.isDefault])).toEqual([
      ['news', 'News', true],
      ['sport', 'Sport', false],
      ['culture', 'Culture', false],
    ]);
    expect(body.notice).toContain('Newsroom');
    expect(body.transports).toEqual([
      { name: 'sandbox', addressKind: 'phone' },
      { name: 'sandbox-telegram', addressKind: 'opaque' },
      { name: 'sandbox-messenger', addressKind: 'opaque' },
    ]);
  });
});

describe('anything else', () => {
  it.each(['/favicon.ico', '/tidings', '/phone/', '/sim', '/src/main.ts'])(
    'answers 404 for %s',
    async (path) => {
      const response = await newsroom.get(path);
      expect(response.status).toBe(404);
      await response.body?.cancel();
    },
  );

  it('answers 404 under /tidings/ for routes Tidings does not have', async () => {
    const response = await newsroom.get('/tidings/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
