import { buildConsole } from '../src/console/build-console.js';

/** Vitest global setup: the console's bundle, built from its sources before any test serves it. */
export default async function setup(): Promise<void> {
  await buildConsole();
}
