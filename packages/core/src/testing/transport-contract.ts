import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import type { Transport } from '../ports/transport.js';
import { memoryStore } from '../store/memory/memory-store.js';
import { createTidings, type Tidings } from '../tidings.js';

/**
 * What a transport package gives `transportContract`: its transport, wired to its own fake platform, and a few
 * moves on that platform. Users are named by the test (`'ada'`); the harness maps them to platform users.
 */
export interface TransportHarness {
  transport: Transport;
  /** Connects the platform's inbound side to this Tidings: registers a webhook to its handler, or starts polling. */
  connect(tidings: Tidings): Promise<void>;
  /** The user writes to the transport's first sender; resolves once Tidings handled it and sent what it made due. */
  userWrites(user: string, input: { text?: string; startPayload?: string }): Promise<void>;
  /** The address Tidings knows the user by (a phone, a chat id, a page-scoped id). */
  addressOf(user: string): string;
  /** The texts the user received, oldest first. */
  received(user: string): Promise<string[]>;
  /** From now on the user has blocked the sender: sends to them are refused by the platform. */
  blockBy(user: string): Promise<void>;
  /** The platform answers the next send with its rate-limit error, asking to retry after this many seconds. */
  rateLimitNextSend(retryAfterSeconds: number): void;
  /** A webhook request as the platform would make it but with a wrong signature or secret; null for polling. */
  forgedWebhook(): Request | null;
  close(): Promise<void>;
}

/**
 * The suite every messenger plugin must pass (F39), against its own fake platform.
 *
 * @example
 * transportContract('telegram', async () => telegramHarness());
 */
export function transportContract(name: string, makeHarness: () => Promise<TransportHarness>): void {
  describe(`transport contract: ${name}`, () => {
    let h: TransportHarness;
    let tidings: Tidings;
    beforeAll(async () => {
      h = await makeHarness();
      // Behaviour, not pacing (the dispatcher's own tests cover pacing): replies go out at once.
      tidings = createTidings({
        store: memoryStore(),
        transports: [h.transport],
        logger: silentLogger,
        businessName: 'Contract',
        pacing: {
          [h.transport.name]: { perSenderPerSecond: Number.POSITIVE_INFINITY, perRecipientGapMs: 0 },
        },
      });

      await tidings.channels.create({
        slug: 'news',
        name: 'News',
        keywords: ['NEWS'],
        welcome: 'Welcome to the news!',
        isDefault: true,
      });
      await tidings.start();
      await h.connect(tidings);
    });
    afterAll(async () => {
      await tidings?.stop();
      await h?.close();
    });
    const t = () => h.transport;

    it('declares a name, senders and sane capabilities', () => {
      expect(t().name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(t().senders.length).toBeGreaterThan(0);
      for (const s of t().senders) {
        expect(s.id).toBeTruthy();
        expect(s.display).toBeTruthy();
        expect(s.capacity).toBeGreaterThan(0);
      }
      const c = t().capabilities;
      expect(c.textMaxLength).toBeGreaterThan(0);
      expect(c.captionMaxLength).toBeGreaterThan(0);
      expect(c.perSenderPerSecond).toBeGreaterThan(0);
      expect(c.perRecipientGapMs).toBeGreaterThanOrEqual(0);
      expect(c.serviceWindowMs === null || c.serviceWindowMs > 0).toBe(true);
      for (const limit of Object.values(c.media)) {
        expect(limit.maxBytes).toBeGreaterThan(0);
        expect(limit.mimeTypes.length).toBeGreaterThan(0);
      }
    });

    it('makes a deep link that carries the opt-in token', () => {
      const link = t().optinLink(t().senders[0]!, 'abcdefghij0123456789');
      expect(link.url).toContain('abcdefghij0123456789');
      expect(link.qrPayload).toBeTruthy();
    });

    it('a user who writes START is subscribed and gets the default welcome', async () => {
      await h.userWrites('ada', { text: 'START' });
      expect(await h.received('ada')).toContain('Welcome to the news!');
      const contact = await tidings.contacts.find({ transport: t().name, address: h.addressOf('ada') });
      expect(contact?.state).toBe('confirmed');
    });

    it('a deep-link opt-in confirms the contact who carries the token', async () => {
      const byPhone = t().capabilities.addressKind === 'phone';
      const started = await tidings.optins.start({
        transport: t().name,
        ...(byPhone ? { address: h.addressOf('bea') } : {}),
      });
      await h.userWrites(
        'bea',
        byPhone ? { text: started.link.text ?? `START ${started.token}` } : { startPayload: started.token },
      );
      expect((await tidings.optins.status(started.token))?.status).toBe('confirmed');
      expect((await tidings.contacts.find({ transport: t().name, address: h.addressOf('bea') }))?.state).toBe(
        'confirmed',
      );
    });

    it('STOP unsubscribes with a confirmation', async () => {
      await h.userWrites('cem', { text: 'START' });
      await h.userWrites('cem', { text: 'STOP' });
      expect((await h.received('cem')).at(-1)).toContain('unsubscribed');
      expect((await tidings.contacts.find({ transport: t().name, address: h.addressOf('cem') }))?.state).toBe(
        'unsubscribed',
      );
    });

    it('answers a send with an outcome: accepted with an id, retry after the platform’s time, recipient blocked', async () => {
      await h.userWrites('dan', { text: 'START' });
      const sender = t().senders[0]!;
      const send = (text: string) =>
        t().send({
          sender,
          to: h.addressOf('dan'),
          content: { text },
          purpose: 'agent',
          messageId: `contract-${text}`,
        });
      const accepted = await send('one');
      expect(accepted.kind).toBe('accepted');
      expect(accepted.kind === 'accepted' && accepted.providerMessageId).toBeTruthy();
      h.rateLimitNextSend(7);
      const limited = await send('two');
      expect(limited).toMatchObject({ kind: 'retry', retryAfterMs: 7000 });
      await h.blockBy('dan');
      const blocked = await send('three');
      expect(['recipient-blocked', 'recipient-gone']).toContain(blocked.kind);
    });

    it('refuses text longer than it declares, without sending it whole', async () => {
      await h.userWrites('eva', { text: 'START' });
      const before = (await h.received('eva')).length;
      const long = 'x'.repeat(t().capabilities.textMaxLength + 1);
      const outcome = await t().send({
        sender: t().senders[0]!,
        to: h.addressOf('eva'),
        content: { text: long },
        purpose: 'agent',
        messageId: 'contract-long',
      });
      const after = await h.received('eva');
      // Either refused as invalid, or split into parts no longer than the limit.
      if (outcome.kind === 'invalid') expect(after.length).toBe(before);
      else
        expect(after.slice(before).every((text) => text.length <= t().capabilities.textMaxLength)).toBe(true);
      expect(after).not.toContain(long);
    });

    it('refuses a forged webhook and stores nothing', async () => {
      const forged = h.forgedWebhook();
      if (!forged) return;
      const result = await t().parse(forged);
      expect(result.events ?? []).toEqual([]);
      expect(result.response?.status).toBeGreaterThanOrEqual(400);
      expect(result.response?.status).toBeLessThan(500);
    });
  });
}
