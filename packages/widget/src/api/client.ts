import type { ChannelsResponse, OptinRequest, OptinStatus } from './api-types.js';
import { readSubmitOutcome, type SubmitOutcome } from './outcome.js';

/** The three calls the widget makes to a Tidings handler mounted at `endpoint`. */
export interface OptinClient {
  channels(lang: string, signal?: AbortSignal): Promise<ChannelsResponse>;
  submit(body: OptinRequest): Promise<SubmitOutcome>;
  /** `null` when the server does not know the token (404): treat as expired. */
  status(token: string, signal?: AbortSignal): Promise<OptinStatus | null>;
}

/** `https://x.example/tidings/` and `/tidings` both work; relative endpoints resolve against the page. */
export function endpointUrl(endpoint: string, path: string, base: string): URL {
  const root = new URL(endpoint.endsWith('/') ? endpoint : `${endpoint}/`, base);
  return new URL(path, root);
}

export function optinClient(
  endpoint: string,
  base: string,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
  now: () => number = Date.now,
): OptinClient {
  const url = (path: string) => endpointUrl(endpoint, path, base);
  const init = { credentials: 'omit', headers: { accept: 'application/json' } } as const;
  return {
    async channels(lang, signal) {
      const response = await fetchImpl(url(`channels?lang=${encodeURIComponent(lang)}`), {
        ...init,
        ...(signal ? { signal } : {}),
      });
      if (!response.ok) throw new Error(`GET /channels answered ${response.status}`);
      return (await response.json()) as ChannelsResponse;
    },
    async submit(body) {
      const response = await fetchImpl(url('optin'), {
        ...init,
        method: 'POST',
        headers: { ...init.headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return readSubmitOutcome(response, now());
    },
    async status(token, signal) {
      const response = await fetchImpl(url(`optin/${encodeURIComponent(token)}`), {
        ...init,
        ...(signal ? { signal } : {}),
      });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`GET /optin/:token answered ${response.status}`);
      return (await response.json()) as OptinStatus;
    },
  };
}
