import type { SenderStateRepository } from '../../ports/outbox-store.js';
import { unpark } from './memory-deliveries.js';
import { key, type MemoryTables } from './memory-tables.js';

export function memorySenderStates(t: MemoryTables): SenderStateRepository {
  const o = t.outbox;
  return {
    async pause(state) {
      o.senderStates.set(key(state.workspaceId, state.transport, state.senderId), { ...state });
    },
    async resume(workspaceId, transport, senderId) {
      const existed = o.senderStates.delete(key(workspaceId, transport, senderId));
      unpark(o, key('s', workspaceId, transport, senderId));
      return existed;
    },
    async list(workspaceId) {
      return [...o.senderStates.values()].filter((s) => s.workspaceId === workspaceId).map((s) => ({ ...s }));
    },
  };
}
