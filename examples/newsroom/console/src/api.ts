/** A problem answer from the console API: the status, what went wrong, and each issue (rules: with line and column). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: { field: string; message: string; line?: number; column?: number }[] = [],
  ) {
    super(message);
  }
}

let onUnauthorized: () => void = () => {};

/** The app shows the token gate again when the server answers 401 (e.g. after a restart with a new token). */
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

/** Calls `/console/api<path>`; the session cookie carries the token. */
export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`/console/api${path}`, {
    method,
    credentials: 'same-origin',
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const json = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (response.status === 401 && path !== '/session') onUnauthorized();
  if (!response.ok)
    throw new ApiError(json?.detail ?? response.statusText, response.status, json?.errors ?? []);
  return json as T;
}
