import { worker } from './dispatch-fixture.mjs';
const rate = 50, seconds = 20, recipients = rate * seconds;
const { tidings, sandbox } = await worker({ recipients, pacing: true, rate });
const times = [];
sandbox.onSent(() => times.push(performance.now()));
await tidings.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
while (sandbox.sentCount < recipients) await new Promise((r) => setTimeout(r, 100));
await tidings.stop();
let best = 0, start = 0;
for (let end = 0; end < times.length; end++) { while (times[end] - times[start] >= 1000) start++; best = Math.max(best, end - start + 1); }
console.log('achieved', ((recipients - 1) / ((times.at(-1) - times[0]) / 1000)).toFixed(2), 'max in a second', best);
