import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConsoleFixture, startConsole } from './console-fixture.js';

let app: ConsoleFixture;
beforeEach(async () => {
  app = await startConsole();
});
afterEach(() => app.app.close());

interface Issue {
  line: number | null;
  column: number | null;
  message: string;
}

describe('rules through the console API', () => {
  const broken = 'when keyword TANZ then reply "Du bist dabei"\nwhen keyword X then add to channel sprot';

  it('checks text and gives each problem its line and column', async () => {
    const checked = await app.call<{ issues: Issue[] }>('POST', '/rules/check', { text: broken });
    expect(checked.status).toBe(200);
    expect(checked.body.issues).toHaveLength(1);
    expect(checked.body.issues[0]).toMatchObject({ line: 2, column: 36 });
    expect(checked.body.issues[0]!.message).toContain('sprot');
  });

  it('saves only valid rules, and explains a message against them', async () => {
    const refused = await app.call<{ saved: boolean; issues: Issue[] }>('PUT', '/rules', { text: broken });
    expect(refused.body).toMatchObject({ saved: false, issues: [{ line: 2 }] });
    expect((await app.call<{ version: number }>('GET', '/rules')).body.version).toBe(0);

    const text = 'when keyword TANZ then reply "Du bist dabei"';
    const saved = await app.call<{ saved: boolean; rules: { version: number } }>('PUT', '/rules', { text });
    expect(saved.body).toMatchObject({ saved: true, rules: { version: 1 } });
    const explained = await app.call<{ runs: number[]; rules: { line: number; runs: boolean }[] }>(
      'POST',
      '/rules/explain',
      { text: 'tanz!' },
    );
    expect(explained.body.runs).toEqual([0]);
    const other = await app.call<{ runs: number[] }>('POST', '/rules/explain', { text: 'hello' });
    expect(other.body.runs).toEqual([]);
  });
});

describe('contacts and channels through the console API', () => {
  it('lists and searches contacts, shows the ledger, exports and erases', async () => {
    await app.subscribe('+4915112311111', '+4915112322222');
    const all = await app.call<{ items: { id: string; address: string }[] }>(
      'GET',
      '/contacts?state=confirmed',
    );
    expect(all.body.items.map((c) => c.address).sort()).toEqual(['+4915112311111', '+4915112322222']);
    await app.app.sandbox.simulateInbound({ from: '+4915112311111', text: 'SPORT' });
    const sport = await app.call<{ items: { address: string }[] }>('GET', '/contacts?channel=sport');
    expect(sport.body.items.map((c) => c.address)).toEqual(['+4915112311111']);
    const found = await app.call<{ items: { id: string }[] }>('GET', '/contacts?search=2322');
    expect(found.body.items).toHaveLength(1);
    const id = found.body.items[0]!.id;

    const detail = await app.call<{ channels: string[]; consent: { action: string; method: string }[] }>(
      'GET',
      `/contacts/${id}`,
    );
    expect(detail.body.channels).toEqual(['news']);
    expect(detail.body.consent.map((e) => e.action)).toContain('opted-in');

    const exported = await app.call<{ contact: { id: string }; consent: unknown[] }>(
      'GET',
      `/contacts/${id}/export`,
    );
    expect(exported.response.headers.get('content-disposition')).toBe(
      `attachment; filename="contact-${id}.json"`,
    );
    expect(exported.body.contact.id).toBe(id);

    expect((await app.call('DELETE', `/contacts/${id}`)).body).toEqual({ erased: true });
    expect((await app.call('GET', `/contacts/${id}`)).status).toBe(404);
    expect((await app.call('GET', `/contacts/${id}/export`)).status).toBe(404);
  });

  it('creates and updates channels, and names the bad field of an invalid one', async () => {
    const created = await app.call<{ slug: string }>('POST', '/channels', {
      slug: 'tanz',
      name: 'Tanz',
      keywords: ['TANZ'],
    });
    expect(created.body.slug).toBe('tanz');
    const updated = await app.call<{ active: boolean }>('PUT', '/channels/tanz', { active: false });
    expect(updated.body.active).toBe(false);
    const clash = await app.call<{ errors: { field: string; message: string }[] }>('POST', '/channels', {
      slug: 'tanz2',
      name: 'Tanz 2',
      keywords: ['SPORT'],
    });
    expect(clash.status).toBe(409);
    expect(clash.body.errors[0]).toMatchObject({ field: 'keywords.0' });
    const listed = await app.call<{ items: { slug: string }[] }>('GET', '/channels');
    expect(listed.body.items.map((c) => c.slug)).toEqual(['news', 'sport', 'culture', 'tanz']);
    const transports = await app.call<{ items: { name: string }[] }>('GET', '/transports');
    expect(transports.body.items.map((t) => t.name)).toEqual([
      'sandbox',
      'sandbox-telegram',
      'sandbox-messenger',
    ]);
  });

  it('adds sandbox subscribers for playing the demo', async () => {
    await app.subscribe('+491515550002');
    const added = await app.call<{ added: string[] }>('POST', '/sandbox/subscribers', { count: 3 });
    // A number that is a contact already is skipped.
    expect(added.body.added).toEqual(['+491515550001', '+491515550003', '+491515550004']);
    const confirmed = await app.call<{ items: unknown[] }>('GET', '/contacts?state=confirmed');
    expect(confirmed.body.items).toHaveLength(4);
  });
});
