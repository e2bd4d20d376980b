/** Meta's Graph error envelope (PLATFORMS.md §1.4). */
export interface GraphError {
  message: string;
  type?: string;
  code: number;
  error_subcode?: number;
  error_data?: { messaging_product?: string; details?: string };
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
  fbtrace_id?: string;
}

/** What one Graph call came to: the answer, Meta's error, or no answer at all. */
export type GraphResult<T> =
  | { ok: true; body: T }
  | { ok: false; error: GraphError; status: number; retryAfterMs: number | null }
  | { ok: false; network: Error };

export interface GraphApi {
  post<T>(
    path: string,
    body: Record<string, unknown> | FormData,
    signal?: AbortSignal,
  ): Promise<GraphResult<T>>;
}

/** Calls `<baseUrl>/<version>/<path>` with the bearer token; never throws for HTTP or network failures. */
export function graphApi(baseUrl: string, version: string, token: string, fetchFn: typeof fetch): GraphApi {
  const root = `${baseUrl}/${version}/`;
  const authorization = `Bearer ${token}`;
  return {
    async post<T>(path: string, body: Record<string, unknown> | FormData, signal?: AbortSignal) {
      const init: RequestInit =
        body instanceof FormData
          ? { method: 'POST', body, headers: { authorization } }
          : {
              method: 'POST',
              body: JSON.stringify(body),
              headers: { authorization, 'content-type': 'application/json' },
            };
      if (signal) init.signal = signal;
      let response: Response;
      let text: string;
      try {
        response = await fetchFn(root + path, init);
        text = await response.text();
      } catch (error) {
        return { ok: false, network: error instanceof Error ? error : new Error(String(error)) };
      }
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // not Meta speaking: handled below
      }
      if (response.ok && json !== null && typeof json === 'object' && !('error' in json)) {
        return { ok: true, body: json as T };
      }
      const retryAfterMs = retryAfter(response.headers.get('retry-after'));
      const error = (json as { error?: GraphError } | null)?.error;
      if (error && typeof error.code === 'number')
        return { ok: false, error, status: response.status, retryAfterMs };
      // A proxy or load balancer: keep the status, quote the start of the body.
      return {
        ok: false,
        status: response.status,
        retryAfterMs,
        error: { code: -response.status, message: `HTTP ${response.status}: ${text.slice(0, 120)}` },
      };
    },
  };
}

function retryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
