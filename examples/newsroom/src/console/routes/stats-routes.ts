import type { ServerResponse } from 'node:http';
import type { Tidings } from '@tidings/core';
import type { ApiRoute } from '../api-router.js';

const DAY = 24 * 60 * 60 * 1000;

/** The last `days` days up to and including today (UTC), from `?days=` (7–90, default 30). */
function rangeOf(url: URL, now: number) {
  const days = Math.min(Math.max(Number(url.searchParams.get('days')) || 30, 7), 90);
  const to = Math.floor(now / DAY) * DAY + DAY;
  return { from: to - days * DAY, to };
}

function sendCsv(res: ServerResponse, name: string, csv: string): undefined {
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(csv);
  return undefined;
}

/** Sign-ups per day and the funnel per broadcast (F36), as JSON for the charts and as CSV downloads. */
export function statsRoutes(tidings: Tidings, now: () => number): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/stats/consent',
      handler: ({ url }) => tidings.stats.consent(rangeOf(url, now())),
    },
    {
      method: 'GET',
      path: '/stats/consent.csv',
      handler: async ({ url, res }) =>
        sendCsv(res, 'signups.csv', await tidings.stats.consentCsv(rangeOf(url, now()))),
    },
    {
      method: 'GET',
      path: '/stats/broadcasts',
      handler: async () => ({ items: await tidings.stats.broadcasts({ limit: 50 }) }),
    },
    {
      method: 'GET',
      path: '/stats/broadcasts.csv',
      handler: async ({ res }) =>
        sendCsv(res, 'broadcasts.csv', await tidings.stats.broadcastsCsv({ limit: 200 })),
    },
  ];
}
