import type { NewsroomOptions } from '../../src/create-app.js';
import { type NewsroomFixture, startNewsroom } from '../newsroom-fixture.js';

export const consoleToken = 'test-console-token';

/** The demo with a known console token, and helpers that call `/console/api/*` with it (Bearer). */
export async function startConsole(options: NewsroomOptions = {}) {
  const newsroom: NewsroomFixture = await startNewsroom({ consoleToken, ...options });
  const call = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => {
    const response = await newsroom.get(`/console/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${consoleToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const type = response.headers.get('content-type') ?? '';
    const json = type.includes('json') ? await response.json() : null;
    return { status: response.status, body: json as T, response };
  };
  /** Confirmed subscribers on the phone sandbox: each writes START first. */
  const subscribe = async (...numbers: string[]) => {
    for (const from of numbers) await newsroom.app.sandbox.simulateInbound({ from, text: 'START' });
  };
  return { ...newsroom, call, subscribe };
}

export type ConsoleFixture = Awaited<ReturnType<typeof startConsole>>;
