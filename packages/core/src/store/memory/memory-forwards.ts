import { nanoid } from 'nanoid';
import type { Forward, ForwardRepository } from '../../ports/rule-store.js';
import type { RuleTables } from './memory-rule-tables.js';

const copy = (f: Forward): Forward => ({ ...f });
/** A held lease makes a forward due when it runs out. */
const dueAt = (f: Forward) => Math.max(f.nextAttemptAt, f.leaseUntil ?? 0);

export function memoryForwards(t: RuleTables): ForwardRepository {
  const find = (workspaceId: string, id: string) => {
    const row = t.forwards.get(id);
    return row && row.workspaceId === workspaceId ? row : null;
  };
  const queued = (workspaceId: string) =>
    [...t.forwards.values()].filter((f) => f.workspaceId === workspaceId && f.status === 'queued');

  return {
    async enqueue(forward, at) {
      const row: Forward = {
        ...forward,
        id: nanoid(),
        status: 'queued',
        attempts: 0,
        nextAttemptAt: at,
        leaseUntil: null,
        lastError: null,
        createdAt: at,
        updatedAt: at,
      };
      t.forwards.set(row.id, row);
      return copy(row);
    },
    async claimDue(workspaceId, now, limit, leaseMs) {
      const due = queued(workspaceId)
        .filter((f) => dueAt(f) <= now)
        .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt)
        .slice(0, limit);
      return due.map((f) => {
        const row: Forward = { ...f, leaseUntil: now + leaseMs, attempts: f.attempts + 1, updatedAt: now };
        t.forwards.set(f.id, row);
        return copy(row);
      });
    },
    async complete(workspaceId, id) {
      if (find(workspaceId, id)) t.forwards.delete(id);
    },
    async fail(workspaceId, id, outcome, at) {
      const row = find(workspaceId, id);
      if (!row) return null;
      const next: Forward = {
        ...row,
        status: outcome.nextAttemptAt === null ? 'failed' : 'queued',
        nextAttemptAt: outcome.nextAttemptAt ?? row.nextAttemptAt,
        leaseUntil: null,
        lastError: outcome.error,
        updatedAt: at,
      };
      t.forwards.set(id, next);
      return copy(next);
    },
    async retry(workspaceId, id, at) {
      const row = find(workspaceId, id);
      if (row?.status !== 'failed') return null;
      const next: Forward = { ...row, status: 'queued', nextAttemptAt: at, leaseUntil: null, updatedAt: at };
      t.forwards.set(id, next);
      return copy(next);
    },
    async get(workspaceId, id) {
      const row = find(workspaceId, id);
      return row ? copy(row) : null;
    },
    async list(workspaceId, query) {
      const items: Forward[] = [];
      let passedCursor = !query.cursor;
      for (const f of t.forwards.values()) {
        if (!passedCursor) {
          passedCursor = f.id === query.cursor;
          continue;
        }
        if (f.workspaceId !== workspaceId || (query.status && f.status !== query.status)) continue;
        if (items.length === query.limit) return { items, nextCursor: items.at(-1)!.id };
        items.push(copy(f));
      }
      return { items, nextCursor: null };
    },
    async nextDueAt(workspaceId) {
      const times = queued(workspaceId).map(dueAt);
      return times.length ? Math.min(...times) : null;
    },
  };
}

/** The memory store's part of invariant 6 for forwards: their bodies name the contact. */
export function eraseContactForwards(t: RuleTables, workspaceId: string, contactId: string): void {
  for (const [id, f] of t.forwards)
    if (f.workspaceId === workspaceId && f.contactId === contactId) t.forwards.delete(id);
}
