import { TidingsError } from './tidings-error.js';

/** An issue as zod and other schema libraries report it. */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * The INVALID_OPTIONS error for a plugin's factory, naming every bad option — so `smtpNotifier({ host: '' })`
 * fails as `createTidings` does.
 *
 * @example
 * const parsed = optionsSchema.safeParse(options);
 * if (!parsed.success) throw invalidOptions('smtpNotifier', parsed.error.issues);
 */
export function invalidOptions(factory: string, issues: readonly SchemaIssue[]): TidingsError {
  const fields = issues.map((i) => ({ field: i.path.map(String).join('.') || '(root)', message: i.message }));
  const list = fields.map((i) => `${i.field}: ${i.message}`).join('; ');
  return new TidingsError('INVALID_OPTIONS', `Invalid ${factory} options — ${list}`, { issues: fields });
}
