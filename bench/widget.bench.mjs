// The widget's weight and speed. Size: the element's JavaScript as a page loads it (minified, gzipped),
// without the phone metadata, which is a separate file fetched when the phone step opens (target ≤ 20 KB).
// Speed: from navigation start to an interactive widget (first step shown, `tidings-ready`) in headless
// Chromium, against a Tidings handler on this machine, median of several cold page loads.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createTidings, sandboxTransport, silentLogger } from '@tidings/core';
import { toNodeHandler } from '@tidings/core/node';
import { chromium } from 'playwright-core';
import { median, repeat } from './stats.mjs';

const require = createRequire(import.meta.url);
const dir = dirname(require.resolve('@tidings/widget/browser'));
const gzipKiB = (bytes) => Number((gzipSync(bytes, { level: 9 }).length / 1024).toFixed(2));
const read = (name) => readFileSync(join(dir, name));

/** The entry file and every file it imports statically: what a page pays before any step opens. */
function eagerFiles(entry) {
  const seen = new Set([entry]);
  for (const name of seen) {
    const source = read(name).toString();
    for (const [, next] of source.matchAll(
      /(?:import|export)\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+)["']/g,
    )) {
      seen.add(next);
    }
  }
  return [...seen];
}

function sizes() {
  const eager = eagerFiles('tidings-optin.js');
  // Each file travels gzipped on its own: the sum of their gzipped sizes.
  const gzipped = Number(eager.reduce((sum, name) => sum + gzipKiB(read(name)), 0).toFixed(2));
  const minified = eager.reduce((sum, name) => sum + read(name).length, 0);
  return [
    {
      figure: 'widget JS, minified + gzipped, without phone metadata (what a page loads up front)',
      median: gzipped,
      runs: [gzipped],
      unit: 'KiB',
      files: eager,
      minifiedKiB: Number((minified / 1024).toFixed(1)),
      target: 20,
      ratioToTarget: Number((gzipped / 20).toFixed(2)),
    },
    {
      figure: 'phone chunk: libphonenumber-js with its full metadata, gzipped (lazy, phone step only)',
      median: gzipKiB(read('phone.js')),
      runs: [gzipKiB(read('phone.js'))],
      unit: 'KiB',
      minifiedKiB: Number((read('phone.js').length / 1024).toFixed(1)),
    },
    {
      figure: 'QR chunk: the QR encoder, gzipped (lazy, link step only)',
      median: gzipKiB(read('qr.js')),
      runs: [gzipKiB(read('qr.js'))],
      unit: 'KiB',
      minifiedKiB: Number((read('qr.js').length / 1024).toFixed(1)),
    },
  ];
}

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<link rel="icon" href="data:,"><script type="module" src="/widget/tidings-optin.js"></script></head>
<body><tidings-optin endpoint="/tidings" transports="whatsapp telegram"></tidings-optin></body></html>`;

async function startServer() {
  const whatsapp = sandboxTransport({ name: 'whatsapp' });
  const telegram = sandboxTransport({ name: 'telegram', addressKind: 'opaque' });
  const tidings = createTidings({ transports: [whatsapp, telegram], logger: silentLogger });
  await tidings.channels.create({ slug: 'news', name: 'News', isDefault: true });
  await tidings.channels.create({ slug: 'sport', name: 'Sport' });
  const api = toNodeHandler(tidings.handler);
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/tidings/')) return void api(req, res);
    if (req.url?.startsWith('/widget/')) {
      const name = req.url.slice('/widget/'.length);
      if (!/^[\w.-]+\.js$/.test(name)) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return void res.end(read(name));
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

async function timeToInteractive() {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const once = async () => {
      // A new context per run: a cold cache, as on a first visit.
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.addInitScript(() => {
        window.__ready = new Promise((resolve) =>
          document.addEventListener('tidings-ready', () => resolve(performance.now()), { once: true }),
        );
      });
      await tab.goto(server.url);
      const ms = await tab.evaluate(() => window.__ready);
      await context.close();
      return ms;
    };
    return await repeat(once, { runs: 9, warmup: 2 });
  } finally {
    await browser.close();
    server.close();
  }
}

export async function run() {
  const runs = await timeToInteractive();
  return [
    ...sizes(),
    {
      figure: 'page load to interactive widget (tidings-ready), headless Chromium, localhost',
      median: Number(median(runs).toFixed(1)),
      runs: runs.map((r) => Number(r.toFixed(1))),
      unit: 'ms',
    },
  ];
}
