import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InboundEvent, OutboundMessage, ParseResult } from '@tidings/core';
import { type WhatsAppTransportOptions, whatsappTransport } from '../src/index.js';
import { type FakeWhatsAppOptions, fakeWhatsApp } from '../src/testing/index.js';

/** Meta's OpenAPI description, read where the workspace keeps it (not copied into the package). */
export const openapiPath =
  process.env.WHATSAPP_OPENAPI ??
  new URL(
    '../../../../shared/vendor/meta-whatsapp-openapi/business-messaging-api_v23.0.yaml',
    import.meta.url,
  );

export const VERIFY = 'verify-me-123';

/** A fake WhatsApp (limits off unless asked, bodies checked against Meta's schema) and a transport pointed at it. */
export async function fakeAndTransport(
  options: Partial<WhatsAppTransportOptions> = {},
  fakeOptions: FakeWhatsAppOptions = {},
) {
  const fake = await fakeWhatsApp({ limits: false, openapi: openapiPath, ...fakeOptions });
  const transport = whatsappTransport({
    senders: fake.numbers.map((n) => ({ phoneNumberId: n.phoneNumberId, displayNumber: n.displayNumber })),
    accessToken: fake.accessToken,
    appSecret: fake.appSecret,
    verifyToken: VERIFY,
    apiVersion: 'v23.0',
    baseUrl: fake.baseUrl,
    ...options,
  });
  return { fake, transport, number: fake.numbers[0]! };
}

let counter = 0;
export function outbound(
  to: string,
  content: OutboundMessage['content'],
  sender: string,
  extra: Partial<OutboundMessage> = {},
): OutboundMessage {
  return {
    sender: { id: sender, display: '+15550783880', capacity: 1000 },
    to,
    content,
    purpose: 'agent',
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

/** A webhook endpoint that runs `parse` on what the fake posts and keeps the events. */
export async function parsingEndpoint(parse: (request: Request) => Promise<ParseResult>) {
  const events: InboundEvent[] = [];
  const statuses: number[] = [];
  const server = await serve(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method ?? 'GET',
      headers,
      ...(req.method === 'POST' ? { body: Buffer.concat(chunks) } : {}),
    });
    const result = await parse(request);
    events.push(...(result.events ?? []));
    const response = result.response ?? new Response('{"ok":true}');
    statuses.push(response.status);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  return { ...server, events, statuses, url: `${server.origin}/tidings/webhooks/whatsapp` };
}
