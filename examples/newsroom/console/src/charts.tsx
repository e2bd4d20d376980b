/** Inline SVG charts: no chart library, drawn from the numbers with a few rectangles. */

const width = 600;

/** Horizontal bars, each step as a share of the first (a funnel: queued → sent → delivered → read → clicked). */
export function FunnelChart({ steps }: { steps: [string, number][] }) {
  const top = Math.max(steps[0]?.[1] ?? 0, 1);
  const row = 28;
  const labelWidth = 90;
  return (
    <svg
      class="chart funnel"
      viewBox={`0 0 ${width} ${steps.length * row}`}
      role="img"
      aria-label={steps.map(([name, n]) => `${name} ${n}`).join(', ')}
    >
      {steps.map(([name, n], i) => {
        const barWidth = ((width - labelWidth - 60) * n) / top;
        return (
          <g key={name} transform={`translate(0 ${i * row})`} data-step={name} data-value={n}>
            <text x="0" y="18" class="label">
              {name}
            </text>
            <rect x={labelWidth} y="4" width={Math.max(barWidth, n > 0 ? 2 : 0)} height="20" class="bar" />
            <text x={labelWidth + barWidth + 6} y="18" class="value">
              {n}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Vertical bars per day, e.g. sign-ups; day labels every few bars so they stay readable. */
export function DayBars({ days, label }: { days: { day: string; value: number }[]; label: string }) {
  const height = 180;
  const bottom = 24;
  const max = Math.max(1, ...days.map((d) => d.value));
  const slot = width / Math.max(days.length, 1);
  const every = Math.ceil(days.length / 8);
  return (
    <svg class="chart days" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <line x1="0" x2={width} y1={height - bottom} y2={height - bottom} class="axis" />
      {days.map((d, i) => {
        const h = ((height - bottom - 16) * d.value) / max;
        return (
          <g key={d.day} data-day={d.day} data-value={d.value}>
            <title>{`${d.day}: ${d.value}`}</title>
            <rect
              x={i * slot + 2}
              y={height - bottom - h}
              width={Math.max(slot - 4, 1)}
              height={h}
              class="bar"
            />
            {d.value > 0 && (
              <text x={i * slot + slot / 2} y={height - bottom - h - 3} class="value" text-anchor="middle">
                {d.value}
              </text>
            )}
            {i % every === 0 && (
              <text x={i * slot + slot / 2} y={height - 6} class="label" text-anchor="middle">
                {d.day.slice(5)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
