import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

it('the README’s first snippet runs as written on PGlite (against the built package)', async () => {
  const [snippet] = [...readFileSync(`${packageDir}README.md`, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map(
    (m) => m[1]!,
  );
  const file = `${packageDir}.readme-snippet-${process.pid}.mjs`;
  writeFileSync(file, snippet!);
  try {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [file], { cwd: packageDir, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(output).toContain('Hello from Postgres!');
    expect(code).toBe(0);
  } finally {
    rmSync(file, { force: true });
  }
}, 60_000);
