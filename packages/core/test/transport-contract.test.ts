import { sandboxFaults, sandboxTransport, type Tidings } from '../src/index.js';
import { transportContract } from '../src/testing/index.js';

/** The sandbox passes the same contract as every real messenger plugin. */
transportContract('sandbox', async () => {
  const sandbox = sandboxTransport({ secret: 'contract-secret' });
  const phones = new Map<string, string>();
  const blocked = new Set<string>();
  let rateLimit: number | null = null;
  let tidings: Tidings | null = null;
  const addressOf = (user: string) => {
    if (!phones.has(user)) phones.set(user, `+4915190000${String(phones.size).padStart(3, '0')}`);
    return phones.get(user)!;
  };
  sandbox.setBehaviour((message) => {
    if (rateLimit !== null) {
      const seconds = rateLimit;
      rateLimit = null;
      return sandboxFaults.rateLimited(seconds * 1000);
    }
    return blocked.has(message.to) ? sandboxFaults.blockedByRecipient() : undefined;
  });
  return {
    transport: sandbox,
    async connect(t) {
      tidings = t;
    },
    async userWrites(user, input) {
      await sandbox.simulateInbound({ from: addressOf(user), ...input });
      await tidings?.drain();
    },
    addressOf,
    async received(user) {
      return sandbox.messagesTo(addressOf(user)).map((m) => m.content.text ?? '');
    },
    async blockBy(user) {
      blocked.add(addressOf(user));
    },
    rateLimitNextSend(seconds) {
      rateLimit = seconds;
    },
    forgedWebhook() {
      return new Request('http://localhost/tidings/webhooks/sandbox', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sandbox-secret': 'wrong' },
        body: JSON.stringify({ from: addressOf('mallory'), text: 'START' }),
      });
    },
    async close() {},
  };
});
