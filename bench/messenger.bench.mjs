// The Messenger transport against the fake Messenger, side by side with bare loops doing the same work:
// (1) webhook ingest: `parse` of signed page webhooks (HMAC check over the raw bytes, JSON, normalisation) vs a bare
// HMAC + JSON.parse; (2) sends/s through messengerTransport vs a bare fetch loop (limits off, HTTP keep-alive).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { messengerTransport } from '@tidings/transport-messenger';
import { fakeMessenger } from '@tidings/transport-messenger/testing';
import { median, repeat } from './stats.mjs';

const WEBHOOKS = 5_000;
const ITEMS = 5;
const SENDS = 2_000;
const CONCURRENCY = 16;

async function timed(count, fn) {
  const start = performance.now();
  await fn();
  return count / ((performance.now() - start) / 1000);
}

export async function run() {
  const fake = await fakeMessenger({ rateLimits: false, echoes: false, pages: [{ name: 'benchpage' }] });
  const page = fake.page();
  const transport = messengerTransport({
    pages: fake.pages,
    appSecret: fake.appSecret,
    verifyToken: 'v',
    baseUrl: fake.baseUrl,
  });
  const users = Array.from({ length: 200 }, () => fake.user());
  for (const u of users) u.send('benchpage', 'hi');
  const body = JSON.stringify({
    object: 'page',
    entry: [
      {
        id: page.pageId,
        time: Date.now(),
        messaging: Array.from({ length: ITEMS }, (_, i) => ({
          sender: { id: users[i].psid() },
          recipient: { id: page.pageId },
          timestamp: Date.now(),
          message: { mid: `m_bench_${i}`, text: 'Guten Morgen! SPORT bitte' },
        })),
      },
    ],
  });
  const signature = `sha256=${createHmac('sha256', fake.appSecret).update(body).digest('hex')}`;
  const headers = { 'content-type': 'application/json', 'x-hub-signature-256': signature };
  const url = 'http://localhost/tidings/webhooks/messenger';

  const viaParse = () =>
    timed(WEBHOOKS, async () => {
      for (let i = 0; i < WEBHOOKS; i++) {
        const result = await transport.parse(new Request(url, { method: 'POST', headers, body }));
        if (result.events?.length !== ITEMS) throw new Error('parse failed');
      }
    });
  const bareParse = () =>
    timed(WEBHOOKS, async () => {
      for (let i = 0; i < WEBHOOKS; i++) {
        const request = new Request(url, { method: 'POST', headers, body });
        const bytes = new Uint8Array(await request.arrayBuffer());
        const expected = createHmac('sha256', fake.appSecret).update(bytes).digest();
        const given = Buffer.from(request.headers.get('x-hub-signature-256').slice(7), 'hex');
        if (!timingSafeEqual(given, expected)) throw new Error('bad signature');
        if (JSON.parse(new TextDecoder().decode(bytes)).entry[0].messaging.length !== ITEMS)
          throw new Error();
      }
    });

  const sender = transport.senders[0];
  const text = 'Guten Morgen! Die Nachrichten des Tages: https://news.example/today';
  const sendUrl = `${fake.baseUrl}/v25.0/${page.pageId}/messages?access_token=${page.accessToken}`;
  const sends = (send) =>
    timed(SENDS, async () => {
      let next = 0;
      const worker = async () => {
        while (next < SENDS) await send(next++);
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    });
  const viaTransport = () =>
    sends(async (i) => {
      const outcome = await transport.send({
        sender,
        to: users[i % users.length].psid(),
        content: { text },
        purpose: 'reply',
        messageId: `m${i}`,
      });
      if (outcome.kind !== 'accepted') throw new Error(JSON.stringify(outcome));
    });
  const bareSend = () =>
    sends(async (i) => {
      const response = await fetch(sendUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          recipient: { id: users[i % users.length].psid() },
          messaging_type: 'RESPONSE',
          message: { text },
        }),
      });
      const json = await response.json();
      if (!json.message_id) throw new Error(JSON.stringify(json));
    });

  // Interleaved, and in turns which goes first, so drift and warm-up on a shared machine hit both alike.
  let turn = 0;
  const pair = async (a, b) => {
    if (turn++ % 2 === 0) return [await a(), await b()];
    const y = await b();
    return [await a(), y];
  };
  const parsePairs = await repeat(() => pair(viaParse, bareParse), { runs: 6 });
  const sendPairs = await repeat(() => pair(viaTransport, bareSend), { runs: 6 });
  await fake.close();
  const figures = (pairs, what, unit, bareWhat) => {
    const ratios = pairs.map(([x, y]) => x / y);
    return [
      {
        figure: what,
        median: Math.round(median(pairs.map((p) => p[0]))),
        runs: pairs.map((p) => Math.round(p[0])),
        unit,
      },
      {
        figure: bareWhat,
        median: Math.round(median(pairs.map((p) => p[1]))),
        runs: pairs.map((p) => Math.round(p[1])),
        unit,
      },
      {
        figure: `${what.split(' (')[0]} / bare (median of per-run ratios)`,
        median: Number(median(ratios).toFixed(2)),
        runs: ratios.map((r) => Number(r.toFixed(2))),
        unit: 'ratio',
      },
    ];
  };
  return [
    ...figures(
      parsePairs,
      `signed page webhooks/s through messengerTransport.parse (${ITEMS} messages each)`,
      'webhooks/s',
      'webhooks/s of a bare HMAC check + JSON.parse of the same requests',
    ),
    ...figures(
      sendPairs,
      `sends/s through messengerTransport against the fake (limits off, ${CONCURRENCY} in flight)`,
      'sends/s',
      'sends/s of a bare fetch loop doing the same requests',
    ),
  ];
}
