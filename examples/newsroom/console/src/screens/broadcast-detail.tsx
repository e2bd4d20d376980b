import { useState } from 'preact/hooks';
import { ApiError, api } from '../api.js';
import { FunnelChart } from '../charts.js';
import { useLive } from '../live.js';
import type { BroadcastView } from '../types.js';
import { when } from '../types.js';
import { useApi } from '../use-api.js';
import { Progress } from './progress.js';

/** One broadcast: its progress live, pause, resume and cancel, and its funnel. */
export function BroadcastDetail({ id }: { id: string }) {
  const { data, error, reload } = useApi<BroadcastView>(`/broadcasts/${encodeURIComponent(id)}`);
  const [problem, setProblem] = useState<string | null>(null);
  useLive((event) => {
    if (event.broadcastId === id) reload();
  });
  if (error) return <p class="error">{error.message}</p>;
  if (!data) return <p class="loading">Loading…</p>;
  const { broadcast: b, stats } = data;
  const act = async (verb: 'pause' | 'resume' | 'cancel') => {
    try {
      await api('POST', `/broadcasts/${encodeURIComponent(id)}/${verb}`);
      setProblem(null);
      reload();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : String(e));
    }
  };
  const can = {
    pause: b.status === 'scheduled' || b.status === 'sending',
    resume: b.status === 'paused',
    cancel: ['draft', 'scheduled', 'sending', 'paused'].includes(b.status),
  };
  return (
    <section class="broadcast" data-status={b.status}>
      <p>
        <a href="#/broadcasts">← Broadcasts</a>
      </p>
      <h1>{b.name ?? 'Broadcast'}</h1>
      <p>
        <span class={`status status-${b.status}`} data-testid="broadcast-status">
          {b.status}
        </span>{' '}
        scheduled {when(b.scheduledAt)}, started {when(b.startedAt)}, completed {when(b.completedAt)}
      </p>
      <blockquote>{b.content.text}</blockquote>
      <Progress stats={stats} />
      <div class="actions">
        {can.pause && (
          <button type="button" onClick={() => act('pause')}>
            Pause
          </button>
        )}
        {can.resume && (
          <button type="button" onClick={() => act('resume')}>
            Resume
          </button>
        )}
        {can.cancel && (
          <button type="button" class="danger" onClick={() => act('cancel')}>
            Cancel
          </button>
        )}
      </div>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <h2>Funnel</h2>
      <FunnelChart
        steps={[
          ['queued', stats.total],
          ['sent', stats.sent],
          ['delivered', stats.delivered],
          ['read', stats.read],
          ['clicked', stats.clicked],
        ]}
      />
      {Object.keys(stats.reasons).length > 0 && (
        <>
          <h2>Failures and skips</h2>
          <ul>
            {Object.entries(stats.reasons).map(([reason, count]) => (
              <li key={reason}>
                {reason}: {count}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
