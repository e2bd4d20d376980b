import { customAlphabet } from 'nanoid';
import { z } from 'zod';
import { tokenAlphabet, tokenLength } from '../../consent/command.js';
import { fillPlaceholders } from '../../consent/replies.js';
import { toFieldIssues } from '../../errors/zod-issues.js';
import { toE164 } from '../../phone/parse-phone.js';
import type { OptinStarted } from '../../services/optins-service.js';
import { transportFor } from '../../services/transports.js';
import { readJsonObject } from '../body.js';
import { clientAddressOf } from '../client-address.js';
import { httpError } from '../http-error.js';
import type { Route, RouteContext } from './route-context.js';

const bodySchema = z.object({
  transport: z.string().min(1).max(32).optional(),
  phone: z.string().trim().min(1).max(40).optional(),
  country: z.string().length(2).optional(),
  channels: z.array(z.string().min(1).max(63)).max(50).default([]),
  locale: z.string().min(2).max(10).optional(),
});

const decoyToken = customAlphabet(tokenAlphabet, tokenLength);

/** The one answer shape for every accepted sign-up, known number or not (no enumeration, F41). */
function accepted(
  started: Pick<
    OptinStarted,
    'token' | 'expiresAt' | 'transport' | 'address' | 'sender' | 'link' | 'channels' | 'notice'
  >,
): Response {
  return Response.json(
    {
      status: 'pending',
      token: started.token,
      expiresAt: new Date(started.expiresAt).toISOString(),
      transport: started.transport,
      // The visitor's own input, normalised: echoing it reveals nothing about who is registered.
      phone: started.address,
      sender: started.sender.display,
      link: started.link.url,
      text: started.link.text,
      qr: started.link.qrPayload,
      channels: started.channels,
      notice: started.notice,
    },
    { status: 202, headers: { 'cache-control': 'no-store' } },
  );
}

async function hashKey(value: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function limit(ctx: RouteContext, bucket: string, rule: { limit: number; windowMs: number }) {
  const { core } = ctx;
  const result = await core.store.rateLimits.consume(
    core.workspaceId,
    await hashKey(bucket),
    rule,
    core.clock.now(),
  );
  if (!result.allowed) {
    throw httpError('RATE_LIMITED', 'Too many sign-up attempts; try again later.', [], result.retryAfterMs);
  }
}

/** `POST /optin`: starts a double opt-in (F1, F41). Checks everything before anything is stored. */
export const startOptinRoute: Route = async (request, ctx) => {
  const { core } = ctx;
  const json = await readJsonObject(request, core.options.http.maxBodyBytes);
  const honeypot = json[core.options.optin.honeypotField];
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success)
    throw httpError('INVALID_INPUT', 'The sign-up request is invalid.', toFieldIssues(parsed.error));
  const body = parsed.data;
  const transport = transportFor(core, body.transport ?? [...core.transports.keys()][0]!);
  const address =
    transport.capabilities.addressKind === 'phone'
      ? toE164(body.phone ?? '', body.country ?? core.options.defaultCountry)
      : undefined;
  const { channels } = await core.channels.get();
  const unknown = body.channels.flatMap((slug, i) =>
    channels.some((c) => c.slug === slug && c.active)
      ? []
      : [{ field: `channels.${i}`, message: `unknown channel "${slug}"` }],
  );
  if (unknown.length) throw httpError('UNKNOWN_CHANNEL', 'Some chosen channels do not exist.', unknown);

  if (typeof honeypot === 'string' ? honeypot.length > 0 : honeypot !== undefined) {
    // A bot filled the hidden field: answer as if accepted, store nothing.
    const sender = transport.senders[0]!;
    const token = decoyToken();
    const replies =
      core.options.replies[body.locale ?? core.options.defaultLocale] ?? core.options.replies.en!;
    return accepted({
      token,
      expiresAt: core.clock.now() + core.options.optin.tokenTtlMs,
      transport: transport.name,
      address: address ?? null,
      sender,
      link: transport.optinLink(sender, token),
      channels: [...new Set(body.channels)],
      notice: fillPlaceholders(replies.notice, { business: core.options.businessName }),
    });
  }

  const client = clientAddressOf(request, ctx.handler, core.options.http.trustProxy);
  if (client) await limit(ctx, `optin:client:${client}`, core.options.optin.perClient);
  if (address) await limit(ctx, `optin:address:${transport.name}:${address}`, core.options.optin.perAddress);

  const started = await ctx.optins.start({
    transport: transport.name,
    ...(address ? { address } : {}),
    channels: body.channels,
    ...(body.locale ? { locale: body.locale } : {}),
    method: 'widget',
  });
  return accepted(started);
};
