import { createNewsroom } from './create-app.js';

/** Reads the environment here only, so the app itself stays configurable from tests. */
const port = Number(process.env.PORT || 3000);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(1);
}

const token = process.env.TELEGRAM_BOT_TOKEN;
const newsroom = await createNewsroom({
  port,
  host: process.env.HOST || 'localhost',
  ...(token
    ? {
        telegram: {
          token,
          ...(process.env.TELEGRAM_API_ROOT ? { apiRoot: process.env.TELEGRAM_API_ROOT } : {}),
        },
      }
    : {}),
});
console.log(`Newsroom is running.
  Sign up:          ${newsroom.url}/
  Phone simulator:  ${newsroom.url}/phone
  Tidings API:      ${newsroom.url}/tidings/channels${
    newsroom.realTelegram
      ? `\n  Telegram:         @${newsroom.realTelegram.senders[0]?.id} (real Telegram, polling)`
      : ''
  }
Press Ctrl+C to stop.`);

const shutdown = async () => {
  await newsroom.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
