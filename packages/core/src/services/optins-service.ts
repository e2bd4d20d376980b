import { customAlphabet } from 'nanoid';
import { z } from 'zod';
import { tokenAlphabet, tokenLength } from '../consent/command.js';
import { fillPlaceholders } from '../consent/replies.js';
import { type SafeResult, toSafe } from '../errors/safe.js';
import { TidingsError } from '../errors/tidings-error.js';
import { parseOrThrow } from '../errors/zod-issues.js';
import type { Contact } from '../model/contact.js';
import { type OptinToken, type OptinTokenStatus, tokenStatus } from '../model/optin-token.js';
import { toE164 } from '../phone/parse-phone.js';
import type { OptinLink } from '../ports/transport.js';
import type { CoreContext } from './core-context.js';
import { appendLedger } from './ledger.js';
import { transportFor } from './transports.js';

const newToken = customAlphabet(tokenAlphabet, tokenLength);

const startSchema = z.object({
  transport: z.string().min(1),
  /** The phone number, for messengers that address by phone (WhatsApp, the sandbox). */
  address: z.string().trim().min(1).max(40).optional(),
  /** ISO country for national phone formats. */
  country: z.string().length(2).toUpperCase().optional(),
  channels: z.array(z.string().min(1).max(63)).max(50).default([]),
  locale: z.string().min(2).max(10).optional(),
  method: z.enum(['widget', 'api']).default('api'),
  meta: z.record(z.string(), z.string().max(500)).optional(),
});

export type OptinStartInput = z.input<typeof startSchema>;

/** A started sign-up: show the link (and QR code of it); the person confirms by sending it. */
export interface OptinStarted {
  token: string;
  status: 'pending';
  expiresAt: number;
  transport: string;
  /** The number in E.164, for messengers that sign up by phone; null otherwise. */
  address: string | null;
  sender: { id: string; display: string };
  link: OptinLink;
  channels: string[];
  /** The consent notice recorded with the request. */
  notice: string;
}

export interface OptinStatus {
  status: OptinTokenStatus;
  expiresAt: number;
  /** Pending: the chosen channels and the default one. Confirmed: the channels the contact is in now. */
  channels: string[];
}

/** `tidings.optins`: double opt-in (F1, F3, F4). */
export interface OptinsApi {
  /**
   * Starts a double opt-in: a pending contact (where the messenger addresses by phone), a single-use token,
   * and the deep link that carries it. Nothing is sent; the person confirms by writing first.
   * @example
   * const { link } = await tidings.optins.start({ transport: 'whatsapp', address: '+4915112345678', channels: ['sport'] });
   */
  start(input: OptinStartInput): Promise<OptinStarted>;
  safeStart(input: OptinStartInput): Promise<SafeResult<OptinStarted>>;
  status(token: string): Promise<OptinStatus | null>;
}

