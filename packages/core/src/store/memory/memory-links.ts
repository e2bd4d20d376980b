import type { LinkRepository, LinkStats } from '../../ports/broadcast-store.js';
import { key, type MemoryTables } from './memory-tables.js';

export function memoryLinks(t: MemoryTables): LinkRepository {
  const o = t.outbox;
  return {
    async create(link) {
      o.links.set(key(link.workspaceId, link.code), { ...link });
    },
    async get(workspaceId, code) {
      const link = o.links.get(key(workspaceId, code));
      return link ? { ...link } : null;
    },
    async recordClick(click) {
      o.clicks.push({ ...click });
    },
    async statsByBroadcast(workspaceId, broadcastId) {
      const byUrl = new Map<string, LinkStats & { who: Set<string> }>();
      const codeToUrl = new Map<string, string>();
      for (const link of o.links.values()) {
        if (link.workspaceId !== workspaceId || link.broadcastId !== broadcastId) continue;
        codeToUrl.set(link.code, link.url);
        if (!byUrl.has(link.url))
          byUrl.set(link.url, { code: link.code, url: link.url, clicks: 0, contacts: 0, who: new Set() });
      }
      for (const click of o.clicks) {
        const url = click.workspaceId === workspaceId ? codeToUrl.get(click.code) : undefined;
        const stats = url ? byUrl.get(url) : undefined;
        if (!stats) continue;
        stats.clicks++;
        if (click.contactId) stats.who.add(click.contactId);
      }
      return [...byUrl.values()].map(({ who, ...stats }) => ({ ...stats, contacts: who.size }));
    },
    async countClickers(workspaceId, broadcastId) {
      const who = new Set<string>();
      for (const c of o.clicks) {
        if (c.workspaceId === workspaceId && c.broadcastId === broadcastId && c.contactId)
          who.add(c.contactId);
      }
      return who.size;
    },
  };
}
