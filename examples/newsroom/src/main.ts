import { postgresStore } from '@tidings/store-postgres';
import { buildConsole } from './console/build-console.js';
import { createNewsroom } from './create-app.js';
import { messengerFromEnv } from './real-messenger.js';

/** Reads the environment here only, so the app itself stays configurable from tests. */
const port = Number(process.env.PORT || 3000);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(1);
}

// Embedded PostgreSQL (PGlite) in a local folder by default, so sign-ups survive a restart; DATABASE_URL switches
// to a real server.
const dataDir = process.env.NEWSROOM_DATA || '.data/newsroom';
const store = process.env.DATABASE_URL
  ? postgresStore({ connectionString: process.env.DATABASE_URL })
  : postgresStore({ pglite: dataDir });
const token = process.env.TELEGRAM_BOT_TOKEN;
const env = process.env;
// A real WhatsApp number when its Cloud API credentials are set (see the README).
const whatsapp = env.WHATSAPP_ACCESS_TOKEN
  ? {
      senders: [
        {
          phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID ?? '',
          displayNumber: env.WHATSAPP_DISPLAY_NUMBER ?? '',
        },
      ],
      accessToken: env.WHATSAPP_ACCESS_TOKEN,
      appSecret: env.WHATSAPP_APP_SECRET ?? '',
      verifyToken: env.WHATSAPP_VERIFY_TOKEN ?? '',
      apiVersion: env.WHATSAPP_API_VERSION || 'v23.0',
      ...(env.WHATSAPP_BASE_URL ? { baseUrl: env.WHATSAPP_BASE_URL } : {}),
    }
  : undefined;
const messenger = messengerFromEnv(process.env);
// The console's page is a Vite build of console/src; building on every start keeps it in step with the sources.
await buildConsole();
const newsroom = await createNewsroom({
  ...(messenger ? { messenger } : {}),
  port,
  ...(process.env.CONSOLE_TOKEN ? { consoleToken: process.env.CONSOLE_TOKEN } : {}),
  messengerWindows: process.env.MESSENGER_WINDOWS === '1',
  host: process.env.HOST || 'localhost',
  store,
  ...(token
    ? {
        telegram: {
          token,
          ...(process.env.TELEGRAM_API_ROOT ? { apiRoot: process.env.TELEGRAM_API_ROOT } : {}),
        },
      }
    : {}),
  ...(whatsapp ? { whatsapp } : {}),
});
console.log(`Newsroom is running (data: ${process.env.DATABASE_URL ? 'DATABASE_URL' : dataDir}).
  Sign up:          ${newsroom.url}/
  Phone simulator:  ${newsroom.url}/phone
  Console:          ${newsroom.url}/console   token: ${newsroom.consoleToken}${
    process.env.CONSOLE_TOKEN ? ' (CONSOLE_TOKEN)' : ' (generated; set CONSOLE_TOKEN to choose one)'
  }
  Tidings API:      ${newsroom.url}/tidings/channels${
    newsroom.realTelegram
      ? `\n  Telegram:         @${newsroom.realTelegram.senders[0]?.id} (real Telegram, polling)`
      : ''
  }${
    newsroom.realMessenger
      ? `\n  Messenger:        page ${newsroom.realMessenger.senders[0]?.display}; webhook <public URL>/tidings/webhooks/messenger`
      : ''
  }${
    newsroom.realWhatsApp
      ? `\n  WhatsApp:         ${newsroom.realWhatsApp.senders[0]?.display} (real Cloud API; webhook: <public URL>/tidings/webhooks/whatsapp)`
      : ''
  }
Press Ctrl+C to stop.`);

const shutdown = async () => {
  await newsroom.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
