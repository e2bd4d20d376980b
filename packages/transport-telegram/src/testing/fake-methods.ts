import { type FakeParams, intParam } from './fake-body.js';
import type { FakeBot } from './fake-bot.js';
import { fakeErrors } from './fake-errors.js';
import { send, sendMethods } from './fake-send.js';
import type { FakeWorld } from './fake-world.js';

/** What a method answered: the `result`, and the optional `description` of the success envelope. */
export interface MethodAnswer {
  result: unknown;
  description?: string;
}

/** Runs one Bot API method (its name lower-cased: Telegram's method names are case-insensitive). */
export async function runMethod(
  world: FakeWorld,
  bot: FakeBot,
  method: string,
  params: FakeParams,
  hangUp: AbortSignal,
): Promise<MethodAnswer> {
  if (method in sendMethods) return { result: send(world, bot, method, params) };
  switch (method) {
    case 'getme':
      return {
        result: {
          id: bot.info.id,
          is_bot: true,
          first_name: bot.info.firstName,
          username: bot.info.username,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        },
      };
    case 'getupdates': {
      const limit = Math.min(100, Math.max(1, intParam(params, 'limit') ?? 100));
      const timeout = Math.max(0, intParam(params, 'timeout') ?? 0);
      return { result: await bot.getUpdates(intParam(params, 'offset'), limit, timeout, hangUp) };
    }
    case 'setwebhook':
      return setWebhook(bot, params);
    case 'deletewebhook': {
      const had = bot.webhook !== null;
      bot.setWebhook(null, params.drop_pending_updates === true);
      return { result: true, description: had ? 'Webhook was deleted' : 'Webhook is already deleted' };
    }
    case 'getwebhookinfo': {
      const w = bot.webhook;
      return {
        result: {
          url: w?.url ?? '',
          has_custom_certificate: false,
          pending_update_count: bot.updates.length,
          max_connections: 40,
          ...(w?.lastErrorDate !== undefined
            ? { last_error_date: w.lastErrorDate, last_error_message: w.lastErrorMessage }
            : {}),
          ...(w?.allowedUpdates ? { allowed_updates: w.allowedUpdates } : {}),
        },
      };
    }
  }
  throw fakeErrors.methodNotFound();
}

/** Any http(s) URL is taken (Telegram wants HTTPS on 443, 80, 88 or 8443; tests run on 127.0.0.1). */
function setWebhook(bot: FakeBot, params: FakeParams): MethodAnswer {
  const url = typeof params.url === 'string' ? params.url : '';
  const drop = params.drop_pending_updates === true;
  if (url === '') {
    const had = bot.webhook !== null;
    bot.setWebhook(null, drop);
    return { result: true, description: had ? 'Webhook was deleted' : 'Webhook is already deleted' };
  }
  if (!/^https?:\/\//.test(url)) throw fakeErrors.badWebhook('invalid URL');
  const secret = params.secret_token;
  if (secret !== undefined && (typeof secret !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) {
    throw fakeErrors.badSecret();
  }
  const same = bot.webhook?.url === url;
  bot.setWebhook(
    {
      url,
      ...(typeof secret === 'string' ? { secretToken: secret } : {}),
      ...(Array.isArray(params.allowed_updates)
        ? { allowedUpdates: params.allowed_updates as string[] }
        : {}),
    },
    drop,
  );
  return { result: true, description: same ? 'Webhook is already set' : 'Webhook was set' };
}
