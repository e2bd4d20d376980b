import type { PreflightReport } from '../types.js';
import { messenger } from '../types.js';

const duration = (ms: number) =>
  ms < 1000
    ? 'under a second'
    : ms < 120_000
      ? `${Math.round(ms / 1000)} s`
      : `${Math.round(ms / 60_000)} min`;

/** What the broadcast would do if it started now (F25): who gets it, who not and why, and how long it takes. */
export function PreflightView({ report }: { report: PreflightReport }) {
  const skipped = Object.entries(report.skipped).filter(([, n]) => n > 0);
  const deferred = Object.entries(report.deferred).filter(([, n]) => n > 0);
  return (
    <div class="preflight" data-testid="preflight" data-recipients={report.recipients}>
      <h3>Preflight</h3>
      <p>
        <strong>{report.recipients}</strong> recipients; sending takes {duration(report.expectedDurationMs)}.
      </p>
      <ul>
        {Object.entries(report.byTransport).map(([name, t]) => (
          <li key={name}>
            {messenger(name)}: {t.recipients}
            {t.templated > 0 && ` (${t.templated} by template)`}
          </li>
        ))}
      </ul>
      {skipped.length > 0 && <p>Not sent to: {skipped.map(([reason, n]) => `${n} ${reason}`).join(', ')}.</p>}
      {deferred.length > 0 && (
        <p>Would wait: {deferred.map(([reason, n]) => `${n} ${reason}`).join(', ')}.</p>
      )}
    </div>
  );
}
