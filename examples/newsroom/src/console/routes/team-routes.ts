import type { Tidings } from '@tidings/core';
import type { ApiRoute } from '../api-router.js';
import { str } from './inbox-routes.js';

/** The inbox's team: agents (add, availability), canned answers (add, remove) and round-robin (F27, F28). */
export function teamRoutes(tidings: Tidings): ApiRoute[] {
  const { inbox } = tidings;
  return [
    { method: 'GET', path: '/agents', handler: async () => ({ items: await inbox.agents.list() }) },
    {
      method: 'PUT',
      path: '/agents/:id',
      handler: ({ params, body }) =>
        inbox.agents.update(
          params.id!,
          typeof body.available === 'boolean' ? { available: body.available } : {},
        ),
    },
    {
      method: 'POST',
      path: '/agents',
      handler: ({ body }) =>
        inbox.agents.add({
          id: str(body.id, 'id'),
          name: str(body.name, 'name'),
          signature: typeof body.signature === 'string' && body.signature.trim() ? body.signature : null,
        }),
    },
    { method: 'GET', path: '/canned', handler: async () => ({ items: await inbox.canned.list() }) },
    {
      method: 'POST',
      path: '/canned',
      handler: ({ body }) =>
        inbox.canned.create({
          shortcut: str(body.shortcut, 'shortcut'),
          title: str(body.title, 'title'),
          text: str(body.text, 'text'),
        }),
    },
    {
      method: 'DELETE',
      path: '/canned/:id',
      handler: async ({ params }) => ({ removed: await inbox.canned.remove(params.id!) }),
    },
    {
      method: 'GET',
      path: '/round-robin',
      handler: async () => ({ on: await inbox.roundRobin() }),
    },
    {
      method: 'PUT',
      path: '/round-robin',
      handler: async ({ body }) => {
        await inbox.setRoundRobin(body.on === true);
        return { on: await inbox.roundRobin() };
      },
    },
  ];
}
