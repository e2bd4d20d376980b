import type { FieldIssue } from '../errors/tidings-error.js';
import { fixedResponse } from './fixed-body.js';

export interface ProblemExtras {
  errors?: readonly FieldIssue[];
  code?: string;
  headers?: Record<string, string>;
}

/**
 * An RFC 9457 problem response. `errors` names each bad field; nothing internal is ever included.
 */
export function problemResponse(
  status: number,
  title: string,
  detail: string,
  extras: ProblemExtras = {},
): Response {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const body: Record<string, unknown> = {
    type: `urn:tidings:problem:${extras.code?.toLowerCase().replace(/_/g, '-') ?? slug}`,
    title,
    status,
    detail,
  };
  if (extras.code) body.code = extras.code;
  if (extras.errors?.length) body.errors = extras.errors;
  return fixedResponse(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...extras.headers },
  });
}
