import { dayIn } from '../../clock/day-in.js';
import { TidingsError } from '../../errors/tidings-error.js';
import type { Broadcast } from '../../model/broadcast.js';
import type { ConsentAction } from '../../model/consent.js';
import type { ConsentDailyCount } from '../../ports/store.js';
import { broadcastStats } from '../broadcasts/broadcast-stats.js';
import type { CoreContext } from '../core-context.js';
import { toCsv } from './csv.js';
import type { BroadcastFunnel, ConsentDay, ConsentStats, StatsApi, StatsRange } from './stats-api.js';
import { daysBetween, resolveRange, toMs } from './stats-range.js';

type Metric = 'signups' | 'confirmations' | 'unsubscribes';

/** Which ledger actions count as what, for all channels and for one channel (see `ConsentDay`). */
function metricsOf(action: ConsentAction, perChannel: boolean): Metric[] {
  switch (action) {
    case 'requested':
      return ['signups'];
    case 'opted-in':
      return ['signups', 'confirmations'];
    case 'confirmed':
      return ['confirmations'];
    case 'opted-out':
      return perChannel ? [] : ['unsubscribes'];
    case 'channel-removed':
      return perChannel ? ['unsubscribes'] : [];
    default:
      return [];
  }
}

function consentDays(counts: readonly ConsentDailyCount[], allDays: readonly string[]) {
  const totals = new Map<string, ConsentDay>(
    allDays.map((day) => [day, { day, channel: null, signups: 0, confirmations: 0, unsubscribes: 0 }]),
  );
  const byChannel = new Map<string, ConsentDay>();
  for (const c of counts) {
    const metrics = metricsOf(c.action, c.channel !== null);
    if (metrics.length === 0) continue;
    let row: ConsentDay | undefined;
    if (c.channel === null) row = totals.get(c.day);
    else {
      const k = `${c.day}\u0000${c.channel}`;
      row = byChannel.get(k);
      if (!row) {
        row = { day: c.day, channel: c.channel, signups: 0, confirmations: 0, unsubscribes: 0 };
        byChannel.set(k, row);
      }
    }
    if (!row) continue;
    for (const m of metrics) row[m] += c.count;
  }
  const sorted = [...byChannel.values()].sort((a, b) =>
    a.day === b.day ? (a.channel! < b.channel! ? -1 : 1) : a.day < b.day ? -1 : 1,
  );
  return { days: [...totals.values()], byChannel: sorted };
}

export function statsApi(ctx: CoreContext): StatsApi {
  const { store, workspaceId } = ctx;

  const consent = async (range: StatsRange): Promise<ConsentStats> => {
    const resolved = resolveRange(range);
    const dayOf = dayIn(resolved.timeZone);
    const counts = await store.consent.dailyCounts(workspaceId, resolved);
    return { ...resolved, ...consentDays(counts, daysBetween(dayOf(resolved.from), dayOf(resolved.to - 1))) };
  };

  const funnel = async (broadcast: Broadcast): Promise<BroadcastFunnel> => {
    const s = (await broadcastStats(ctx, broadcast.id))!;
    return {
      broadcastId: broadcast.id,
      name: broadcast.name,
      status: s.status,
      createdAt: broadcast.createdAt,
      startedAt: broadcast.startedAt,
      completedAt: broadcast.completedAt,
      total: s.total,
      queued: s.queued,
      sent: s.sent,
      delivered: s.delivered,
      read: s.read,
      clicked: s.clicked,
      failed: s.failed,
      skipped: s.skipped,
      cancelled: s.cancelled,
      reasons: s.reasons,
    };
  };

  type BroadcastQuery = Parameters<StatsApi['broadcasts']>[0];
  const broadcasts = async (query: BroadcastQuery = {}): Promise<BroadcastFunnel[]> => {
    const from = query.from === undefined ? -Infinity : toMs(query.from, 'from');
    const to = query.to === undefined ? Infinity : toMs(query.to, 'to');
    const limit = Math.min(Math.max(Math.trunc(query.limit ?? 50), 1), 200);
    const picked: Broadcast[] = [];
    let cursor: string | null = null;
    // Newest first: stop at the first one created before `from`.
    scan: do {
      const page = await store.broadcasts.list(workspaceId, { limit: 100, cursor });
      for (const b of page.items) {
        if (b.createdAt < from) break scan;
        if (b.createdAt >= to) continue;
        picked.push(b);
        if (picked.length === limit) break scan;
      }
      cursor = page.nextCursor;
    } while (cursor);
    return Promise.all(picked.map(funnel));
  };

  return {
    consent,
    async consentCsv(range) {
      const stats = await consent(range);
      const rows = [...stats.days, ...stats.byChannel]
        .sort((a, b) =>
          a.day === b.day ? (a.channel ?? '').localeCompare(b.channel ?? '') : a.day < b.day ? -1 : 1,
        )
        .map((d) => [d.day, d.channel ?? '*', d.signups, d.confirmations, d.unsubscribes]);
      return toCsv(['day', 'channel', 'signups', 'confirmations', 'unsubscribes'], rows);
    },
    async broadcast(id) {
      const broadcast = await store.broadcasts.get(workspaceId, id);
      if (!broadcast) throw new TidingsError('NOT_FOUND', `No broadcast ${id}.`);
      return funnel(broadcast);
    },
    broadcasts,
    async broadcastsCsv(query) {
      const list = await broadcasts(query);
      const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      const header = [
        'broadcast_id',
        'name',
        'status',
        'created_at',
        'started_at',
        'completed_at',
        'total',
        'queued',
        'sent',
        'delivered',
        'read',
        'clicked',
        'failed',
        'skipped',
        'cancelled',
        'reason',
        'reason_count',
      ];
      const rows = list.flatMap((f) => {
        const base = [
          f.broadcastId,
          f.name,
          f.status,
          iso(f.createdAt),
          iso(f.startedAt),
          iso(f.completedAt),
        ];
        const counts = [
          f.total,
          f.queued,
          f.sent,
          f.delivered,
          f.read,
          f.clicked,
          f.failed,
          f.skipped,
          f.cancelled,
        ];
        const reasons = Object.entries(f.reasons).sort(([a], [b]) => a.localeCompare(b));
        return [
          [...base, ...counts, null, null],
          ...reasons.map(([reason, n]) => [...base, ...counts.map(() => null), reason, n]),
        ];
      });
      return toCsv(header, rows);
    },
  };
}
