import { silentLogger } from '@tidings/core';
import { createNewsroom, type Newsroom, type NewsroomOptions } from '../src/create-app.js';

/** A running demo on a free port, with helpers that speak to it over real HTTP. */
export async function startNewsroom(options: NewsroomOptions = {}) {
  const app: Newsroom = await createNewsroom({ port: 0, logger: silentLogger, ...options });
  const get = (path: string, init: RequestInit = {}) => fetch(`${app.url}${path}`, init);
  const postJson = (path: string, body: unknown) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const getJson = async <T = Record<string, unknown>>(path: string) => {
    const response = await get(path);
    return { status: response.status, body: (await response.json()) as T };
  };
  const simMessages = (address: string) =>
    getJson<{ messages: { id: string; text: string; purpose: string }[] }>(
      `/sim/messages?address=${encodeURIComponent(address)}`,
    );
  return { app, get, postJson, getJson, simMessages };
}

export type NewsroomFixture = Awaited<ReturnType<typeof startNewsroom>>;
