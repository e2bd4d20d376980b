import { botApi, type TelegramTransport, telegramTransport } from '@tidings/transport-telegram';

export interface RealTelegramOptions {
  /** The bot's token from @BotFather. */
  token: string;
  /** Default `https://api.telegram.org`; the tests point it at the fake Telegram. */
  apiRoot?: string;
}

/**
 * A real Telegram bot in polling mode, for a laptop without a public URL: the bot's username comes from `getMe`,
 * so the token is all it takes. Polling fails with 409 while the bot has a webhook set elsewhere.
 */
export async function realTelegram(options: RealTelegramOptions): Promise<TelegramTransport> {
  const apiRoot = options.apiRoot ?? 'https://api.telegram.org';
  const me = await botApi(apiRoot, options.token, fetch).call<{ username: string }>('getMe', {});
  if (!me.ok) {
    const why = 'network' in me ? me.network.message : `${me.error_code} ${me.description}`;
    throw new Error(`TELEGRAM_BOT_TOKEN was not accepted by ${apiRoot} (getMe: ${why}).`);
  }
  return telegramTransport({ token: options.token, username: me.result.username, mode: 'polling', apiRoot });
}
