import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEvents } from '../read-events.js';
import { type ConsoleFixture, startConsole } from './console-fixture.js';

let app: ConsoleFixture;
beforeEach(async () => {
  app = await startConsole();
});
afterEach(() => app.app.close());

const readers = ['+4915112300001', '+4915112300002', '+4915112300003'];
const draft = (text: string, extra: Record<string, unknown> = {}) => ({
  name: 'Morning briefing',
  content: { text },
  audience: { channels: ['news'] },
  ...extra,
});

describe('broadcasts through the console API', () => {
  it('checks a draft (preflight), sends it now, and reports it completed with its funnel', async () => {
    await app.subscribe(...readers);
    const preflight = await app.call<{
      recipients: number;
      byTransport: Record<string, { recipients: number }>;
    }>('POST', '/broadcasts/preflight', draft('Hello {name|reader}!'));
    expect(preflight.status).toBe(200);
    expect(preflight.body.recipients).toBe(3);
    expect(preflight.body.byTransport.sandbox?.recipients).toBe(3);

    const created = await app.call<{ broadcast: { id: string } }>(
      'POST',
      '/broadcasts',
      draft('Hello {name|reader}!', { scheduledAt: 'now' }),
    );
    expect(created.status).toBe(200);
    await app.app.tidings.drain();
    const id = created.body.broadcast.id;
    const shown = await app.call<{ broadcast: { status: string }; stats: { sent: number; total: number } }>(
      'GET',
      `/broadcasts/${id}`,
    );
    expect(shown.body.broadcast.status).toBe('completed');
    expect(shown.body.stats).toMatchObject({ total: 3, sent: 3 });
    expect(app.app.sandbox.messagesTo(readers[0]!).at(-1)?.content.text).toBe('Hello reader!');
    const list = await app.call<{ items: { broadcast: { id: string } }[] }>('GET', '/broadcasts');
    expect(list.body.items.map((i) => i.broadcast.id)).toEqual([id]);
  });

  it("tracks links through the demo's own Tidings handler, and counts the click in the funnel", async () => {
    await app.subscribe(readers[0]!);
    const created = await app.call<{ broadcast: { id: string } }>(
      'POST',
      '/broadcasts',
      draft('Read more: https://example.com/story', { scheduledAt: 'now', tracking: 'anonymous' }),
    );
    await app.app.tidings.drain();
    const text = app.app.sandbox.messagesTo(readers[0]!).at(-1)?.content.text ?? '';
    const link = /https?:\/\/\S+/.exec(text)?.[0] ?? '';
    expect(link.startsWith(`${app.app.url}/tidings/`)).toBe(true);
    const click = await fetch(link, { redirect: 'manual' });
    expect(click.headers.get('location')).toBe('https://example.com/story');
    const shown = await app.call<{ stats: { clicked: number } }>(
      'GET',
      `/broadcasts/${created.body.broadcast.id}`,
    );
    expect(shown.body.stats.clicked).toBe(1);
  });

  it('pauses, resumes and cancels a scheduled broadcast, and refuses a move its state does not allow', async () => {
    const later = Date.now() + 3_600_000;
    const created = await app.call<{ broadcast: { id: string; status: string } }>(
      'POST',
      '/broadcasts',
      draft('Later', { scheduledAt: later }),
    );
    const id = created.body.broadcast.id;
    expect(created.body.broadcast.status).toBe('scheduled');
    const status = async (verb: string) =>
      (await app.call<{ broadcast: { status: string } }>('POST', `/broadcasts/${id}/${verb}`)).body.broadcast
        .status;
    expect(await status('pause')).toBe('paused');
    expect(await status('resume')).toBe('scheduled');
    expect(await status('cancel')).toBe('cancelled');
    const again = await app.call<{ detail: string }>('POST', `/broadcasts/${id}/pause`);
    expect(again.status).toBe(422);
    expect(again.body.detail).toBe('Cannot pause a broadcast that is cancelled.');
  });

  it('answers invalid input with 422 and the issues, and an unknown broadcast with 404', async () => {
    const bad = await app.call<{ errors: { field: string }[] }>('POST', '/broadcasts', {
      content: { text: 'x' },
      audience: { channels: ['nope'] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e) => e.field)).toEqual(['audience.channels.0']);
    expect((await app.call('GET', '/broadcasts/missing')).status).toBe(404);
    const notJson = await app.get('/console/api/broadcasts', {
      method: 'POST',
      headers: { authorization: 'Bearer test-console-token', 'content-type': 'text/plain' },
      body: 'hi',
    });
    expect(notJson.status).toBe(415);
  });

  it('streams the progress and the completion as server-sent events', async () => {
    await app.subscribe(readers[0]!);
    const abort = new AbortController();
    const response = await app.get('/console/api/events', {
      headers: { authorization: 'Bearer test-console-token' },
      signal: abort.signal,
    });
    const events = readEvents(response.body!);
    expect((await events.next()).value).toMatchObject({ comment: 'listening' });
    const created = await app.call<{ broadcast: { id: string } }>(
      'POST',
      '/broadcasts',
      draft('Now', { scheduledAt: 'now' }),
    );
    const seen: { type: string; broadcastId?: string; counts?: Record<string, unknown> }[] = [];
    while (!seen.some((e) => e.type === 'broadcast.completed')) {
      const { value } = await events.next();
      if (value?.data) seen.push(JSON.parse(value.data));
    }
    abort.abort();
    const completed = seen.find((e) => e.type === 'broadcast.completed')!;
    expect(completed.broadcastId).toBe(created.body.broadcast.id);
    expect(seen.some((e) => e.type === 'broadcast.updated')).toBe(true);
    expect(completed.counts).toMatchObject({ byStatus: { sent: 1 } });
    expect(seen.filter((e) => e.type === 'broadcast.progress').every((e) => e.counts !== undefined)).toBe(
      true,
    );
  });
});
