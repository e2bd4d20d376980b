import { TidingsError } from './tidings-error.js';

/** The result of a `safeX` twin: never throws a {@link TidingsError}, returns it. */
export type SafeResult<T> = { success: true; value: T } | { success: false; error: TidingsError };

/** Runs `fn`; a TidingsError becomes `{ success: false }`, anything else is rethrown (it is a bug). */
export async function toSafe<T>(fn: () => Promise<T>): Promise<SafeResult<T>> {
  try {
    return { success: true, value: await fn() };
  } catch (error) {
    if (TidingsError.isInstance(error)) return { success: false, error };
    throw error;
  }
}
