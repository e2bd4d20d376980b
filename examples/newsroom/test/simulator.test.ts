import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type NewsroomFixture, startNewsroom } from './newsroom-fixture.js';
import { readEvents } from './read-events.js';

let newsroom: NewsroomFixture;
beforeAll(async () => {
  newsroom = await startNewsroom();
});
afterAll(() => newsroom.app.close());

const write = (from: string, text: string) => newsroom.postJson('/tidings/webhooks/sandbox', { from, text });

/** Opens the event stream and waits for its first comment: from then on the server is listening. */
async function listen(address: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await newsroom.get(`/sim/events?address=${encodeURIComponent(address)}`, {
    headers,
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const events = readEvents(response.body!);
  expect((await events.next()).value).toMatchObject({ comment: 'listening' });
  /** The next event with data, parsed. (Not `for await`: leaving that loop would end the stream.) */
  const next = async () => {
    for (;;) {
      const { done, value } = await events.next();
      if (done) throw new Error('the stream ended');
      if (value.data) return { id: value.id, ...JSON.parse(value.data) };
    }
  };
  return { next, close: () => abort.abort() };
}

describe('GET /sim/events', () => {
  it('streams the replies to one phone as they are sent', async () => {
    const bob = '+4915112340001';
    await write(bob, 'START');
    const stream = await listen(bob);
    await write(bob, 'SPORT');
    expect(await stream.next()).toMatchObject({
      text: expect.stringMatching(/^Kick-off!/),
      purpose: 'welcome',
    });
    await write(bob, 'Stop sport');
    expect(await stream.next()).toMatchObject({ text: "You've left Sport. Send STOP to leave everything." });
    stream.close();
  });

  it('stops listening to the sandbox when the client goes away', async () => {
    const original = newsroom.app.sandbox.onSent.bind(newsroom.app.sandbox);
    const stopped = vi.fn();
    const spy = vi.spyOn(newsroom.app.sandbox, 'onSent').mockImplementation((listener) => {
      const stop = original(listener);
      return () => {
        stopped();
        stop();
      };
    });
    const stream = await listen('+4915112340002');
    expect(spy).toHaveBeenCalledOnce();
    stream.close();
    await vi.waitFor(() => expect(stopped).toHaveBeenCalledOnce());
    spy.mockRestore();
  });

  it('replays what a reconnecting client missed after its Last-Event-ID', async () => {
    const cleo = '+4915112340003';
    await write(cleo, 'START');
    await write(cleo, 'KULTUR');
    const [welcome, culture] = (await newsroom.simMessages(cleo)).body.messages;
    const stream = await listen(cleo, { 'last-event-id': welcome!.id });
    expect(await stream.next()).toMatchObject({ id: culture!.id, text: culture!.text });
    stream.close();
  });
});

describe('GET /sim/messages', () => {
  it('returns what the phone received so far, oldest first', async () => {
    const dora = '+4915112340004';
    await write(dora, 'START');
    await write(dora, 'STOP');
    await write(dora, 'START');
    const { status, body } = await newsroom.simMessages(dora);
    expect(status).toBe(200);
    expect(body.messages.map((m) => m.purpose)).toEqual(['welcome', 'consent-reply', 'welcome']);
    expect(body.messages[1]!.text).toMatch(/^You're unsubscribed/);
  });

  it('reads a plus typed unencoded into the address bar', async () => {
    const response = await newsroom.get('/sim/messages?address=+4915112340005');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ address: '+4915112340005', messages: [] });
  });

  it.each([
    ['/sim/messages?address=015112345678', 'not in E.164 format'],
    ['/sim/messages', 'required'],
    ['/sim/events?address=%2B0123', 'not in E.164 format'],
  ])('rejects %s with 422', async (path, message) => {
    const response = await newsroom.get(path);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 422, errors: [{ field: 'address', message }] });
  });

  it('reads a chat-id sandbox by ?transport=', async () => {
    await newsroom.postJson('/tidings/webhooks/sandbox-telegram', { from: 'chat-42', text: 'START' });
    const { status, body } = await newsroom.getJson<{ messages: { purpose: string }[] }>(
      '/sim/messages?transport=sandbox-telegram&address=chat-42',
    );
    expect(status).toBe(200);
    expect(body.messages.map((m) => m.purpose)).toEqual(['welcome']);
    const unknown = await newsroom.get('/sim/messages?transport=nope&address=chat-42');
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ errors: [{ field: 'transport' }] });
  });

  it('takes GET only', async () => {
    const response = await newsroom.postJson('/sim/messages?address=%2B4915112340006', {});
    expect(response.status).toBe(405);
    await response.body?.cancel();
  });
});
