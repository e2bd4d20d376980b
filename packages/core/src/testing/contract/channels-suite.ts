import { describe, expect, it } from 'vitest';
import { TidingsError } from '../../errors/tidings-error.js';
import type { NewChannel } from '../../model/channel.js';
import { contactInput, freshWorkspace, T0 } from '../contract-fixtures.js';
import type { ContractSubject } from '../store-contract.js';

const channel = (workspaceId: string, slug: string, overrides: Partial<NewChannel> = {}): NewChannel => ({
  workspaceId,
  slug,
  name: slug.toUpperCase(),
  description: null,
  keywords: [slug],
  welcome: `Welcome to ${slug}`,
  active: true,
  isDefault: false,
  ...overrides,
});

export function channelSuite(get: ContractSubject): void {
  describe('channels and subscriptions', () => {
    it('creates channels with every field, unique slugs, one default', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const news = await store.channels.create(
        channel(ws, 'news', { isDefault: true, keywords: ['news', 'fc bayern'] }),
        T0,
      );
      expect(await backdoor.channel(ws, news.id)).toMatchObject({
        slug: 'news',
        keywords: ['news', 'fc bayern'],
        isDefault: true,
        createdAt: T0,
      });
      const error = await store.channels.create(channel(ws, 'news'), T0).catch((e: unknown) => e);
      expect(TidingsError.isInstance(error) && error.code).toBe('CHANNEL_CONFLICT');
      const sport = await store.channels.create(channel(ws, 'sport', { isDefault: true }), T0 + 1);
      expect((await backdoor.channel(ws, news.id))?.isDefault).toBe(false);
      await store.channels.update(ws, news.id, { isDefault: true, active: false, welcome: null }, T0 + 2);
      expect(await backdoor.channel(ws, sport.id)).toMatchObject({ isDefault: false });
      expect(await backdoor.channel(ws, news.id)).toMatchObject({
        isDefault: true,
        active: false,
        welcome: null,
        updatedAt: T0 + 2,
      });
      expect((await store.channels.list(ws)).map((c) => c.slug)).toEqual(['news', 'sport']);
      // Created in the same millisecond: still listed in creation order.
      for (const slug of ['zeta', 'alpha', 'mid', 'beta'])
        await store.channels.create(channel(ws, slug), T0 + 5);
      expect((await store.channels.list(ws)).map((c) => c.slug)).toEqual([
        'news',
        'sport',
        'zeta',
        'alpha',
        'mid',
        'beta',
      ]);
      expect((await store.channels.getBySlug(ws, 'sport'))?.id).toBe(sport.id);
      expect(await store.channels.getBySlug(freshWorkspace(), 'sport')).toBeNull();
      const renamed = await store.channels
        .update(ws, sport.id, { slug: 'news' }, T0)
        .catch((e: unknown) => e);
      expect(TidingsError.isInstance(renamed) && renamed.code).toBe('CHANNEL_CONFLICT');
    });

    it('subscribes idempotently, unsubscribes some or all, and removing a channel removes its subscriptions', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const a = await store.channels.create(channel(ws, 'a'), T0);
      const b = await store.channels.create(channel(ws, 'b'), T0);
      const c = await store.channels.create(channel(ws, 'c'), T0);
      const { contact } = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000300'),
        { senderId: 's' },
        T0,
      );
      const id = contact!.id;
      expect((await store.subscriptions.add(ws, id, [a.id, b.id], T0)).sort()).toEqual([a.id, b.id].sort());
      expect(await store.subscriptions.add(ws, id, [b.id, c.id], T0 + 1)).toEqual([c.id]);
      expect(await backdoor.subscriptionChannelIds(ws, id)).toEqual([a.id, b.id, c.id].sort());
      expect(await store.subscriptions.remove(ws, id, [b.id, 'nope'])).toEqual([b.id]);
      expect(await store.channels.remove(ws, c.id)).toBe(true);
      expect(await backdoor.subscriptionChannelIds(ws, id)).toEqual([a.id]);
      const subs = await store.subscriptions.listByContact(ws, id);
      expect(subs).toEqual([{ workspaceId: ws, contactId: id, channelId: a.id, createdAt: T0 }]);
      // Several contacts at once: each one's subscriptions, none of another workspace's, unknown ids ignored.
      const { contact: other } = await store.contacts.getOrCreate(
        contactInput(ws, '+4915100000301'),
        { senderId: 's' },
        T0,
      );
      await store.subscriptions.add(ws, other!.id, [a.id, b.id], T0 + 2);
      const elsewhere = freshWorkspace();
      await store.subscriptions.add(elsewhere, id, [a.id], T0);
      const many = await store.subscriptions.listByContacts(ws, [id, other!.id, 'nobody', id]);
      const order = (s: { contactId: string; channelId: string }) => `${s.contactId}/${s.channelId}`;
      expect([...many].sort((x, y) => order(x).localeCompare(order(y)))).toEqual(
        [
          { workspaceId: ws, contactId: id, channelId: a.id, createdAt: T0 },
          { workspaceId: ws, contactId: other!.id, channelId: a.id, createdAt: T0 + 2 },
          { workspaceId: ws, contactId: other!.id, channelId: b.id, createdAt: T0 + 2 },
        ].sort((x, y) => order(x).localeCompare(order(y))),
      );
      expect(await store.subscriptions.listByContacts(ws, [])).toEqual([]);
      expect(await store.subscriptions.remove(ws, id)).toEqual([a.id]);
      expect(await backdoor.subscriptionChannelIds(ws, id)).toEqual([]);
    });
  });
}
