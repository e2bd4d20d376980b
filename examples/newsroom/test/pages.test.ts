import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NewsroomFixture, startNewsroom } from './newsroom-fixture.js';

let newsroom: NewsroomFixture;
beforeAll(async () => {
  newsroom = await startNewsroom();
});
afterAll(() => newsroom.app.close());

/** Without a browser, this is what proves the policy lets the page's own inline script and style run. */
function expectPolicyAllowsInlineCode(html: string, policy: string | null) {
  const hash = (source: string) => `'sha256-${createHash('sha256').update(source).digest('base64')}'`;
  const script = /<script type="module">([\s\S]*?)<\/script>/.exec(html)?.[1];
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
  expect(script).toBeTruthy();
  expect(style).toBeTruthy();
  expect(policy).toContain(`script-src ${hash(script!)}`);
  expect(policy).toContain(`style-src ${hash(style!)}`);
}

describe('GET /', () => {
  it('serves the sign-up form with its honeypot', async () => {
    const response = await newsroom.get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<form id="signup"');
    expect(html).toMatch(/<input id="phone" name="phone" type="tel"/);
    expect(html).toContain('<option value="DE" data-calling-code="49" selected>');
    expect(html).toMatch(/<input id="website" name="website" type="text" tabindex="-1" autocomplete="off">/);
    expect(html).toMatch(/<div class="honeypot" aria-hidden="true">/);
    expect(html).toContain('role="status" aria-live="polite"');
    expectPolicyAllowsInlineCode(html, response.headers.get('content-security-policy'));
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
      transports: { name: string }[];
    }>('/tidings/channels');
    expect(status).toBe(200);
    expect(body.channels.map((c) => [c.slug, c.name, c.isDefault])).toEqual([
      ['news', 'News', true],
      ['sport', 'Sport', false],
      ['culture', 'Culture', false],
    ]);
    expect(body.notice).toContain('Newsroom');
    expect(body.transports.map((t) => t.name)).toEqual(['sandbox']);
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
