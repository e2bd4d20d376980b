import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, consoleToken, startConsole } from './console-fixture.js';

let app: ConsoleFixture;
beforeAll(async () => {
  app = await startConsole();
});
afterAll(() => app.app.close());

describe('the console token', () => {
  it('guards every API route: 401 without it, with a wrong one, and from a cookie it never set', async () => {
    for (const path of ['/broadcasts', '/contacts', '/rules', '/inbox', '/stats/broadcasts', '/events']) {
      expect((await app.get(`/console/api${path}`)).status).toBe(401);
    }
    const wrong = await app.get('/console/api/contacts', { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('Bearer');
    const cookie = await app.get('/console/api/contacts', { headers: { cookie: 'newsroom_console=nope' } });
    expect(cookie.status).toBe(401);
    expect((await app.call('GET', '/contacts')).status).toBe(200);
  });

  it('logs in with the token into an HttpOnly, SameSite=Strict cookie, and out again', async () => {
    const bad = await app.postJson('/console/api/session', { token: 'guess' });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('set-cookie')).toBeNull();

    const good = await app.postJson('/console/api/session', { token: consoleToken });
    expect(good.status).toBe(200);
    const setCookie = good.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;
    const session = async (headers: Record<string, string>) =>
      (await app.get('/console/api/session', { headers })).json();
    expect(await session({ cookie })).toEqual({ ok: true });
    expect(await session({})).toEqual({ ok: false });

    const out = await app.get('/console/api/session', { method: 'DELETE', headers: { cookie } });
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
  });

  it('serves the page without the token (it asks for it) under a strict Content-Security-Policy', async () => {
    const page = await app.get('/console/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const bundle = await app.get(script!);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await bundle.text()).toContain('Console token');
    const bare = await app.get('/console', { redirect: 'manual' });
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe('/console/');
    expect((await app.get('/console/assets/..%2f..%2fpackage.json')).status).toBe(404);
  });

  it('answers an unknown console route with 404 and a wrong method with 405', async () => {
    expect((await app.call('GET', '/nothing')).status).toBe(404);
    expect((await app.call('DELETE', '/rules')).status).toBe(405);
  });
});
