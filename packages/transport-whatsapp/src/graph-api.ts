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
  get<T>(path: string): Promise<GraphResult<T>>;
  /** Any URL with the bearer token (media downloads); the response as it is. */
  fetchWithToken(url: string): Promise<Response>;
}

/** Calls `<baseUrl>/<version>/<path>` with the bearer token; never throws for HTTP or network failures. */
export function graphApi(baseUrl: string, version: string, token: string, fetchFn: typeof fetch): GraphApi {
  const root = `${baseUrl}/${version}/`;
  const authorization = `Bearer ${token}`;
  const call = async <T>(path: string, init: RequestInit): Promise<GraphResult<T>> => {
    let response: Response;
    let text: string;
    try {
      response = await fetchFn(root + path, init);
      text = await response.text();
    } catch (error) {
      return { ok: false, network: error instanceof Error ? error : new Error(String(error)) };
    }
    return answerOf<T>(response, text);
  };
  return {
    get: <T>(path: string) => call<T>(path, { method: 'GET', headers: { authorization } }),
    fetchWithToken: (url) => fetchFn(url, { headers: { authorization } }),
    post<T>(path: string, body: Record<string, unknown> | FormData, signal?: AbortSignal) {
      const init: RequestInit =
        body instanceof FormData
          ? { method: 'POST', body, headers: { authorization } }
          : {
              method: 'POST',
              body: JSON.stringify(body),
              headers: { authorization, 'content-type': 'application/json' },
            };
      if (signal) init.signal = signal;
      return call<T>(path, init);
    },
  };
}

function answerOf<T>(response: Response, text: string): GraphResult<T> {
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
}

function retryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
