import { readFileSync } from 'node:fs';

/** The ten examples of issue 3, in a plain text file that the rules benchmark reads as well. */
export const EXAMPLES = readFileSync(new URL('./fixtures/examples.rules', import.meta.url), 'utf8');
