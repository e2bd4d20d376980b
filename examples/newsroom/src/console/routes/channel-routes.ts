import type { ChannelInput, ChannelUpdate, Tidings } from '@tidings/core';
import type { ApiRoute } from '../api-router.js';

/** The channels people subscribe to, and the messengers (transports) a broadcast can go out on. */
export function channelRoutes(tidings: Tidings, transports: () => unknown[]): ApiRoute[] {
  return [
    { method: 'GET', path: '/channels', handler: async () => ({ items: await tidings.channels.list() }) },
    {
      method: 'POST',
      path: '/channels',
      handler: ({ body }) => tidings.channels.create(body as unknown as ChannelInput),
    },
    {
      method: 'PUT',
      path: '/channels/:slug',
      handler: ({ params, body }) => tidings.channels.update(params.slug!, body as ChannelUpdate),
    },
    { method: 'GET', path: '/transports', handler: async () => ({ items: transports() }) },
  ];
}
