import { readdirSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sendProblem } from './responses.js';

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves `@tidings/widget`'s browser bundle under `/widget/`: the element, and the phone and QR chunks it
 * loads when their steps open. Read on first use (the widget is built by `pnpm build`), then kept.
 */
export function widgetAssets(): (res: ServerResponse, name: string) => void {
  let files: Map<string, Buffer> | null = null;
  const load = () => {
    const dir = dirname(createRequire(import.meta.url).resolve('@tidings/widget/browser'));
    return new Map(
      readdirSync(dir)
        .filter((name) => /\.js(\.map)?$/.test(name))
        .map((name) => [name, readFileSync(join(dir, name))]),
    );
  };
  return (res, name) => {
    try {
      files ??= load();
    } catch {
      sendProblem(res, 503, {
        title: 'Service Unavailable',
        detail: 'The widget is not built: run `pnpm build` (or `pnpm --filter @tidings/widget build`).',
      });
      return;
    }
    const file = files.get(name);
    if (!file) {
      sendProblem(res, 404, { title: 'Not Found', detail: `No widget file "${name}".` });
      return;
    }
    res.writeHead(200, {
      'content-type': types[name.slice(name.lastIndexOf('.'))]!,
      'content-length': file.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(file);
  };
}
