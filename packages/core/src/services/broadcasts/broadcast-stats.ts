import type { BroadcastStatus } from '../../model/broadcast.js';
import type { LinkStats } from '../../ports/broadcast-store.js';
import type { CoreContext } from '../core-context.js';

/** A broadcast's progress and funnel (F21, F36). Funnel counts are cumulative: a read message was also delivered and sent. */
export interface BroadcastStats {
  status: BroadcastStatus;
  /** Deliveries created by the fan-out. */
  total: number;
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  clicked: number;
  failed: number;
  skipped: number;
  cancelled: number;
  /** Failed and skipped messages by reason. */
  reasons: Record<string, number>;
  links: LinkStats[];
}

export async function broadcastStats(ctx: CoreContext, broadcastId: string): Promise<BroadcastStats | null> {
  const { store, workspaceId } = ctx;
  const broadcast = await store.broadcasts.get(workspaceId, broadcastId);
  if (!broadcast) return null;
  const [outcomes, queued, links, clickers] = await Promise.all([
    store.messages.broadcastOutcomes(workspaceId, broadcastId),
    store.deliveries.countQueued(workspaceId, broadcastId),
    store.links.statsByBroadcast(workspaceId, broadcastId),
    store.links.countClickers(workspaceId, broadcastId),
  ]);
  const n = (s: keyof typeof outcomes.byStatus) => outcomes.byStatus[s] ?? 0;
  // Individual tracking knows who clicked; anonymous tracking only counts clicks.
  const clicked =
    broadcast.tracking === 'individual' ? clickers : links.reduce((sum, l) => sum + l.clicks, 0);

  return {
    status: broadcast.status,
    total: broadcast.fanout.total,
    queued,
    read: n('read'),
    delivered: n('delivered') + n('read'),
    sent: n('sent') + n('delivered') + n('read'),
    clicked,
    failed: n('failed'),
    skipped: n('skipped'),
    cancelled: broadcast.cancelledCount,
    reasons: outcomes.reasons,
    links,
  };
}
