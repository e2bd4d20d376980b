import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, normalize } from 'node:path';
import { sendProblem } from '../responses.js';
import { consoleDist } from './console-paths.js';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The console loads only its own files: no inline script or style, nothing from elsewhere. */
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the console's Vite build (`console/dist`, made by `buildConsole()` on start and before the tests):
 * `index.html` at `/console`, the hashed bundles under `/console/assets/`. Files are read once, then kept.
 */
export function consoleAssets(): (res: ServerResponse, name: string, method?: string) => void {
  const cache = new Map<string, Buffer>();
  const read = (name: string): Buffer | null => {
    const path = normalize(name);
    if (path.startsWith('..') || path.includes('\0')) return null;
    let file = cache.get(path);
    if (!file) {
      try {
        file = readFileSync(join(consoleDist, path));
      } catch {
        return null;
      }
      cache.set(path, file);
    }
    return file;
  };
  return (res, name, method = 'GET') => {
    const file = read(name || 'index.html');
    if (!file) {
      const built = read('index.html') !== null;
      sendProblem(res, built ? 404 : 503, {
        title: built ? 'Not Found' : 'Service Unavailable',
        detail: built
          ? `No console file "${name}".`
          : 'The console is not built: start the demo with `pnpm demo`.',
      });
      return;
    }
    const ext = (name || 'index.html').slice((name || 'index.html').lastIndexOf('.'));
    res.writeHead(200, {
      'content-type': types[ext] ?? 'application/octet-stream',
      'content-length': file.length,
      // Bundles carry a content hash in their names; the page itself must always be fresh.
      'cache-control': name.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...(ext === '.html' ? { 'content-security-policy': contentSecurityPolicy } : {}),
    });
    res.end(method === 'HEAD' ? undefined : file);
  };
}
