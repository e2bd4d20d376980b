import type { z } from 'zod';
import type { ErrorCode } from './error-codes.js';
import { type FieldIssue, TidingsError } from './tidings-error.js';

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Parses with zod and turns a failure into a TidingsError that names every bad field. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  code: ErrorCode = 'INVALID_INPUT',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error);
  const list = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  throw new TidingsError(code, `Invalid ${what} — ${list}`, { issues, cause: result.error });
}
