import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { problemResponse, type TidingsHandler } from '../src/index.js';
import { toNodeHandler, toRequest } from '../src/node/index.js';
import { setup } from './setup.js';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: TidingsHandler): Promise<string> {
  const server = createServer(toNodeHandler(handler));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A chunked POST (no content-length), as a client streaming its body sends it. */
function chunkedPost(url: string, chunks: string[]): Promise<{ status: number } | { error: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0 });
      },
    );
    req.on('error', (error) => resolve({ error: error.message }));
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('toNodeHandler: the request a handler sees', () => {
  it('is a Request with the url, method, headers and body the client sent, read once', async () => {
    const seen: Record<string, unknown>[] = [];
    const base = await serve(async (request) => {
      const text = await request.text();
      let again = 'read again';
      await request.text().catch((error: Error) => {
        again = error.name;
      });
      seen.push({
        isRequest: request instanceof Request,
        url: request.url,
        method: request.method,
        type: request.headers.get('content-type'),
        custom: request.headers.get('x-custom'),
        text,
        used: request.bodyUsed,
        again,
      });
      return Response.json({ length: text.length });
    });
    const body = JSON.stringify({ text: 'Grüße', pad: 'y'.repeat(200_000) });
    const response = await fetch(`${base}/path?q=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-custom': 'a' },
      body,
    });
    expect(await response.json()).toEqual({ length: body.length });
    expect(seen).toEqual([
      {
        isRequest: true,
        url: `${base}/path?q=1`,
        method: 'POST',
        type: 'application/json',
        custom: 'a',
        text: body,
        used: true,
        again: 'TypeError',
      },
    ]);
  });

  it('gives json, arrayBuffer, a clone and the body as a web stream like any Request', async () => {
    const results: unknown[] = [];
    const base = await serve(async (request) => {
      const copy = request.clone();
      results.push(copy instanceof Request, await copy.json());
      const chunks: number[] = [];
      for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>)
        chunks.push(chunk.byteLength);
      results.push(
        chunks.reduce((a, b) => a + b, 0),
        request.bodyUsed,
      );
      return new Response(null, { status: 204 });
    });
    const response = await fetch(base, { method: 'PUT', body: JSON.stringify({ a: 1 }) });
    expect(response.status).toBe(204);
    expect(results).toEqual([true, { a: 1 }, 7, true]);

    const bytes: unknown[] = [];
    const base2 = await serve(async (request) => {
      bytes.push([...new Uint8Array(await request.arrayBuffer())]);
      return new Response('ok');
    });
    await fetch(base2, { method: 'POST', body: new Uint8Array([1, 2, 255]) });
    expect(bytes).toEqual([[1, 2, 255]]);
  });

  it('reads headers straight from the socket, alike with real Headers once anything else is asked', async () => {
    const seen: unknown[] = [];
    const base = await serve(async (request) => {
      const h = request.headers;
      let bad = '';
      try {
        h.get('not a name');
      } catch (error) {
        bad = (error as Error).name;
      }
      seen.push(
        h instanceof Headers,
        h.get('X-Twice'),
        h.get('cookie'),
        h.has('x-none'),
        h.get('x-none'),
        bad,
      );
      // Anything else makes real Headers; what was read stays the same, and changes show.
      h.set('x-added', 'yes');
      seen.push(h.get('x-twice'), h.get('x-added'), [...h.keys()].includes('x-twice'));
      return new Response('ok');
    });
    const { hostname, port } = new URL(base);
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        {
          hostname,
          port,
          path: '/',
          // Raw headers (an array) go as given: the Host too.
          headers: [
            ['host', `${hostname}:${port}`],
            ['x-twice', 'a'],
            ['x-twice', 'b'],
            ['cookie', 'c=1'],
          ].flat(),
        },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(seen).toEqual([true, 'a, b', 'c=1', false, null, 'TypeError', 'a, b', 'yes', true]);
  });

  it('makes the url as resolving the path against the Host header would, whatever the two hold', async () => {
    const seen: string[] = [];
    const base = await serve(async (request) => {
      seen.push(request.url);
      return new Response('ok');
    });
    const { hostname, port } = new URL(base);
    const get = (path: string, host: string) =>
      new Promise<void>((resolve, reject) => {
        const req = httpRequest({ hostname, port, path, headers: { host } }, (res) => {
          res.resume();
          res.on('end', resolve);
        });
        req.on('error', reject);
        req.end();
      });
    const cases: [string, string][] = [
      ['/tidings/webhooks/sandbox?x=1', `127.0.0.1:${port}`],
      ['/a/../b', 'Example.COM'],
      ['//elsewhere/x', 'example.com'],
      ['/\\elsewhere/x', 'example.com'],
      ['/path', 'example.com/x?'],
      ['/path', '[::1]:8080'],
    ];
    for (const [path, host] of cases) await get(path, host);
    expect(seen).toEqual(cases.map(([path, host]) => new URL(path, `http://${host}`).href));
  });

  it('writes a fixed answer whose headers were changed after it was made with those changes', async () => {
    const s = await setup();
    const base = await serve(async (request) => {
      const response = await s.tidings.handler(request);
      response.headers.set('x-extra', '1');
      return response;
    });
    const response = await fetch(`${base}/tidings/nowhere`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-extra')).toBe('1');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const text = await response.text();
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(JSON.parse(text).status).toBe(404);
  });

  it('toRequest makes a GET without a body', async () => {
    const seen: unknown[] = [];
    const base = await serve(async (request) => {
      seen.push(request.body, await request.text());
      return new Response('ok');
    });
    await fetch(base);
    expect(seen).toEqual([null, '']);
    expect(typeof toRequest).toBe('function');
  });
});

describe('toNodeHandler with tidings.handler', () => {
  it('stores a webhook, refuses a wrong secret, and answers JSON with a content length', async () => {
    const s = await setup({ sandbox: { secret: 'right' } });
    const base = `${await serve(s.tidings.handler)}/tidings`;
    const post = (secret: string, text: string) =>
      fetch(`${base}/webhooks/sandbox`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sandbox-secret': secret },
        body: JSON.stringify({ from: '+4915112345678', text }),
      });
    const wrong = await post('wrong', 'START');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toBe('application/problem+json');
    expect(((await wrong.json()) as { status: number }).status).toBe(401);
    expect(s.phone('+4915112345678').texts()).toEqual([]);

    const ok = await post('right', 'START');
    expect(ok.status).toBe(200);
    const text = await ok.text();
    expect(text).toBe('{"ok":true}');
    expect(ok.headers.get('content-length')).toBe(String(text.length));
    expect(ok.headers.get('content-type')).toBe('application/json');
    expect(s.phone('+4915112345678').texts()).toEqual(['Welcome to the news!']);
  });

  it('refuses a body over the limit: 413 when declared, never stored when streamed', async () => {
    const s = await setup({ http: { maxWebhookBytes: 1000 } } as never);
    const base = `${await serve(s.tidings.handler)}/tidings`;
    const big = JSON.stringify({ from: '+4915112345678', text: `START ${'x'.repeat(2000)}` });
    const declared = await fetch(`${base}/webhooks/sandbox`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(declared.status).toBe(413);
    const streamed = await chunkedPost(`${base}/webhooks/sandbox`, [big.slice(0, 600), big.slice(600)]);
    expect(streamed).not.toEqual({ status: 200 });
    expect(s.phone('+4915112345678').texts()).toEqual([]);
    // A chunked body under the limit is read whole.
    const small = JSON.stringify({ from: '+4915112345678', text: 'START' });
    expect(await chunkedPost(`${base}/webhooks/sandbox`, [small.slice(0, 10), small.slice(10)])).toEqual({
      status: 200,
    });
    expect(s.phone('+4915112345678').texts()).toEqual(['Welcome to the news!']);
  });
});

describe('tidings.handler answers standard Responses (web runtimes)', () => {
  it('takes extra headers on a problem as Headers would: refused, trimmed, or written as given', async () => {
    expect(() => problemResponse(400, 'Bad Request', 'x', { headers: { 'x-sign': 'Preis €' } })).toThrow(
      TypeError,
    );
    expect(() => problemResponse(400, 'Bad Request', 'x', { headers: { 'bad name': '1' } })).toThrow(
      TypeError,
    );
    const padded = problemResponse(400, 'Bad Request', 'x', { headers: { 'X-Pad': '  a b  ' } });
    expect(padded.headers.get('x-pad')).toBe('a b');
    const base = await serve(async () =>
      problemResponse(429, 'Too Many Requests', 'later', {
        headers: { 'Retry-After': '7', 'x-plain': 'a; b=1' },
      }),
    );
    const response = await fetch(base);
    expect([response.status, response.headers.get('retry-after'), response.headers.get('x-plain')]).toEqual([
      429,
      '7',
      'a; b=1',
    ]);
  });

  it('a problem answer reads as JSON, can be cloned, streamed and have headers set', async () => {
    const s = await setup();
    const response = await s.tidings.handler(new Request('http://localhost/tidings/nowhere'));
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(404);
    expect(response.ok).toBe(false);
    response.headers.set('x-extra', '1');
    const copy = response.clone();
    expect(copy.headers.get('x-extra')).toBe('1');
    expect(((await copy.json()) as { status: number }).status).toBe(404);
    const text = await new Response(response.body).text();
    expect(JSON.parse(text).title).toBe('Not Found');
    expect(response.bodyUsed).toBe(true);
  });
});
