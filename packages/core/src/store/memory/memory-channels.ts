import { nanoid } from 'nanoid';
import { TidingsError } from '../../errors/tidings-error.js';
import type { Channel } from '../../model/channel.js';
import type { ChannelRepository } from '../../ports/store.js';
import { copyChannel } from './copy.js';
import type { MemoryTables } from './memory-tables.js';

export function memoryChannels(t: MemoryTables): ChannelRepository {
  const inWorkspace = (workspaceId: string) =>
    [...t.channels.values()].filter((c) => c.workspaceId === workspaceId);

  const assertSlugFree = (workspaceId: string, slug: string, exceptId?: string) => {
    if (inWorkspace(workspaceId).some((c) => c.slug === slug && c.id !== exceptId)) {
      throw new TidingsError(
        'CHANNEL_CONFLICT',
        `A channel with slug "${slug}" exists already; choose another slug.`,
        {
          issues: [{ field: 'slug', message: 'taken' }],
        },
      );
    }
  };

  const clearOtherDefaults = (workspaceId: string, keepId: string) => {
    for (const c of inWorkspace(workspaceId))
      if (c.id !== keepId && c.isDefault) t.channels.set(c.id, { ...c, isDefault: false });
  };

  return {
    async create(channel, at) {
      assertSlugFree(channel.workspaceId, channel.slug);
      const row: Channel = { ...copyChannel(channel as Channel), id: nanoid(), createdAt: at, updatedAt: at };
      t.channels.set(row.id, row);
      if (row.isDefault) clearOtherDefaults(row.workspaceId, row.id);
      return copyChannel(row);
    },
    async update(workspaceId, id, patch, at) {
      const row = t.channels.get(id);
      if (!row || row.workspaceId !== workspaceId) return null;
      if (patch.slug !== undefined) assertSlugFree(workspaceId, patch.slug, id);
      const next = copyChannel({ ...row, ...patch, updatedAt: at });
      t.channels.set(id, next);
      if (next.isDefault) clearOtherDefaults(workspaceId, id);
      return copyChannel(next);
    },
    async get(workspaceId, id) {
      const row = t.channels.get(id);
      return row && row.workspaceId === workspaceId ? copyChannel(row) : null;
    },
    async getBySlug(workspaceId, slug) {
      const row = inWorkspace(workspaceId).find((c) => c.slug === slug);
      return row ? copyChannel(row) : null;
    },
    async list(workspaceId) {
      // Stable sort: channels created in the same millisecond keep their creation order.
      return inWorkspace(workspaceId)
        .sort((a, b) => a.createdAt - b.createdAt)
        .map(copyChannel);
    },
    async remove(workspaceId, id) {
      const row = t.channels.get(id);
      if (!row || row.workspaceId !== workspaceId) return false;
      t.channels.delete(id);
      for (const subs of t.subscriptions.values()) {
        const sub = subs.get(id);
        if (sub && sub.workspaceId === workspaceId) subs.delete(id);
      }
      return true;
    },
  };
}