export function optinsApi(ctx: CoreContext): OptinsApi {
  const { store, workspaceId } = ctx;

  const checkChannels = async (slugs: string[]) => {
    const { channels } = await ctx.channels.get();
    const issues = slugs.flatMap((slug, i) =>
      channels.some((c) => c.slug === slug && c.active)
        ? []
        : [{ field: `channels.${i}`, message: `unknown channel "${slug}"` }],
    );
    if (issues.length) {
      throw new TidingsError(
        'UNKNOWN_CHANNEL',
        `Unknown or inactive channels: ${issues.map((i) => i.message).join(', ')}.`,
        { issues },
      );
    }
    return [...new Set(slugs)];
  };

  const poolFull = (transport: string) =>
    new TidingsError(
      'SENDER_POOL_FULL',
      `Every sender of "${transport}" is at capacity; add a sender or raise a capacity.`,
    );

  /** A pending contact for a phone address; an existing contact keeps its state and sender. */
  const pendingContact = async (
    transport: string,
    address: string,
    locale: string | null,
  ): Promise<Contact> => {
    const pool = transportFor(ctx, transport).senders.map((s) => ({ id: s.id, capacity: s.capacity }));
    const result = await store.contacts.getOrCreate(
      {
        workspaceId,
        transport,
        address,
        phone: address,
        name: null,
        locale,
        state: 'pending',
        blockedAt: null,
        blockedReason: null,
        attributes: {},
        tags: [],
        lastInboundAt: null,
      },
      { pool },
      ctx.clock.now(),
    );
    if (!result.contact) throw poolFull(transport);
    return result.contact;
  };

  /** Where no address is known up front, the least-loaded sender with room. */
  const senderForUnknown = async (transport: string) => {
    const senders = transportFor(ctx, transport).senders;
    const counts = await store.contacts.countBySender(workspaceId, transport);
    const withRoom = senders.filter((s) => (counts.get(s.id) ?? 0) < s.capacity);
    const best = withRoom.sort(
      (a, b) => (counts.get(a.id) ?? 0) / a.capacity - (counts.get(b.id) ?? 0) / b.capacity,
    )[0];
    if (!best) throw poolFull(transport);
    return best.id;
  };

  /** Before confirmation: what was chosen plus the default channel; after: what the contact really joined. */
  const channelsOf = async (token: OptinToken, status: OptinTokenStatus): Promise<string[]> => {
    const { channels } = await ctx.channels.get();
    if (status === 'confirmed' && token.usedByContactId) {
      const subs = await store.subscriptions.listByContact(workspaceId, token.usedByContactId);
      return channels.filter((c) => subs.some((s) => s.channelId === c.id)).map((c) => c.slug);
    }
    return channels
      .filter((c) => (c.isDefault && c.active) || token.channels.includes(c.slug))
      .map((c) => c.slug);
  };

  const start = async (input: OptinStartInput): Promise<OptinStarted> => {
    const parsed = parseOrThrow(startSchema, input, 'opt-in');
    const transport = transportFor(ctx, parsed.transport);
    const channels = await checkChannels(parsed.channels);
    const locale = parsed.locale ?? ctx.options.defaultLocale;
    const byPhone = transport.capabilities.addressKind === 'phone';
    if (byPhone && !parsed.address) {
      throw new TidingsError('INVALID_PHONE', `A phone number is needed to sign up on ${transport.name}.`, {
        issues: [{ field: 'phone', message: 'required' }],
      });
    }
    const address = byPhone ? toE164(parsed.address!, parsed.country ?? ctx.options.defaultCountry) : null;
    const contact = address ? await pendingContact(transport.name, address, locale) : null;
    const senderId = contact?.senderId ?? (await senderForUnknown(transport.name));
    const sender = transport.senders.find((s) => s.id === senderId) ?? transport.senders[0]!;
    const replies =
      ctx.options.replies[locale] ??
      ctx.options.replies[ctx.options.defaultLocale] ??
      ctx.options.replies.en!;
    const notice = fillPlaceholders(replies.notice, { business: ctx.options.businessName });
    const now = ctx.clock.now();
    const token: OptinToken = {
      token: newToken(),
      workspaceId,
      transport: transport.name,
      senderId: sender.id,
      contactId: contact?.id ?? null,
      address,
      channels,
      locale,
      method: parsed.method,
      noticeText: notice,
      createdAt: now,
      expiresAt: now + ctx.options.optin.tokenTtlMs,
      usedAt: null,
      usedByContactId: null,
      revokedAt: null,
    };
    await store.optinTokens.insert(token);
    if (contact) {
      await appendLedger(ctx, contact, {
        action: 'requested',
        method: parsed.method,
        channels,
        noticeText: notice,
        detail: parsed.meta ? JSON.stringify(parsed.meta) : null,
      });
      if (contact.state === 'pending') ctx.events.emit('contact.pending', { contact, token: token.token });
    }
    return {
      token: token.token,
      status: 'pending',
      expiresAt: token.expiresAt,
      transport: transport.name,
      address,
      sender: { id: sender.id, display: sender.display },
      link: transport.optinLink(sender, token.token),
      channels,
      notice,
    };
  };

  return {
    start,
    safeStart: (input) => toSafe(() => start(input)),
    async status(value) {
      const token = await store.optinTokens.get(workspaceId, value.toLowerCase());
      if (!token) return null;
      const status = tokenStatus(token, ctx.clock.now());
      return { status, expiresAt: token.expiresAt, channels: await channelsOf(token, status) };
    },
  };
}
