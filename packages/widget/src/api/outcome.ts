import type { FieldIssue, OptinStarted } from './api-types.js';
import { retryAfterMs } from './retry-after.js';

/** What became of a sign-up attempt, in the terms the form reacts to. */
export type SubmitOutcome =
  | { kind: 'started'; started: OptinStarted }
  | { kind: 'invalid'; issues: FieldIssue[] }
  | { kind: 'rate-limited'; retryAfterMs: number | null }
  | { kind: 'failed'; status: number | null };

function isStarted(body: unknown): body is OptinStarted {
  const b = body as Partial<OptinStarted> | null;
  return typeof b?.token === 'string' && typeof b.link === 'string' && typeof b.sender === 'string';
}

function issuesOf(body: unknown): FieldIssue[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (e): e is FieldIssue => typeof e?.field === 'string' && typeof e?.message === 'string',
  );
}

/** Reads the answer of `POST /optin`: 202, a problem with field errors, 429 with Retry-After, or a failure. */
export async function readSubmitOutcome(response: Response, now: number): Promise<SubmitOutcome> {
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 202 && isStarted(body)) return { kind: 'started', started: body };
  if (response.status === 429) {
    return { kind: 'rate-limited', retryAfterMs: retryAfterMs(response.headers.get('retry-after'), now) };
  }
  if (response.status === 422 || response.status === 400) {
    return { kind: 'invalid', issues: issuesOf(body) };
  }
  return { kind: 'failed', status: response.status };
}
