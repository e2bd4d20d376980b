// The server side of whatsapp.bench.mjs: Tidings with the WhatsApp transport and the memory store, its handler on
// node:http at 127.0.0.1. Prints the port; on "count" from the parent, prints how many messages were stored.
import { createServer } from 'node:http';
import { createTidings, memoryStore, sandboxTransport, silentLogger } from '@tidings/core';
import { toNodeHandler } from '@tidings/core/node';
import { whatsappTransport } from '@tidings/transport-whatsapp';

const whatsapp = whatsappTransport({
  senders: [{ phoneNumberId: process.env.PHONE_NUMBER_ID, displayNumber: '+15550783880' }],
  accessToken: 'EAAG-bench-token-0123456789',
  appSecret: process.env.APP_SECRET,
  verifyToken: 'bench',
  apiVersion: 'v23.0',
  baseUrl: 'http://127.0.0.1:9', // never called: nothing is sent (see subscribeOnFirstMessage)
});
const store = memoryStore();
// The sandbox's unsigned JSON webhook beside it: the same handler, pipeline and store without WhatsApp's envelope and
// signature, for a side-by-side ratio on a shared machine.
const sandbox = sandboxTransport({ keepSent: false });
const tidings = createTidings({
  store,
  transports: [whatsapp, sandbox],
  logger: silentLogger,
  businessName: 'Bench',
  // Ingest only: a first message does not subscribe (which would queue a welcome per request, paced at 80/s, and
  // measure the dispatcher instead). The built-ins still read every text.
  subscribeOnFirstMessage: false,
});
await tidings.channels.create({ slug: 'news', name: 'News', keywords: ['NEWS'], isDefault: true });
await tidings.start();
let received = 0;
tidings.on('message.received', () => {
  received++;
});
const server = createServer(toNodeHandler(tidings.handler));
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', async (m) => {
  if (m === 'count') process.send({ received });
  if (m === 'stop') {
    await tidings.stop();
    server.closeAllConnections();
    server.close();
    process.disconnect();
  }
});
