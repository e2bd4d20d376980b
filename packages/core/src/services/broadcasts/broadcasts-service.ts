import { customAlphabet } from 'nanoid';
import { type SafeResult, toSafe } from '../../errors/safe.js';
import { TidingsError } from '../../errors/tidings-error.js';
import { parseOrThrow } from '../../errors/zod-issues.js';
import type { Broadcast, BroadcastContent, BroadcastStatus } from '../../model/broadcast.js';
import type { Page } from '../../ports/store.js';
import type { CoreContext } from '../core-context.js';
import {
  type CreateBroadcastInput,
  createBroadcastSchema,
  toTime,
  type UpdateBroadcastInput,
  updateBroadcastSchema,
  withoutUndefined,
} from './broadcast-input.js';
import { type BroadcastStats, broadcastStats } from './broadcast-stats.js';
import { checkContent } from './content-check.js';
import { type PreflightDeps, type PreflightReport, preflight } from './preflight.js';

const referenceId = customAlphabet('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', 6);

/** `tidings.broadcasts`: compose, schedule, pause, resume, cancel, check and follow broadcasts (F15–F25). */
export interface BroadcastsApi {
  /**
   * @example
   * await tidings.broadcasts.create({
   *   content: { text: 'Hallo {name|du}! Heute: https://example.com/news' },
   *   audience: { channels: ['sport'] },
   *   scheduledAt: 'now',
   *   tracking: 'anonymous',
   * });
   */
  create(input: CreateBroadcastInput): Promise<Broadcast>;
  safeCreate(input: CreateBroadcastInput): Promise<SafeResult<Broadcast>>;
  /** Edits a draft or scheduled broadcast; while sending, only the content and name (they reach everyone not yet sent). */
  update(id: string, patch: UpdateBroadcastInput): Promise<Broadcast>;
  pause(id: string): Promise<Broadcast>;
  resume(id: string): Promise<Broadcast>;
  /** Drops every delivery not yet sent. */
  cancel(id: string): Promise<Broadcast>;
  get(id: string): Promise<Broadcast | null>;
  list(query?: {
    status?: BroadcastStatus;
    limit?: number;
    cursor?: string | null;
  }): Promise<Page<Broadcast>>;
  /** What the broadcast (or a draft input) would do if it started now (F25). */
  preflight(idOrInput: string | CreateBroadcastInput): Promise<PreflightReport>;
  stats(id: string): Promise<BroadcastStats>;
}

