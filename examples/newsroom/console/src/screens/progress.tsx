import type { BroadcastStats } from '../types.js';

/** Sent of total as a bar, with the numbers beside it. */
export function Progress({ stats }: { stats: BroadcastStats }) {
  const done = stats.sent + stats.failed + stats.skipped;
  const share = stats.total > 0 ? done / stats.total : 0;
  return (
    <div class="progress" data-sent={stats.sent} data-total={stats.total}>
      <svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
        <rect width="100" height="6" class="track" />
        <rect width={Math.round(share * 100)} height="6" class="fill" />
      </svg>
      <span>
        {stats.sent} sent of {stats.total}
        {stats.failed > 0 && `, ${stats.failed} failed`}
        {stats.queued > 0 && `, ${stats.queued} queued`}
      </span>
    </div>
  );
}
