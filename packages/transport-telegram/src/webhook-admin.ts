import { TidingsError } from '@tidings/core';
import type { BotApi } from './bot-api.js';
import { allowedUpdates } from './polling.js';

export interface WebhookInfo {
  url: string;
  pending_update_count: number;
  last_error_date?: number;
  last_error_message?: string;
}

async function unwrap<T>(what: string, promise: ReturnType<BotApi['call']>): Promise<T> {
  const result = await promise;
  if (result.ok) return result.result as T;
  const why = 'network' in result ? result.network.message : `${result.error_code} ${result.description}`;
  throw new TidingsError('TRANSPORT_FAILED', `Telegram ${what} failed: ${why}`, {
    cause: 'network' in result ? result.network : result,
  });
}

/** Registers `url` as the bot's webhook with the secret Telegram will send in every request's header. */
export function setWebhook(
  api: BotApi,
  url: string,
  secretToken: string,
  options: { dropPendingUpdates?: boolean } = {},
): Promise<true> {
  return unwrap(
    'setWebhook',
    api.call('setWebhook', {
      url,
      secret_token: secretToken,
      allowed_updates: allowedUpdates,
      drop_pending_updates: options.dropPendingUpdates ?? false,
    }),
  );
}

export function deleteWebhook(api: BotApi, options: { dropPendingUpdates?: boolean } = {}): Promise<true> {
  return unwrap(
    'deleteWebhook',
    api.call('deleteWebhook', { drop_pending_updates: options.dropPendingUpdates ?? false }),
  );
}

export function getWebhookInfo(api: BotApi): Promise<WebhookInfo> {
  return unwrap('getWebhookInfo', api.call('getWebhookInfo', {}));
}
