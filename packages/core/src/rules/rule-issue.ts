import { type FieldIssue, TidingsError } from '../errors/tidings-error.js';

/** One problem with a rule set. Text input carries line and column; JSON input only the path. */
export interface RuleIssue {
  /** Where in the JSON form, e.g. `rules.2.actions.0.channel`; `text` for a problem with no JSON yet. */
  path: string;
  message: string;
  line: number | null;
  column: number | null;
}

/** A position in the text, 1-based, counted in characters (an emoji is one column). */
export interface SourcePosition {
  line: number;
  column: number;
}

export const issueAt = (position: SourcePosition | null, path: string, message: string): RuleIssue => ({
  path,
  message,
  line: position?.line ?? null,
  column: position?.column ?? null,
});

const where = (issue: RuleIssue) =>
  issue.line === null ? issue.path : `line ${issue.line}, column ${issue.column}`;

/** Sorted as a reader meets them: by line and column, path-only issues by path. */
export function sortIssues(issues: readonly RuleIssue[]): RuleIssue[] {
  return [...issues].sort(
    (a, b) =>
      (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.path.localeCompare(b.path),
  );
}

/** The INVALID_RULES error: every issue in the message and, structured, in `issues`. */
export function rulesError(issues: readonly RuleIssue[]): TidingsError {
  const sorted = sortIssues(issues);
  const fieldIssues: FieldIssue[] = sorted.map((i) => ({
    field: i.path,
    message: i.message,
    ...(i.line === null ? {} : { line: i.line, column: i.column ?? 1 }),
  }));
  const shown = sorted.slice(0, 20).map((i) => `${where(i)}: ${i.message}`);
  const more = sorted.length > shown.length ? `; and ${sorted.length - shown.length} more` : '';
  return new TidingsError(
    'INVALID_RULES',
    `Invalid rules (nothing was changed) — ${shown.join('; ')}${more}`,
    { issues: fieldIssues },
  );
}
