// Issue 4 benchmarks: dispatcher overhead, peak memory of a 1M broadcast, pacing exactness (simulated and real time).
import { execFileSync } from 'node:child_process';
import { worker } from './dispatch-fixture.mjs';
import { median, repeat } from './stats.mjs';

/** Deliveries per second from "send now" to the last one marked sent: fan-out, claim, wrappers, sandbox, mark. */
async function throughput(recipients) {
  const { tidings, sandbox } = await worker({ recipients });
  const start = performance.now();
  await tidings.broadcasts.create({
    content: { text: 'Hallo! Heute neu: https://example.com/a' },
    scheduledAt: 'now',
  });
  await tidings.drain();
  const seconds = (performance.now() - start) / 1000;
  await tidings.stop();
  if (sandbox.sentCount !== recipients) throw new Error(`sent ${sandbox.sentCount} of ${recipients}`);
  return recipients / seconds;
}

/** The most sends in any half-open one-second window. */
function maxPerSecond(times) {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end] - times[start] >= 1000) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

async function pacedSimulated(recipients, rate) {
  const { tidings, sandbox, clock } = await worker({ recipients, pacing: true, rate, simulated: true });
  const t0 = clock.now();
  await tidings.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
  while (sandbox.sentCount < recipients) await clock.advance(10_000);
  const times = sandbox.sent.map((m) => m.at - t0);
  const achieved = (recipients - 1) / ((times.at(-1) - times[0]) / 1000);
  return { achieved, maxPerSecond: maxPerSecond(times) };
}

async function pacedRealTime(seconds, rate) {
  const recipients = seconds * rate;
  const { tidings, sandbox } = await worker({ recipients, pacing: true, rate });
  const times = [];
  sandbox.onSent(() => times.push(performance.now()));
  await tidings.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
  await tidings.drain();
  while (sandbox.sentCount < recipients) await new Promise((r) => setTimeout(r, 100));
  await tidings.stop();
  const achieved = (recipients - 1) / ((times.at(-1) - times[0]) / 1000);
  return { achieved, maxPerSecond: maxPerSecond(times) };
}

export async function run() {
  const runs = await repeat(() => throughput(100_000), { runs: 5, warmup: 1 });
  const m = median(runs);
  const memory = JSON.parse(
    execFileSync(
      process.execPath,
      ['--expose-gc', new URL('dispatch-memory.child.mjs', import.meta.url).pathname, '1000000'],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    ),
  );
  const simulated = await pacedSimulated(100_000, 80);
  const real = await pacedRealTime(20, 50);
  return [
    {
      figure: 'dispatcher deliveries/s (100,000 recipients, pacing off, zero-latency sandbox, memory store)',
      median: Math.round(m),
      runs: runs.map(Math.round),
      unit: 'deliveries/s',
      target: 50_000,
      ratioToTarget: Number((m / 50_000).toFixed(2)),
    },
    {
      figure: '1,000,000-recipient broadcast: memory beside the 1M contacts the memory store holds',
      ...memory,
      unit: 'MB',
      target: 300,
    },
    {
      figure: 'pacing at 80/s over 100,000 deliveries, simulated clock',
      achievedPerSecond: Number(simulated.achieved.toFixed(3)),
      errorPercent: Number(((Math.abs(simulated.achieved - 80) / 80) * 100).toFixed(3)),
      maxInAnySecond: simulated.maxPerSecond,
      target: 'within 1 % and never above 80 in a second',
    },
    {
      figure: 'pacing at 50/s for 20 s, real time',
      achievedPerSecond: Number(real.achieved.toFixed(3)),
      errorPercent: Number(((Math.abs(real.achieved - 50) / 50) * 100).toFixed(3)),
      maxInAnySecond: real.maxPerSecond,
      target: 'within 3 %',
    },
  ];
}
