// Runs every benchmark in this folder, prints one JSON line per figure and writes results.json.
// Benchmarks measure; they do not gate CI. Usage: pnpm bench [name-filter]
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';

const filter = process.argv[2] ?? '';
const here = new URL('.', import.meta.url);
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.mjs') && f.includes(filter)).sort();
const figures = [];
for (const file of files) {
  const { run } = await import(new URL(file, here).href);
  for (const figure of await run()) {
    const line = { bench: file.replace('.bench.mjs', ''), ...figure };
    console.log(JSON.stringify(line));
    figures.push(line);
  }
}
// A filtered run replaces only the benches it ran; the others' last figures stay in results.json.
const ran = new Set(files.map((f) => f.replace('.bench.mjs', '')));
const previous = filter === '' ? [] : await readPrevious();
const kept = previous.filter((figure) => !ran.has(figure.bench));
const machine = {
  node: process.version,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
};
await writeFile(
  new URL('results.json', here),
  `${JSON.stringify({ at: new Date().toISOString(), machine, figures: [...kept, ...figures] }, null, 2)}\n`,
);

async function readPrevious() {
  try {
    const json = JSON.parse(await readFile(new URL('results.json', here), 'utf8'));
    return Array.isArray(json.figures) ? json.figures : [];
  } catch {
    return [];
  }
}
