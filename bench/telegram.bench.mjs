// Sends per second through telegramTransport against the fake Telegram (limits off, HTTP keep-alive), side by side
// with a bare fetch loop doing the same requests. Target (issue 6): the transport ≥ 0.8 of the bare loop.
import { telegramTransport } from '@tidings/transport-telegram';
import { fakeTelegram } from '@tidings/transport-telegram/testing';
import { median, repeat } from './stats.mjs';

const USERS = 200;
const SENDS = 2_000;
const CONCURRENCY = 16;

/** Runs `send(i)` for i < SENDS with CONCURRENCY in flight; returns sends per second. */
async function measure(send) {
  let next = 0;
  const worker = async () => {
    while (next < SENDS) await send(next++);
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return SENDS / ((performance.now() - start) / 1000);
}

export async function run() {
  const fake = await fakeTelegram({ rateLimits: false, bots: [{ username: 'bench_bot' }] });
  const { token, username } = fake.bot();
  const users = Array.from({ length: USERS }, () => fake.user());
  for (const u of users) u.pressStart(username);
  await fake.idle().catch(() => {});
  const transport = telegramTransport({ token, username, mode: 'polling', apiRoot: fake.apiRoot });
  const sender = transport.senders[0];
  const url = `${fake.apiRoot}/bot${token}/sendMessage`;
  const text = 'Guten Morgen! Die Nachrichten des Tages: https://news.example/today';

  const viaTransport = async (i) => {
    const outcome = await transport.send({
      sender,
      to: String(users[i % USERS].id),
      content: { text },
      purpose: 'broadcast',
      messageId: `m${i}`,
    });
    if (outcome.kind !== 'accepted') throw new Error(JSON.stringify(outcome));
  };
  const bare = async (i) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: String(users[i % USERS].id), text }),
    });
    const json = await response.json();
    if (!json.ok) throw new Error(JSON.stringify(json));
  };

  // Interleaved, and in turns which goes first, so drift and warm-up on a shared machine hit both alike.
  let turn = 0;
  const pair = async () => {
    if (turn++ % 2 === 0) return [await measure(viaTransport), await measure(bare)];
    const b = await measure(bare);
    return [await measure(viaTransport), b];
  };
  const pairs = await repeat(pair, { runs: 6 });
  await fake.close();
  const t = median(pairs.map((p) => p[0]));
  const b = median(pairs.map((p) => p[1]));
  const ratios = pairs.map(([x, y]) => x / y);
  return [
    {
      figure: `sends/s through telegramTransport against the fake (limits off, ${CONCURRENCY} in flight)`,
      median: Math.round(t),
      runs: pairs.map((p) => Math.round(p[0])),
      unit: 'sends/s',
    },
    {
      figure: 'sends/s of a bare fetch loop doing the same requests',
      median: Math.round(b),
      runs: pairs.map((p) => Math.round(p[1])),
      unit: 'sends/s',
    },
    {
      figure: 'transport / bare fetch (median of per-run ratios)',
      median: Number(median(ratios).toFixed(2)),
      runs: ratios.map((r) => Number(r.toFixed(2))),
      unit: 'ratio',
      target: 0.8,
    },
  ];
}
