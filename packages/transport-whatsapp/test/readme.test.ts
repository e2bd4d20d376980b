import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The README's first snippet runs as written, against the built package. */
const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('README', () => {
  it('runs the opening snippet', () => {
    const readme = readFileSync(`${packageDir}README.md`, 'utf8');
    const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const file = `${packageDir}.readme-snippet-${process.pid}.mjs`;
    writeFileSync(file, code);
    try {
      const run = spawnSync(process.execPath, [file], { cwd: packageDir, encoding: 'utf8', timeout: 20_000 });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(
        /^https:\/\/wa\.me\/15550783880\?text=START%20[a-z0-9]{20}\n\[ 'Hello from the Planet!' \]\n$/,
      );
    } finally {
      rmSync(file, { force: true });
    }
  });
});
