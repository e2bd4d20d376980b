import { httpError } from '../http-error.js';
import type { Route } from './route-context.js';

/** `GET /l/:code`: counts the click (F22) and redirects to the link's target. */
export const clickRoute: Route = async (_request, { core, params }) => {
  const code = params.code ?? '';
  const link = /^[A-Za-z0-9]{6,32}$/.test(code) ? await core.store.links.get(core.workspaceId, code) : null;
  if (!link) throw httpError('NOT_FOUND', 'This link does not exist (any more).');
  await core.store.links.recordClick({
    code,
    workspaceId: core.workspaceId,
    broadcastId: link.broadcastId,
    contactId: link.contactId,
    at: core.clock.now(),
  });
  return new Response(null, {
    status: 302,
    headers: { location: link.url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  });
};
