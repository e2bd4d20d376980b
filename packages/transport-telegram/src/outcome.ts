import type { SendOutcome } from '@tidings/core';
import type { ApiResult } from './bot-api.js';

/** A Telegram `Message` as far as outcomes need it. */
export interface SentMessage {
  message_id: number;
  chat: { id: number | string };
}

/**
 * Turns one Bot API answer into an outcome the dispatcher understands (PLATFORMS.md §2.3). `bot` names the bot
 * in configuration errors; the token itself is never quoted.
 */
export function toOutcome(
  result: ApiResult<SentMessage>,
  bot: { username: string; token: string },
): SendOutcome {
  if (result.ok) {
    return { kind: 'accepted', providerMessageId: `${result.result.chat.id}:${result.result.message_id}` };
  }
  if ('network' in result) {
    return { kind: 'retry', retryAfterMs: null, reason: `network: ${result.network.message}` };
  }
  const code = String(result.error_code);
  const reason = result.description;
  const d = reason.toLowerCase();
  switch (result.error_code) {
    case 429: {
      const seconds = result.parameters?.retry_after ?? result.retryAfterHeader;
      return { kind: 'retry', retryAfterMs: seconds != null ? seconds * 1000 : null, reason, code };
    }
    case 403:
      if (d.includes('deactivated') || d.includes("can't initiate"))
        return { kind: 'recipient-gone', reason, code };
      return { kind: 'recipient-blocked', reason, code };
    case 400:
      if (d.includes('chat not found') || d.includes('user not found'))
        return { kind: 'recipient-gone', reason, code };
      if (result.parameters?.migrate_to_chat_id !== undefined) {
        return {
          kind: 'recipient-gone',
          reason: `${reason} (new chat id ${result.parameters.migrate_to_chat_id})`,
          code,
        };
      }
      return { kind: 'invalid', reason, code };
    case 401:
    case 404:
      return {
        kind: 'config-error',
        reason: `Telegram refused the token of @${bot.username} (bot id ${botId(bot.token)}): ${reason}. Check the token from @BotFather and apiRoot.`,
        code,
      };
    case 409:
      return {
        kind: 'config-error',
        reason: `${reason} — @${bot.username} is used by webhook and polling at once (or by two pollers); use one.`,
        code,
      };
  }
  if (result.error_code >= 500) return { kind: 'retry', retryAfterMs: null, reason, code };
  return { kind: 'invalid', reason, code };
}

/** The public part of a token (the bot's id before the colon): enough to tell which token, never the secret. */
export function botId(token: string): string {
  return token.split(':')[0] ?? '?';
}
