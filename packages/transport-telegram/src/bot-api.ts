/** The Bot API's error envelope, as Telegram sends it (PLATFORMS.md §2.1). */
export interface ApiFailure {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** What one call came to: Telegram's answer, or no answer at all. */
export type ApiResult<T> =
  | { ok: true; result: T }
  | (ApiFailure & { retryAfterHeader: number | null })
  | { ok: false; network: Error };

/** A request body: JSON for plain calls, multipart when a file is uploaded. */
export type ApiBody = Record<string, unknown> | FormData;

export interface BotApi {
  call<T>(method: string, body: ApiBody, signal?: AbortSignal): Promise<ApiResult<T>>;
}

/** Calls `<apiRoot>/bot<token>/<method>`; never throws for HTTP or network failures. */
export function botApi(apiRoot: string, token: string, fetchFn: typeof fetch): BotApi {
  const base = `${apiRoot}/bot${token}/`;
  return {
    async call<T>(method: string, body: ApiBody, signal?: AbortSignal): Promise<ApiResult<T>> {
      const init: RequestInit =
        body instanceof FormData
          ? { method: 'POST', body }
          : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
      if (signal) init.signal = signal;
      let response: Response;
      let text: string;
      try {
        response = await fetchFn(base + method, init);
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
      if (isEnvelope(json)) {
        if (json.ok) return { ok: true, result: json.result as T };
        const header = Number(response.headers.get('retry-after'));
        return {
          ...(json as ApiFailure),
          retryAfterHeader: Number.isFinite(header) && header > 0 ? header : null,
        };
      }
      // Not the Bot API speaking (a proxy, a load balancer): keep the status, quote the start of the body.
      return {
        ok: false,
        error_code: response.status,
        description: `HTTP ${response.status}: ${text.slice(0, 120) || response.statusText}`,
        retryAfterHeader: null,
      };
    },
  };
}

function isEnvelope(json: unknown): json is { ok: true; result: unknown } | ApiFailure {
  return typeof json === 'object' && json !== null && typeof (json as { ok?: unknown }).ok === 'boolean';
}
