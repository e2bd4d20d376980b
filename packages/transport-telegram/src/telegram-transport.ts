import type { OutboundMessage, SenderAccount, SendOutcome, Transport, TransportContext } from '@tidings/core';
import { type BotApi, botApi } from './bot-api.js';
import { telegramCapabilities } from './capabilities.js';
import { deepLink } from './deep-link.js';
import { resolveOptions, type TelegramBot, type TelegramTransportOptions } from './options.js';
import { toOutcome } from './outcome.js';
import { pollUpdates } from './polling.js';
import { sendCalls } from './send-request.js';
import { parseWebhook } from './webhook.js';
import { deleteWebhook, getWebhookInfo, setWebhook, type WebhookInfo } from './webhook-admin.js';

/** The Telegram transport, with helpers to register its webhook. */
export interface TelegramTransport extends Transport {
  readonly mode: 'webhook' | 'polling';
  /** Registers `url?bot=<username>` as every bot's webhook, with the secret token. */
  setWebhooks(url: string, options?: { dropPendingUpdates?: boolean }): Promise<void>;
  /** Removes every bot's webhook (needed before polling). */
  deleteWebhooks(options?: { dropPendingUpdates?: boolean }): Promise<void>;
  webhookInfo(username?: string): Promise<WebhookInfo>;
}

/**
 * A Telegram Bot API transport: one or several bots as senders (F34), deep-link opt-in (F3), webhook or polling.
 *
 * @example
 * const telegram = telegramTransport({
 *   token: process.env.TELEGRAM_BOT_TOKEN!,
 *   username: 'newsroom_bot',
 *   mode: 'polling',
 * });
 * const tidings = createTidings({ transports: [telegram] });
 * await tidings.start(); // polls getUpdates until tidings.stop()
 */
export function telegramTransport(options: TelegramTransportOptions): TelegramTransport {
  const o = resolveOptions(options);
  const fetchFn = o.fetch ?? globalThis.fetch.bind(globalThis);
  const bots = new Map<string, { bot: TelegramBot; api: BotApi }>(
    o.allBots.map((bot) => [bot.username, { bot, api: botApi(o.apiRoot, bot.token, fetchFn) }]),
  );
  const usernames = [...bots.keys()];
  const senders: SenderAccount[] = o.allBots.map((b) => ({
    id: b.username,
    display: `@${b.username}`,
    capacity: b.capacity,
  }));
  const settings = { longText: o.longText, linkPreviews: o.linkPreviews };
  let polling: { controller: AbortController; loops: Promise<void>[] } | null = null;

  const apiOf = (username?: string) => {
    const entry = bots.get(username ?? usernames[0] ?? '');
    if (!entry) throw new RangeError(`telegramTransport has no bot @${username}`);
    return entry.api;
  };

  return {
    name: o.name,
    mode: o.mode,
    capabilities: telegramCapabilities,
    senders,
    async send(message: OutboundMessage, sendOptions?: { signal?: AbortSignal }): Promise<SendOutcome> {
      const entry = bots.get(message.sender.id);
      if (!entry) {
        return { kind: 'config-error', reason: `no bot @${message.sender.id} in telegramTransport's bots` };
      }
      const calls = sendCalls(message.to, message.content, settings);
      if (typeof calls === 'string') return { kind: 'invalid', reason: calls };
      const signal = sendOptions?.signal;
      let first: SendOutcome | null = null;
      for (const call of calls) {
        const outcome = toOutcome(await entry.api.call(call.method, call.body, signal), entry.bot);
        if (outcome.kind !== 'accepted') return outcome;
        first ??= outcome;
      }
      return first ?? { kind: 'invalid', reason: 'nothing to send' };
    },
    parse: (request) => parseWebhook(request, o.secretToken, usernames),
    optinLink: (sender, token) => deepLink(sender.id, token),
    start(context: TransportContext) {
      if (o.mode !== 'polling' || polling) return;
      const controller = new AbortController();
      const poll = {
        timeoutSeconds: o.pollTimeoutSeconds,
        backoffMaxMs: o.pollBackoffMaxMs,
        graceMs: o.pollGraceMs,
      };

      const loops = [...bots.values()].map(({ bot, api }) =>
        pollUpdates(api, bot.username, context, poll, controller.signal).catch((error: unknown) => {
          context.logger?.error(`telegram @${bot.username}: polling ended`, { error });
        }),
      );
      polling = { controller, loops };
    },
    async stop() {
      if (!polling) return;
      const { controller, loops } = polling;
      polling = null;
      controller.abort(new Error('telegram transport stopped'));
      await Promise.all(loops);
    },
    async setWebhooks(url, webhookOptions = {}) {
      if (!o.secretToken) throw new RangeError('setWebhooks needs the secretToken option');
      for (const username of usernames) {
        const target = new URL(url);
        target.searchParams.set('bot', username);
        await setWebhook(apiOf(username), target.toString(), o.secretToken, webhookOptions);
      }
    },
    async deleteWebhooks(webhookOptions = {}) {
      for (const username of usernames) await deleteWebhook(apiOf(username), webhookOptions);
    },
    webhookInfo: (username) => getWebhookInfo(apiOf(username)),
  };
}
