import {
  createTidings,
  type SandboxOptions,
  sandboxTransport,
  silentLogger,
  type TidingsOptions,
} from '../src/index.js';
import { manualClock, memoryStoreWithBackdoor, playSubscriber } from '../src/testing/index.js';

export const BASE = 'http://localhost/tidings';

/** A Tidings on the memory store, a sandbox and a manual clock, with three channels like the demo's. */
export async function setup(options: Partial<TidingsOptions> & { sandbox?: SandboxOptions } = {}) {
  const { sandbox: sandboxOptions, ...rest } = options;
  const clock = manualClock(Date.parse('2026-06-01T08:00:00Z'));
  const { store, backdoor } = memoryStoreWithBackdoor();
  const sandbox = sandboxTransport(sandboxOptions);
  const tidings = createTidings({
    store,
    clock,
    transports: [sandbox],
    logger: silentLogger,
    businessName: 'Newsroom',
    ...rest,
  });
  await tidings.channels.create({
    slug: 'news',
    name: 'News',
    keywords: ['NEWS'],
    welcome: 'Welcome to the news!',
    isDefault: true,
  });
  await tidings.channels.create({
    slug: 'sport',
    name: 'Sport',
    keywords: ['SPORT', 'FC Bayern'],
    welcome: 'Anpfiff! ⚽',
  });
  await tidings.channels.create({
    slug: 'culture',
    name: 'Culture',
    keywords: ['KULTUR'],
    welcome: 'Bühne frei 🎭',
  });
  await tidings.start();
  const phone = (address: string) => playSubscriber(sandbox, address);
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    tidings.handler(
      new Request(`${BASE}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
      { clientAddress: headers['x-test-client'] ?? '203.0.113.7' },
    );
  const getJson = async (path: string) => {
    const response = await tidings.handler(new Request(`${BASE}${path}`));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { tidings, sandbox, clock, store, backdoor, phone, post, getJson };
}

export type Setup = Awaited<ReturnType<typeof setup>>;
