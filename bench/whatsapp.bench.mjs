// Webhook ingest (issue 7): signed WhatsApp inbound-message webhooks per second through `tidings.handler` — verify
// X-Hub-Signature-256 → parse → consent built-ins → memory store — driven by autocannon over loopback. The server
// runs in a child process so the load generator does not share its event loop. Every request carries its own message
// id and sender, so dedupe never short-circuits. Target: ≥ 5,000 requests/s with p99 < 50 ms.
import { fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { median, repeat } from './stats.mjs';

const APP_SECRET = 'bench-app-secret-0123456789';
const PHONE_NUMBER_ID = '106540352242922';
const CONNECTIONS = 16;
const SECONDS = 5;
// Enough distinct signed bodies for 6 × 5 s of WhatsApp load at up to 13,000 requests/s.
const BODIES = 400_000;

function webhook(i) {
  const from = String(4_915_100_000_000 + i);
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '419561257915477',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783880', phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: `Person ${i}` }, wa_id: from }],
              messages: [
                {
                  from,
                  id: `wamid.bench${i}`,
                  timestamp: String(1_780_000_000 + (i % 1000)),
                  type: 'text',
                  text: { body: 'Hallo, wann kommt die n\\u00e4chste Ausgabe?' },
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

export async function run() {
  const child = fork(new URL('./whatsapp-ingest.child.mjs', import.meta.url), {
    env: { ...process.env, APP_SECRET, PHONE_NUMBER_ID },
  });
  const [{ port }] = await once(child, 'message');
  // Signed up front, so the generator spends its time sending.
  const requests = Array.from({ length: BODIES }, (_, i) => {
    const body = webhook(i);
    const signature = `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
    return { body, signature };
  });
  let next = 0;
  let nextWhatsApp = 0;
  const load = async (kind) => {
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/tidings/webhooks/${kind}`,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const i = next++;
            if (kind === 'sandbox') {
              const body = JSON.stringify({
                from: `+49160${String(i).padStart(8, '0')}`,
                text: 'Hallo',
                id: `sb${i}`,
              });
              return { ...req, headers: { 'content-type': 'application/json' }, body };
            }
            const r = requests[nextWhatsApp++];
            if (!r) throw new Error(`more than ${BODIES} WhatsApp webhooks: raise BODIES so none repeats`);

            return {
              ...req,
              headers: { 'content-type': 'application/json', 'x-hub-signature-256': r.signature },
              body: r.body,
            };
          },
        },
      ],
    });
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(`${kind}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
    }
    return { rps: result.requests.average, p99: result.latency.p99 };
  };
  // In turns which goes first, so drift on a shared machine hits both alike.
  let turn = 0;
  const once_ = async () => {
    if (turn++ % 2 === 0) {
      const w = await load('whatsapp');
      return { w, s: await load('sandbox') };
    }
    const sb = await load('sandbox');
    return { w: await load('whatsapp'), s: sb };
  };
  const runs = await repeat(once_, { runs: 5, warmup: 1 });
  child.send('count');
  const [{ received }] = await once(child, 'message');
  child.send('stop');
  await once(child, 'exit');
  if (received < next - CONNECTIONS) throw new Error(`sent ${next} webhooks, stored ${received}`);
  const w = runs.map((r) => r.w);
  return [
    {
      figure: `signed WhatsApp webhooks/s through tidings.handler (verify → parse → built-ins → memory store, ${CONNECTIONS} connections)`,
      median: Math.round(median(w.map((r) => r.rps))),
      runs: w.map((r) => Math.round(r.rps)),
      unit: 'requests/s',
      target: '≥ 5000',
    },
    {
      figure: 'p99 latency of those requests',
      median: median(w.map((r) => r.p99)),
      runs: w.map((r) => r.p99),
      unit: 'ms',
      target: '< 50',
    },
    {
      figure: "the sandbox's unsigned JSON webhook through the same handler and store, side by side",
      median: Math.round(median(runs.map((r) => r.s.rps))),
      runs: runs.map((r) => Math.round(r.s.rps)),
      unit: 'requests/s',
    },
    {
      figure: 'WhatsApp / sandbox webhooks per second (median of per-run ratios)',
      median: Number(median(runs.map((r) => r.w.rps / r.s.rps)).toFixed(2)),
      unit: 'ratio',
    },
    { figure: 'webhooks stored as messages (all distinct, both kinds)', median: received, unit: 'messages' },
  ];
}
