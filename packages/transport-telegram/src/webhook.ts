import { constantTimeEqual, type ParseResult, problemResponse } from '@tidings/core';
import { z } from 'zod';
import { type TelegramUpdate, toEvents } from './updates.js';

export const secretHeader = 'x-telegram-bot-api-secret-token';

const updateSchema = z.looseObject({ update_id: z.number().int() });

/**
 * Verifies a webhook POST by its secret header (constant-time) before reading the body, then normalises the
 * update. `?bot=<username>` in the webhook URL tells the bots apart; without it the first bot is meant.
 */
export async function parseWebhook(
  request: Request,
  secretToken: string | undefined,
  usernames: readonly string[],
): Promise<ParseResult> {
  if (request.method !== 'POST') {
    return {
      response: problemResponse(405, 'Method Not Allowed', 'Telegram webhooks are POST requests.', {
        headers: { allow: 'POST' },
      }),
    };
  }
  if (secretToken === undefined || !constantTimeEqual(request.headers.get(secretHeader) ?? '', secretToken)) {
    return {
      response: problemResponse(
        401,
        'Unauthorized',
        'The X-Telegram-Bot-Api-Secret-Token header is missing or wrong.',
      ),
    };
  }
  const bot = new URL(request.url).searchParams.get('bot') ?? usernames[0];
  if (bot === undefined || !usernames.includes(bot)) {
    return { response: problemResponse(404, 'Not Found', `No bot "@${bot}" on this transport.`) };
  }
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return { response: problemResponse(400, 'Bad Request', 'The body is not valid JSON.') };
  }
  const update = updateSchema.safeParse(json);
  if (!update.success) {
    return { response: problemResponse(400, 'Bad Request', 'The body is not a Telegram Update.') };
  }
  return { events: toEvents(update.data as TelegramUpdate, bot) };
}
