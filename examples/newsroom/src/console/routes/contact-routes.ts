import type { ContactState, Tidings } from '@tidings/core';
import { TidingsError } from '@tidings/core';
import type { ApiRoute } from '../api-router.js';

const states = new Set<string>(['visitor', 'pending', 'confirmed', 'unsubscribed']);

/** Contacts for staff: list and search, one contact with channels and consent ledger, export and erase (F6–F10). */
export function contactRoutes(tidings: Tidings): ApiRoute[] {
  const must = async (id: string) => {
    const contact = await tidings.contacts.get(id);
    if (!contact) throw new TidingsError('NOT_FOUND', `No contact ${id}.`);
    return contact;
  };
  return [
    {
      method: 'GET',
      path: '/contacts',
      handler: ({ url }) => {
        const q = url.searchParams;
        const state = q.get('state');
        return tidings.contacts.list({
          limit: 50,
          cursor: q.get('cursor'),
          ...(state && states.has(state) ? { state: state as ContactState } : {}),
          ...(q.get('transport') ? { transport: q.get('transport')! } : {}),
          ...(q.get('search') ? { search: q.get('search')! } : {}),
          ...(q.get('channel') ? { channel: q.get('channel')! } : {}),
        });
      },
    },
    {
      method: 'GET',
      path: '/contacts/:id',
      handler: async ({ params }) => {
        const contact = await must(params.id!);
        const [channels, consent] = await Promise.all([
          tidings.contacts.subscriptions(contact.id),
          tidings.contacts.consent(contact.id),
        ]);
        return { contact, channels, consent };
      },
    },
    {
      method: 'GET',
      path: '/contacts/:id/export',
      handler: async ({ params, res }) => {
        const data = await tidings.contacts.export(params.id!);
        if (!data) throw new TidingsError('NOT_FOUND', `No contact ${params.id}.`);
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename="contact-${data.contact.id}.json"`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        res.end(JSON.stringify(data, null, 2));
        return undefined;
      },
    },
    {
      method: 'DELETE',
      path: '/contacts/:id',
      handler: async ({ params }) => ({ erased: await tidings.contacts.erase(params.id!) }),
    },
  ];
}
