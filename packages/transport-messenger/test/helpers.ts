import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OutboundMessage } from '@tidings/core';
import { type MessengerTransportOptions, messengerTransport } from '../src/index.js';
import { type FakeMessengerOptions, fakeMessenger } from '../src/testing/index.js';

export const VERIFY = 'verify-me-123';

/** A fake Messenger with one page (limits off unless asked) and a transport pointed at it. */
export async function fakeAndTransport(
  options: Partial<MessengerTransportOptions> = {},
  fakeOptions: FakeMessengerOptions = {},
) {
  const fake = await fakeMessenger({ rateLimits: false, pages: [{ name: 'dailyplanet' }], ...fakeOptions });
  const page = fake.page();
  const transport = messengerTransport({
    pages: fake.pages,
    appSecret: fake.appSecret,
    verifyToken: VERIFY,
    baseUrl: fake.baseUrl,
    ...options,
  });
  return { fake, page, transport };
}

let counter = 0;
export function outbound(
  to: string,
  content: OutboundMessage['content'],
  sender: string,
  extra: Partial<OutboundMessage> = {},
): OutboundMessage {
  return {
    sender: { id: sender, display: sender, capacity: 1000 },
    to,
    content,
    purpose: 'reply',
    messageId: `m${++counter}`,
    ...extra,
  };
}

/** An HTTP server on 127.0.0.1; `close` also ends kept-alive connections. */
export async function serve(handler: RequestListener): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
