import { createHmac } from 'node:crypto';

/** The Graph API's error object (PLATFORMS.md §3.1). */
export interface GraphError {
  message: string;
  type?: string;
  code: number;
  error_subcode?: number;
  fbtrace_id?: string;
}

/** A successful Send API answer. */
export interface SendResponse {
  recipient_id?: string;
  message_id: string;
}

/** What one call came to: the answer, Graph's error with the HTTP status and any wait hint, or no answer. */
export type GraphResult<T> =
  | { ok: true; result: T }
  | { ok: false; status: number; error: GraphError; retryAfterMs: number | null }
  | { ok: false; network: Error };

export interface GraphApi {
  post<T>(path: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<GraphResult<T>>;
}

/** `appsecret_proof`: HMAC-SHA256 of the access token keyed by the app secret, hex. */
export function appSecretProof(accessToken: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

/**
 * Posts JSON to `<baseUrl>/<version>/<path>` with the page token and its `appsecret_proof` as parameters. Never
 * throws for HTTP or network failures.
 */
export function graphApi(
  base: { baseUrl: string; version: string; accessToken: string; appSecret: string },
  fetchFn: typeof fetch,
): GraphApi {
  const query = new URLSearchParams({
    access_token: base.accessToken,
    appsecret_proof: appSecretProof(base.accessToken, base.appSecret),
  }).toString();
  return {
    async post<T>(
      path: string,
      body: Record<string, unknown>,
      signal?: AbortSignal,
    ): Promise<GraphResult<T>> {
      const init: RequestInit = {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      };
      if (signal) init.signal = signal;
      let response: Response;
      let text: string;
      try {
        response = await fetchFn(`${base.baseUrl}/${base.version}/${path}?${query}`, init);
        text = await response.text();
      } catch (error) {
        return { ok: false, network: error instanceof Error ? error : new Error(String(error)) };
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      const retryAfterMs = waitHint(response.headers);
      if (response.ok && isObject(json) && !('error' in json)) return { ok: true, result: json as T };
      if (isObject(json) && isObject(json.error) && typeof json.error.code === 'number') {
        return {
          ok: false,
          status: response.status,
          error: json.error as unknown as GraphError,
          retryAfterMs,
        };
      }
      // Not Graph speaking (a proxy, a load balancer): keep the status, quote the start of the body.
      return {
        ok: false,
        status: response.status,
        error: {
          code: response.status,
          message: `HTTP ${response.status}: ${text.slice(0, 120) || response.statusText}`,
        },
        retryAfterMs,
      };
    },
  };
}

/**
 * How long Graph asks us to wait: a `Retry-After` header in seconds, else the largest
 * `estimated_time_to_regain_access` (minutes) in `X-Business-Use-Case-Usage`; null when neither is there.
 */
export function waitHint(headers: Headers): number | null {
  const seconds = Number(headers.get('retry-after'));
  if (headers.has('retry-after') && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const usage = headers.get('x-business-use-case-usage');
  if (!usage) return null;
  try {
    const parsed = JSON.parse(usage) as Record<string, { estimated_time_to_regain_access?: number }[]>;
    const minutes = Object.values(parsed)
      .flat()
      .map((u) => u.estimated_time_to_regain_access ?? 0);
    const most = Math.max(0, ...minutes);
    return most > 0 ? most * 60_000 : null;
  } catch {
    return null;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