export function broadcastsApi(
  ctx: CoreContext,
  deps: PreflightDeps & { fetch: typeof fetch; defaultSpreadMs: number },
): BroadcastsApi {
  const { store, workspaceId } = ctx;

  const must = async (id: string) => {
    const broadcast = await store.broadcasts.get(workspaceId, id);
    if (!broadcast) throw new TidingsError('NOT_FOUND', `No broadcast ${id}.`);
    return broadcast;
  };

  /** The messengers a broadcast can reach: those the audience names, else every one installed. */
  const transportsFor = (names: string[] | undefined) => {
    const all = [...ctx.transports.values()];
    if (!names) return all;
    const unknown = names.filter((n) => !ctx.transports.has(n));
    if (unknown.length) {
      throw new TidingsError('UNKNOWN_TRANSPORT', `No transport ${unknown.join(', ')}.`, {
        issues: unknown.map((n) => ({ field: 'audience.transports', message: `unknown transport "${n}"` })),
      });
    }
    return all.filter((t) => names.includes(t.name));
  };

  const checkChannels = async (slugs: string[] | undefined) => {
    if (!slugs) return;
    const { channels } = await ctx.channels.get();
    const issues = slugs.flatMap((slug, i) =>
      channels.some((c) => c.slug === slug)
        ? []
        : [{ field: `audience.channels.${i}`, message: `unknown channel "${slug}"` }],
    );
    if (issues.length)
      throw new TidingsError('UNKNOWN_CHANNEL', 'The audience names unknown channels.', { issues });
  };

  const changed = (broadcast: Broadcast) => {
    ctx.events.emit('broadcast.updated', { broadcast });
    ctx.wake();
    return broadcast;
  };

  const transition = async (id: string, from: BroadcastStatus[], to: BroadcastStatus, verb: string) => {
    const current = await must(id);
    const moved = await store.broadcasts.transition(workspaceId, id, from, to, ctx.clock.now());
    if (!moved) {
      throw new TidingsError('INVALID_INPUT', `Cannot ${verb} a broadcast that is ${current.status}.`, {
        issues: [{ field: 'status', message: current.status }],
      });
    }
    return moved;
  };

  const create = async (input: CreateBroadcastInput): Promise<Broadcast> => {
    const parsed = parseOrThrow(createBroadcastSchema, input, 'broadcast');
    if (parsed.tracking !== 'off' && !ctx.options.publicUrl) {
      throw new TidingsError(
        'INVALID_INPUT',
        'Link tracking needs the public URL of the handler: set publicUrl in createTidings.',
        {
          issues: [{ field: 'tracking', message: 'needs publicUrl' }],
        },
      );
    }
    await checkChannels(parsed.audience.channels);
    await checkContent(
      parsed.content as BroadcastContent,
      transportsFor(parsed.audience.transports),
      deps.fetch,
    );
    const now = ctx.clock.now();
    const scheduledAt = parsed.scheduledAt === undefined ? null : toTime(parsed.scheduledAt, now);
    const broadcast = await store.broadcasts.create({
      workspaceId,
      name: parsed.name ?? null,
      status: scheduledAt === null ? 'draft' : 'scheduled',
      content: parsed.content as BroadcastContent,
      audience: withoutUndefined(parsed.audience),
      scheduledAt,
      tracking: parsed.tracking,
      referenceId: parsed.referenceId ? referenceId() : null,
      spreadMs: parsed.spreadMs ?? deps.defaultSpreadMs,
      fanout: { cursor: null, done: false, total: 0, leaseUntil: null },
      createdAt: now,
      updatedAt: now,
      startedAt: null,
      completedAt: null,
      cancelledCount: 0,
    });
    return changed(broadcast);
  };

  return {
    create,
    safeCreate: (input) => toSafe(() => create(input)),
    async update(id, patch) {
      const parsed = parseOrThrow(updateBroadcastSchema, patch, 'broadcast update');
      const current = await must(id);
      const editable = ['draft', 'scheduled', 'sending', 'paused'];
      const structural =
        parsed.audience !== undefined || parsed.scheduledAt !== undefined || parsed.spreadMs !== undefined;
      const beforeStart = current.status === 'draft' || current.status === 'scheduled';
      if (!editable.includes(current.status) || (structural && !beforeStart)) {
        const message = editable.includes(current.status)
          ? `A ${current.status} broadcast keeps its audience and time; only its content and name can change.`
          : `A ${current.status} broadcast cannot be changed.`;
        throw new TidingsError('INVALID_INPUT', message, {
          issues: [{ field: 'status', message: current.status }],
        });
      }

      const audience = parsed.audience ?? current.audience;
      await checkChannels(parsed.audience?.channels);
      if (parsed.content)
        await checkContent(
          parsed.content as BroadcastContent,
          transportsFor(audience.transports),
          deps.fetch,
        );
      const now = ctx.clock.now();
      const next: Parameters<typeof store.broadcasts.update>[2] = {};
      if (parsed.name !== undefined) next.name = parsed.name;
      if (parsed.content !== undefined) next.content = parsed.content as BroadcastContent;
      if (parsed.audience !== undefined) next.audience = withoutUndefined(parsed.audience);
      if (parsed.tracking !== undefined) next.tracking = parsed.tracking;
      if (parsed.spreadMs !== undefined) next.spreadMs = parsed.spreadMs;
      if (parsed.scheduledAt !== undefined) {
        next.scheduledAt = parsed.scheduledAt === null ? null : toTime(parsed.scheduledAt, now);
        next.status = next.scheduledAt === null ? 'draft' : 'scheduled';
      }
      return changed((await store.broadcasts.update(workspaceId, id, next, now))!);
    },
    async pause(id) {
      return changed(await transition(id, ['scheduled', 'sending'], 'paused', 'pause'));
    },
    async resume(id) {
      const current = await must(id);
      return changed(
        await transition(id, ['paused'], current.startedAt === null ? 'scheduled' : 'sending', 'resume'),
      );
    },
    async cancel(id) {
      const cancelled = await transition(
        id,
        ['draft', 'scheduled', 'sending', 'paused'],
        'cancelled',
        'cancel',
      );
      const dropped = await store.deliveries.cancelBroadcast(workspaceId, id);
      const updated = await store.broadcasts.update(
        workspaceId,
        id,
        { cancelledCount: cancelled.cancelledCount + dropped },
        ctx.clock.now(),
      );
      return changed(updated!);
    },
    get: (id) => store.broadcasts.get(workspaceId, id),
    list: (query = {}) =>
      store.broadcasts.list(workspaceId, {
        limit: Math.min(Math.max(query.limit ?? 50, 1), 200),
        ...(query.status ? { status: query.status } : {}),
        cursor: query.cursor ?? null,
      }),
    async preflight(idOrInput) {
      if (typeof idOrInput === 'string') {
        const b = await must(idOrInput);
        return preflight(ctx, { audience: b.audience, content: b.content, spreadMs: b.spreadMs }, deps);
      }
      const parsed = parseOrThrow(createBroadcastSchema, idOrInput, 'broadcast');
      await checkChannels(parsed.audience.channels);
      return preflight(
        ctx,
        {
          audience: withoutUndefined(parsed.audience),
          content: parsed.content as BroadcastContent,
          spreadMs: parsed.spreadMs ?? deps.defaultSpreadMs,
        },
        deps,
      );
    },
    async stats(id) {
      const stats = await broadcastStats(ctx, id);
      if (!stats) throw new TidingsError('NOT_FOUND', `No broadcast ${id}.`);
      return stats;
    },
  };
}
