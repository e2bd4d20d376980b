import { build } from 'vite';
import { consoleDist, consoleRoot } from './console-paths.js';

/**
 * Builds the console (Preact, bundled by Vite) into `console/dist`, served at `/console`. `main.ts` runs it on
 * every start and the tests' global setup before the tests, so the served console always matches its sources.
 */
export async function buildConsole(): Promise<void> {
  await build({
    root: consoleRoot,
    base: '/console/',
    configFile: false,
    logLevel: 'warn',
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { outDir: consoleDist, emptyOutDir: true, sourcemap: true, target: 'es2022' },
  });
}
