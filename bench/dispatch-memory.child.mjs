// Run alone (node --expose-gc): peak memory of a 1,000,000-recipient broadcast, sampled while it sends.
import { worker } from './dispatch-fixture.mjs';

const recipients = Number(process.argv[2] ?? 1_000_000);
const mb = (bytes) => Math.round(bytes / 1024 / 1024);
global.gc?.();
const before = process.memoryUsage();
const { tidings, sandbox } = await worker({ recipients });
global.gc?.();
const baseline = process.memoryUsage();
let peakRss = baseline.rss;
let peakHeap = baseline.heapUsed;
let peakLiveHeap = baseline.heapUsed;
let samples = 0;
/** Live heap (after a full collection) beside how many messages the store kept by then. */
const live = [];
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  // Every hundredth sample (5 s) after a full collection: what is really held, not garbage waiting to be collected.
  if (++samples % 100 === 0) {
    global.gc?.();
    const heapUsed = process.memoryUsage().heapUsed;
    peakLiveHeap = Math.max(peakLiveHeap, heapUsed);
    live.push({ heapUsed, kept: sandbox.sentCount });
  }
}, 50);
const started = performance.now();
await tidings.broadcasts.create({
  content: { text: 'Guten Morgen! Die Nachrichten des Tages.' },
  scheduledAt: 'now',
});
await tidings.drain();
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
global.gc?.();
// What stays: the memory store keeps every message as conversation history (a database would keep it on disk).
const retained = process.memoryUsage();
const perMessage = (retained.heapUsed - baseline.heapUsed) / recipients;
// What the dispatch itself held at each full collection: the live heap beyond the seeded data and the messages the
// store had kept by then (outbox window, deliveries in flight, the dispatcher's own state).
const dispatchHeld = Math.max(0, ...live.map((l) => l.heapUsed - baseline.heapUsed - perMessage * l.kept));
process.stdout.write(
  JSON.stringify({
    recipients,
    sent: sandbox.sentCount,
    seconds: Number(seconds.toFixed(2)),
    rssBeforeContactsMB: mb(before.rss),
    rssWithContactsMB: mb(baseline.rss),
    heapWithContactsMB: mb(baseline.heapUsed),
    peakRssMB: mb(peakRss),
    peakHeapMB: mb(peakHeap),
    broadcastHeapMB: mb(peakHeap - baseline.heapUsed),
    broadcastRssMB: mb(peakRss - baseline.rss),
    retainedHistoryHeapMB: mb(retained.heapUsed - baseline.heapUsed),
    bytesPerRetainedMessage: Math.round((retained.heapUsed - baseline.heapUsed) / recipients),
    peakLiveHeapMB: mb(peakLiveHeap),
    /** Held by the broadcast beyond what stays as history: the outbox window and work in flight. */
    workingSetMB: mb(Math.max(0, peakLiveHeap - retained.heapUsed)),
    /** The most the dispatch held at any full collection beyond the seeded data and the history kept so far. */
    dispatchHeldMB: mb(dispatchHeld),
    liveSamples: live.length,
  }),
);
