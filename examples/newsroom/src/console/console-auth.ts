import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constantTimeEqual } from '@tidings/core';

const cookieName = 'newsroom_console';

/** A token for the console when `CONSOLE_TOKEN` is not set: printed by `main.ts` on start. */
export function generateConsoleToken(): string {
  return randomBytes(18).toString('base64url');
}

function cookieOf(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookieName) return decodeURIComponent(value.join('='));
  }
  return null;
}

/**
 * The console's gate: every `/console/api/*` call carries the token, as `Authorization: Bearer <token>` or in the
 * HttpOnly cookie the login sets (an EventSource cannot send headers). SameSite=Strict keeps other sites out.
 */
export interface ConsoleAuth {
  allows(req: IncomingMessage): boolean;
  matches(token: unknown): boolean;
  setCookie(res: ServerResponse, token: string | null): void;
}

export function consoleAuth(token: string): ConsoleAuth {
  const matches = (given: unknown) => typeof given === 'string' && constantTimeEqual(given, token);
  return {
    matches,
    allows(req) {
      const header = req.headers.authorization;
      if (header?.startsWith('Bearer ')) return matches(header.slice('Bearer '.length));
      return matches(cookieOf(req));
    },
    setCookie(res, value) {
      const attributes = 'Path=/console; HttpOnly; SameSite=Strict';
      res.setHeader(
        'set-cookie',
        value === null
          ? `${cookieName}=; ${attributes}; Max-Age=0`
          : `${cookieName}=${encodeURIComponent(value)}; ${attributes}`,
      );
    },
  };
}
