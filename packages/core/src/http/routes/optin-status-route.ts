import { tokenPattern } from '../../consent/command.js';
import { httpError } from '../http-error.js';
import type { Route } from './route-context.js';

/** `GET /optin/:token`: pending, confirmed or expired — the widget polls this (F1). */
export const optinStatusRoute: Route = async (_request, { core, optins, params }) => {
  const value = (params.token ?? '').toLowerCase();
  const status = tokenPattern.test(value) ? await optins.status(value) : null;
  if (!status) throw httpError('NOT_FOUND', 'No sign-up with this token.');
  const { channels } = await core.channels.get();
  return Response.json(
    {
      status: status.status === 'revoked' ? 'expired' : status.status,
      expiresAt: new Date(status.expiresAt).toISOString(),
      channels: channels
        .filter((c) => status.channels.includes(c.slug))
        .map((c) => ({ slug: c.slug, name: c.name })),
    },
    { headers: { 'cache-control': 'no-store' } },
  );
};
