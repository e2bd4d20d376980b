import type { SenderStateRepository } from '@tidings/core';
import type { Db } from '../db/queryable.js';

export function postgresSenderStates(db: Db): SenderStateRepository {
  return {
    async pause(s) {
      await db.query(
        `INSERT INTO sender_states (workspace_id, transport, sender_id, paused_at, reason) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (workspace_id, transport, sender_id) DO UPDATE SET paused_at = $4, reason = $5`,
        [s.workspaceId, s.transport, s.senderId, s.pausedAt, s.reason],
      );
    },
    async resume(workspaceId, transport, senderId) {
      const { rowCount } = await db.query(
        'DELETE FROM sender_states WHERE workspace_id = $1 AND transport = $2 AND sender_id = $3',
        [workspaceId, transport, senderId],
      );
      return rowCount > 0;
    },
    async list(workspaceId) {
      const { rows } = await db.query<{
        transport: string;
        sender_id: string;
        paused_at: number;
        reason: string;
      }>('SELECT * FROM sender_states WHERE workspace_id = $1 ORDER BY paused_at, sender_id', [workspaceId]);
      return rows.map((r) => ({
        workspaceId,
        transport: r.transport,
        senderId: r.sender_id,
        pausedAt: Number(r.paused_at),
        reason: r.reason,
      }));
    },
  };
}
