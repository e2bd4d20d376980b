import { buildConsole } from './build-console.js';

/** `pnpm --filter newsroom build:console`: the console's bundle alone (the demo's start builds it too). */
await buildConsole();
console.log('Built the console into console/dist.');
