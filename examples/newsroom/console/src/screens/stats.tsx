import { useState } from 'preact/hooks';
import { DayBars, FunnelChart } from '../charts.js';
import { useLive } from '../live.js';
import type { BroadcastFunnel, ConsentStats } from '../types.js';
import { useApi } from '../use-api.js';

/** Sign-ups per day (from the consent ledger) and the funnel of each broadcast (F36), with CSV downloads. */
export function Stats() {
  const [days, setDays] = useState(30);
  const consent = useApi<ConsentStats>(`/stats/consent?days=${days}`);
  const funnels = useApi<{ items: BroadcastFunnel[] }>('/stats/broadcasts');
  const [picked, setPicked] = useState('');
  useLive((event) => {
    if (event.type.startsWith('contact.')) consent.reload();
    if (event.type === 'broadcast.completed' || event.type === 'delivery.updated') funnels.reload();
  });
  const list = funnels.data?.items ?? [];
  const funnel = list.find((f) => f.broadcastId === picked) ?? list[0];
  const total = (key: 'signups' | 'confirmations' | 'unsubscribes') =>
    consent.data?.days.reduce((sum, d) => sum + d[key], 0) ?? 0;
  return (
    <section class="stats">
      <h1>Statistics</h1>
      <div class="bar">
        <h2>Sign-ups per day</h2>
        <label>
          Range
          <select value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
            <option value={7}>7 days</option>
            <option value={30}>30 days</option>
            <option value={90}>90 days</option>
          </select>
        </label>
        <a class="button" href={`/console/api/stats/consent.csv?days=${days}`} download>
          CSV
        </a>
      </div>
      {consent.error && <p class="error">{consent.error.message}</p>}
      {consent.data && (
        <>
          <DayBars
            label={`Sign-ups per day over ${days} days`}
            days={consent.data.days.map((d) => ({ day: d.day, value: d.signups }))}
          />
          <p data-testid="consent-totals">
            {total('signups')} sign-ups, {total('confirmations')} confirmations, {total('unsubscribes')}{' '}
            unsubscribes
          </p>
        </>
      )}
      <div class="bar">
        <h2>Funnel per broadcast</h2>
        {list.length > 0 && (
          <select
            aria-label="Broadcast"
            value={funnel?.broadcastId}
            onChange={(e) => setPicked(e.currentTarget.value)}
          >
            {list.map((f) => (
              <option key={f.broadcastId} value={f.broadcastId}>
                {f.name ?? f.broadcastId} ({f.status})
              </option>
            ))}
          </select>
        )}
        <a class="button" href="/console/api/stats/broadcasts.csv" download>
          CSV
        </a>
      </div>
      {funnels.error && <p class="error">{funnels.error.message}</p>}
      {list.length === 0 && <p>No broadcasts yet.</p>}
      {funnel && (
        <FunnelChart
          steps={[
            ['queued', funnel.total],
            ['sent', funnel.sent],
            ['delivered', funnel.delivered],
            ['read', funnel.read],
            ['clicked', funnel.clicked],
          ]}
        />
      )}
    </section>
  );
}
