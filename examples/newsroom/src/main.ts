import { createNewsroom } from './create-app.js';

/** Reads the environment here only, so the app itself stays configurable from tests. */
const port = Number(process.env.PORT || 3000);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}".`);
  process.exit(1);
}

const newsroom = await createNewsroom({ port, host: process.env.HOST || 'localhost' });
console.log(`Newsroom is running.
  Sign up:          ${newsroom.url}/
  Phone simulator:  ${newsroom.url}/phone
  Tidings API:      ${newsroom.url}/tidings/channels
Press Ctrl+C to stop.`);

const shutdown = async () => {
  await newsroom.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
