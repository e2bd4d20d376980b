import { type CreateBroadcastInput, type Tidings, TidingsError } from '@tidings/core';
import type { ApiRoute } from '../api-router.js';

/** Compose, check, schedule, pause, resume, cancel and follow broadcasts (F15–F25). */
export function broadcastRoutes(tidings: Tidings): ApiRoute[] {
  const withStats = async (id: string) => {
    const broadcast = await tidings.broadcasts.get(id);
    return broadcast && { broadcast, stats: await tidings.broadcasts.stats(id) };
  };
  return [
    {
      method: 'GET',
      path: '/broadcasts',
      handler: async () => {
        const page = await tidings.broadcasts.list({ limit: 50 });
        return { items: await Promise.all(page.items.map((b) => withStats(b.id))) };
      },
    },
    {
      method: 'POST',
      path: '/broadcasts/preflight',
      // The body is the same input `create` takes: zod in the library checks it.
      handler: ({ body }) => tidings.broadcasts.preflight(body as unknown as CreateBroadcastInput),
    },
    {
      method: 'POST',
      path: '/broadcasts',
      handler: async ({ body }) => {
        const created = await tidings.broadcasts.create(body as unknown as CreateBroadcastInput);
        return withStats(created.id);
      },
    },
    {
      method: 'GET',
      path: '/broadcasts/:id',
      handler: async ({ params }) => (await withStats(params.id!)) ?? notFound(params.id!),
    },
    ...(['pause', 'resume', 'cancel'] as const).map(
      (verb): ApiRoute => ({
        method: 'POST',
        path: `/broadcasts/:id/${verb}`,
        handler: async ({ params }) => {
          await tidings.broadcasts[verb](params.id!);
          return withStats(params.id!);
        },
      }),
    ),
  ];
}

function notFound(id: string): never {
  throw new TidingsError('NOT_FOUND', `No broadcast ${id}.`);
}
