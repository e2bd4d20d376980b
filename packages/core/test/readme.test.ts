import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/** Docs that run: the READMEs' snippets are executed as written, against the built package. */
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const tsBlocks = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

let child: ChildProcess | null = null;
afterEach(() => child?.kill());

/** Runs a snippet as an ES module inside this package, so `@tidings/core` resolves to its own build. */
function runSnippet(code: string, env: Record<string, string> = {}) {
  const file = `${packageDir}.readme-snippet-${process.pid}-${Math.random().toString(36).slice(2)}.mjs`;
  writeFileSync(file, code);
  child = spawn(process.execPath, [file], { cwd: packageDir, env: { ...process.env, ...env } });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
  exited.finally(() => rmSync(file, { force: true }));
  /** Resolves with the output once it contains `text`, or when the process ends. */
  const waitFor = (text: string) =>
    new Promise<string>((resolve) => {
      const check = () => output.includes(text) && resolve(output);
      child!.stdout?.on('data', check);
      void exited.then(() => resolve(output));
      check();
    });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { exited, waitFor, output: () => output };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe('README snippets run', () => {
  it('the root README’s embedding example confirms a sign-up and serves the handler', async () => {
    const [example] = tsBlocks(`${packageDir}../../README.md`);
    const port = await freePort();
    const run = runSnippet(example!, { PORT: String(port) });
    expect(await run.waitFor("[ 'Welcome to the Daily Planet!' ]")).toContain('confirmed +4915112345678');
    let channels: Response | null = null;
    for (let i = 0; i < 100 && !channels; i++) {
      channels = await fetch(`http://127.0.0.1:${port}/tidings/channels`).catch(() => null);
      if (!channels) await new Promise((r) => setTimeout(r, 25));
    }
    expect(
      ((await channels!.json()) as { channels: { slug: string }[] }).channels.map((c) => c.slug),
    ).toEqual(['news', 'sport']);
  });

  it('the core README’s rules snippet replies, forwards signed and explains', async () => {
    const snippet = tsBlocks(`${packageDir}README.md`).find((block) => block.includes('tidings.rules.set('));
    const run = runSnippet(snippet!);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('POST https://crm.example.com/hook t=');
    expect(run.output()).toContain("[ 'Welcome!', 'Du bist dabei 💃' ]");
    expect(run.output()).toContain('line 4: runs — the text matches /^stopp?$/i');
  });

  it('the core README’s inbox example assigns, replies with the sign-off and hands over', async () => {
    const example = tsBlocks(`${packageDir}README.md`).find((b) => b.startsWith('// example: inbox'));
    const run = runSnippet(example!);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('assigned null → anna round-robin');
    expect(run.output()).toContain('Erika 1 unlimited Anna');
    expect(run.output()).toContain('assigned anna → ben hand-over');
    expect(run.output()).toContain("[ 'Hi Erika, we answer 8–18.\\n\\n— Anna, Daily Planet' ]");
  });

  it('the core README’s broadcast example sends, paced, and reports the stats', async () => {
    const example = tsBlocks(`${packageDir}README.md`).find((b) => b.startsWith('// example: broadcasts'));
    const run = runSnippet(example!);
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/^3\n/);
    expect(run.output()).toContain("status: 'completed'");
    expect(run.output()).toContain('sent: 3');
  });

  it('the core README’s first snippet prints the welcome', async () => {
    const [first] = tsBlocks(`${packageDir}README.md`);
    const run = runSnippet(first!);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Hello from the Planet!');
  });
});
