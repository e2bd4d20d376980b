import { useLive } from '../live.js';
import type { BroadcastView } from '../types.js';
import { when } from '../types.js';
import { useApi } from '../use-api.js';
import { Progress } from './progress.js';

/** Every broadcast, newest first, with its progress; updates live. */
export function Broadcasts() {
  const { data, error, reload } = useApi<{ items: BroadcastView[] }>('/broadcasts');
  useLive((event) => {
    if (event.type.startsWith('broadcast.')) reload();
  });
  return (
    <section>
      <div class="bar">
        <h1>Broadcasts</h1>
        <a class="button" href="#/broadcasts/new">
          New broadcast
        </a>
      </div>
      {error && <p class="error">{error.message}</p>}
      {data && data.items.length === 0 && <p>No broadcasts yet.</p>}
      <ul class="cards">
        {data?.items.map(({ broadcast: b, stats }) => (
          <li key={b.id} data-broadcast={b.id} data-status={b.status}>
            <a href={`#/broadcasts/${b.id}`}>
              <strong>{b.name ?? b.content.text?.slice(0, 60) ?? 'Untitled'}</strong>
            </a>
            <span class={`status status-${b.status}`}>{b.status}</span>
            <small>{b.scheduledAt ? `for ${when(b.scheduledAt)}` : 'draft'}</small>
            <Progress stats={stats} />
          </li>
        ))}
      </ul>
    </section>
  );
}
