// Inbound messages per second through sandbox → built-ins (consent, keywords) → memory store, in process.
// Target (issue 2): ≥ 30,000 messages/s, median of several runs.
import { createTidings, memoryStore, sandboxTransport, silentLogger } from '@tidings/core';
import { median, repeat } from './stats.mjs';

const CONTACTS = 5_000;
const PER_CONTACT = 10;

async function fresh() {
  const sandbox = sandboxTransport();
  const tidings = createTidings({ store: memoryStore(), transports: [sandbox], logger: silentLogger });
  await tidings.channels.create({
    slug: 'news',
    name: 'News',
    keywords: ['NEWS'],
    welcome: 'Welcome!',
    isDefault: true,
  });
  await tidings.channels.create({ slug: 'sport', name: 'Sport', keywords: ['SPORT'], welcome: 'Anpfiff!' });
  await tidings.channels.create({
    slug: 'culture',
    name: 'Culture',
    keywords: ['KULTUR'],
    welcome: 'Bühne frei',
  });
  await tidings.start();
  return sandbox;
}

/** Each contact: START (a new subscriber, one reply), a keyword (one reply), then ordinary messages (no reply). */
function textFor(i) {
  if (i === 0) return 'START';
  if (i === 1) return 'SPORT';
  return `Hallo, Nachricht Nummer ${i} — was gibt es Neues?`;
}

async function once(shape) {
  const sandbox = await fresh();
  const addresses = Array.from({ length: CONTACTS }, (_, c) => `+49151${String(c).padStart(8, '0')}`);
  const start = performance.now();
  for (let i = 0; i < PER_CONTACT; i++) {
    for (const from of addresses) await sandbox.simulateInbound({ from, text: shape(i) });
  }
  const seconds = (performance.now() - start) / 1000;
  return (CONTACTS * PER_CONTACT) / seconds;
}

export async function run() {
  const mixed = await repeat(() => once(textFor));
  const chat = await repeat(() => once((i) => (i === 0 ? 'START' : `Nachricht ${i}`)));
  const m = median(mixed);
  return [
    {
      figure: 'inbound messages/s (20% START/keyword with a reply, 80% chat)',
      median: Math.round(m),
      runs: mixed.map(Math.round),
      unit: 'messages/s',
      target: 30_000,
      ratioToTarget: Number((m / 30_000).toFixed(2)),
    },
    {
      figure: 'inbound messages/s (10% START with a reply, 90% chat)',
      median: Math.round(median(chat)),
      runs: chat.map(Math.round),
      unit: 'messages/s',
    },
  ];
}
