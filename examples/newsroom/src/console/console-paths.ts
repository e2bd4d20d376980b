import { fileURLToPath } from 'node:url';

/** The console's sources (the Vite root) and its build output. */
export const consoleRoot = fileURLToPath(new URL('../../console/', import.meta.url));
export const consoleDist = fileURLToPath(new URL('../../console/dist/', import.meta.url));
