/** The logger Tidings writes to. Pass `console` or your own (pino, winston…) in `createTidings({ logger })`. */
export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

const noop = () => {};

/** Drops debug and info, keeps warnings and errors on the console. */
export const defaultLogger: Logger = {
  debug: noop,
  info: noop,
  warn: (message, context) => console.warn(`[tidings] ${message}`, context ?? ''),
  error: (message, context) => console.error(`[tidings] ${message}`, context ?? ''),
};

export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };
