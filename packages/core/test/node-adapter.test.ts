import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNodeHandler } from '../src/node/index.js';
import { type Setup, setup } from './setup.js';

describe('writeResponse', () => {
  it('streams a streaming body chunk by chunk instead of buffering it', async () => {
    let push: ((text: string) => void) | null = null;
    let end: (() => void) | null = null;
    const handler = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            push = (text) => controller.enqueue(new TextEncoder().encode(text));
            end = () => controller.close();
          },
        }),
        { headers: { 'content-type': 'text/event-stream' } },
      );
    const server = createServer(toNodeHandler(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const reader = response.body!.getReader();
      push!('data: one\n\n');
      // The first event arrives while the stream is still open.
      expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: one\n\n');
      end!();
      expect((await reader.read()).done).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('@tidings/core/node over a real socket', () => {
  let s: Setup;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    s = await setup({ optin: { perClient: { limit: 2, windowMs: 60_000 } } });
    server = createServer(toNodeHandler(s.tidings.handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tidings`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('serves the channels, takes a sign-up, streams request bodies and rate-limits by the socket address', async () => {
    const channels = await fetch(`${base}/channels`);
    expect(channels.status).toBe(200);
    expect(((await channels.json()) as { channels: unknown[] }).channels).toHaveLength(3);
    const post = (phone: string) =>
      fetch(`${base}/optin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone }),
      });
    expect((await post('+4915112345678')).status).toBe(202);
    expect((await post('+4915112345679')).status).toBe(202);
    const limited = await post('+4915112345670');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const hook = await fetch(`${base}/webhooks/sandbox`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+4915112345678', text: 'START' }),
    });
    expect(hook.status).toBe(200);
    expect(s.phone('+4915112345678').texts()).toEqual(['Welcome to the news!']);
    const huge = await fetch(`${base}/webhooks/sandbox`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
  });
});
