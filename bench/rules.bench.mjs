// Rule evaluation (issue 3): what the engine does per inbound message once the rule set is compiled —
// `CompiledRules.match(facts)`: the message's keyword key (NFKC, words, emoji), the keyword index lookup, the
// merge with the rules no keyword gates, and their condition tests. Facts are built beforehand; actions (replies,
// forwards) are not run. Targets: ≤ 20 µs per message with 1,000 rules (mostly keywords), ≥ 100,000 messages/s
// with 10 rules. A side-by-side figure shows what a loaded set costs the whole inbound pipeline.
import { readFile } from 'node:fs/promises';
import { compileRules, createTidings, memoryStore, sandboxTransport, silentLogger } from '@tidings/core';
import { median, repeat } from './stats.mjs';

const MESSAGES = 200_000;
const MONDAY_NOON = Date.parse('2026-06-01T10:00:00Z');

/** 1,000 rules: 950 keyword rules (some with a second condition), 50 others a real set would hold. */
function thousandRules() {
  const lines = [];
  for (let i = 0; i < 950; i++) {
    const extra = i % 10 === 0 ? ' and not on telegram' : i % 10 === 1 ? ' and in channel sport' : '';
    lines.push(
      `when keyword "Aktion ${i}"${extra} then reply "Danke für Aktion ${i}!", tag aktion-${i % 50}`,
    );
  }
  const others = [
    'when contains "Ticket" and in channel sport then assign to anna, tag tickets',
    'when text matches /^(?:hi|hallo|servus)[!. ]*$/i then reply "Hallo {name}!"',
    'when outside hours mon-fri 09:00-18:00 Europe/Vienna then reply "Wir antworten ab 9 Uhr."',
    'when media image then reply "Danke für das Bild!"',
    'when first message then reply "Willkommen!"',
    'when call then reply "Anrufe können wir nicht annehmen."',
    'when on telegram and contains "abo" then tag abo',
    'when window open and contains "rechnung" then forward email "billing@example.com"',
    'when not media and contains "?" then tag question',
    'when any then forward http https://crm.example.com/hook',
  ];
  for (let i = 0; i < 50; i++)
    lines.push(others[i % others.length].replace('then', `and not contains "x${i}" then`));
  return lines.join('\n');
}

/** The ten examples of issue 3, as the core's flow tests run them. */
const TEN_RULES = await readFile(
  new URL('../packages/core/test/fixtures/examples.rules', import.meta.url),
  'utf8',
);

/** A busy hour's mix: 30% keywords (of the big set and the examples), 60% chat, 10% media, calls, emoji. */
function messages(count) {
  const chat = [
    'Hallo, wann kommt die nächste Ausgabe?',
    'Gibt es noch Tickets für Samstag?',
    'Danke!',
    'Ich habe eine Frage zur Rechnung',
    'servus',
    'Kann ich das Abo pausieren? Wir sind im Urlaub.',
  ];
  return Array.from({ length: count }, (_, i) => {
    const base = {
      event: 'message',
      channel: null,
      media: null,
      transport: i % 7 === 0 ? 'telegram' : 'whatsapp',
      // Messages arrive in time order, 20 a second, as a busy page's would.
      at: MONDAY_NOON + i * 50,
      firstMessage: i % 50 === 0,
      windowOpen: true,
      channels: new Set(i % 3 === 0 ? ['news', 'sport'] : ['news']),
    };
    const r = i % 10;
    if (r < 2) return { ...base, text: `aktion ${(i * 7) % 950}!` };
    if (r === 2) return { ...base, text: i % 2 ? 'Tanz!' : '😡' };
    if (r === 3) return { ...base, text: '', media: 'image' };
    if (r === 4 && i % 20 === 4) return { ...base, event: 'call', text: '' };
    return { ...base, text: chat[i % chat.length] };
  });
}

/** Seconds to evaluate every message once. */
function evaluate(rules, list) {
  let fired = 0;
  const start = performance.now();
  for (const facts of list) fired += rules.match(facts).length;
  const seconds = (performance.now() - start) / 1000;
  if (fired === 0) throw new Error('no rule ever fired: the benchmark is measuring nothing');
  return seconds;
}

async function inbound(rulesText) {
  const sandbox = sandboxTransport();
  const telegram = sandboxTransport({ name: 'telegram', addressKind: 'opaque' });
  const tidings = createTidings({
    store: memoryStore(),
    transports: [sandbox, telegram],
    logger: silentLogger,
  });
  await tidings.channels.create({
    slug: 'news',
    name: 'News',
    keywords: ['NEWS'],
    welcome: 'Hi',
    isDefault: true,
  });
  await tidings.channels.create({ slug: 'sport', name: 'Sport', keywords: ['SPORT'] });
  await tidings.channels.create({ slug: 'tanz', name: 'Tanz' });
  await tidings.start();
  // Rules without outbound actions, so the figure is the evaluation inside the pipeline, not sending.
  if (rulesText) await tidings.rules.set(rulesText.replace(/then .*$/gm, 'then tag seen'));
  const start = performance.now();
  const contacts = 2_000;
  const rounds = 5;
  for (let round = 0; round < rounds; round++)
    for (let c = 0; c < contacts; c++)
      await sandbox.simulateInbound({
        from: `+43660${String(c).padStart(7, '0')}`,
        text: `Nachricht ${round} von ${c}`,
      });
  await tidings.stop();
  return (contacts * rounds) / ((performance.now() - start) / 1000);
}

export async function run() {
  const list = messages(MESSAGES);
  const big = compileRules(thousandRules());
  const small = compileRules(TEN_RULES);
  if (big.rules.length !== 1000 || small.rules.length !== 10)
    throw new Error('rule sets did not compile as meant');

  const perMessage = await repeat(async () => (evaluate(big, list) / MESSAGES) * 1e6, { runs: 7, warmup: 2 });
  const throughput = await repeat(async () => MESSAGES / evaluate(small, list), { runs: 7, warmup: 2 });
  const without = await repeat(() => inbound(null), { runs: 5, warmup: 1 });
  const loaded = await repeat(() => inbound(thousandRules()), { runs: 5, warmup: 1 });

  const us = median(perMessage);
  const rate = median(throughput);
  return [
    {
      figure: 'rule evaluation per message, 1,000 rules (950 keyword), CompiledRules.match',
      median: Number(us.toFixed(2)),
      runs: perMessage.map((x) => Number(x.toFixed(2))),
      unit: 'µs/message (mean of 200,000 messages per run)',
      target: 20,
      ratioToTarget: Number((us / 20).toFixed(3)),
    },
    {
      figure: 'rule evaluation throughput, 10 rules (the issue’s examples), CompiledRules.match',
      median: Math.round(rate),
      runs: throughput.map(Math.round),
      unit: 'messages/s',
      target: 100_000,
      ratioToTarget: Number((rate / 100_000).toFixed(2)),
    },
    {
      figure: 'inbound pipeline with 1,000 rules loaded vs none (sandbox, memory store, chat messages)',
      median: Number((median(loaded) / median(without)).toFixed(3)),
      runs: loaded.map((x, i) => Number((x / without[i]).toFixed(3))),
      unit: 'ratio of messages/s',
      withRules: Math.round(median(loaded)),
      withoutRules: Math.round(median(without)),
    },
  ];
}
