import type { ErrorCode } from './error-codes.js';

const brand = Symbol.for('tidings.error');

/** Where in an input a problem sits: a dotted path such as `channels.1` or `phone`. */
export interface FieldIssue {
  field: string;
  message: string;
  /** Where the input is text (rules): the 1-based line and column the problem starts at. */
  line?: number;
  column?: number;
}

export interface TidingsErrorOptions {
  cause?: unknown;
  issues?: FieldIssue[];
  retryAfterMs?: number;
}

/**
 * The one error family of Tidings. `code` is stable (UPPER_SNAKE) and safe to branch on;
 * the message says how to fix the problem.
 *
 * @example
 * try { await tidings.optins.start(input) }
 * catch (error) { if (TidingsError.isInstance(error) && error.code === 'INVALID_PHONE') … }
 */
export class TidingsError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly FieldIssue[];
  readonly retryAfterMs: number | undefined;
  readonly [brand] = true;

  constructor(code: ErrorCode, message: string, options: TidingsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TidingsError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.retryAfterMs = options.retryAfterMs;
  }

  /** True for any TidingsError, also one thrown by a second copy of this package. */
  static isInstance(value: unknown): value is TidingsError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
