import { TidingsError } from '../errors/tidings-error.js';
import type { BroadcastsApi } from './broadcasts/broadcasts-service.js';
import type { CoreContext } from './core-context.js';
import { transportFor } from './transports.js';

export interface SenderInfo {
  transport: string;
  id: string;
  display: string;
  capacity: number;
  contacts: number;
  paused: { reason: string; at: number } | null;
}

/** `tidings.senders`: the sender pool (F34) and what to do when a number is banned (F19, F35). */
export interface SendersApi {
  list(): Promise<SenderInfo[]>;
  /** Holds every delivery of the sender until it is resumed. */
  pause(transport: string, senderId: string, reason: string): Promise<void>;
  resume(transport: string, senderId: string): Promise<void>;
  /**
   * Retires a sender: its contacts and waiting deliveries move to `to`, and — with `invitation` — the contacts
   * get that message from the new sender asking them to save the number or write to it.
   */
  replace(input: {
    transport: string;
    from: string;
    to: string;
    invitation?: string;
  }): Promise<{ moved: number; broadcastId: string | null }>;
}

export function sendersApi(ctx: CoreContext, broadcasts: BroadcastsApi): SendersApi {
  const { store, workspaceId } = ctx;
  const senderOf = (transport: string, id: string) => {
    const sender = transportFor(ctx, transport).senders.find((s) => s.id === id);
    if (!sender) {
      throw new TidingsError('NOT_FOUND', `No sender "${id}" on ${transport}.`, {
        issues: [{ field: 'senderId', message: 'unknown' }],
      });
    }
    return sender;
  };

  return {
    async list() {
      const paused = await store.senderStates.list(workspaceId);
      const out: SenderInfo[] = [];
      for (const transport of ctx.transports.values()) {
        const counts = await store.contacts.countBySender(workspaceId, transport.name);
        for (const s of transport.senders) {
          const state = paused.find((p) => p.transport === transport.name && p.senderId === s.id);
          out.push({
            transport: transport.name,
            id: s.id,
            display: s.display,
            capacity: s.capacity,
            contacts: counts.get(s.id) ?? 0,
            paused: state ? { reason: state.reason, at: state.pausedAt } : null,
          });
        }
      }
      return out;
    },
    async pause(transport, senderId, reason) {
      senderOf(transport, senderId);
      await store.senderStates.pause({ workspaceId, transport, senderId, pausedAt: ctx.clock.now(), reason });
      ctx.events.emit('sender.paused', { transport, senderId, reason });
    },
    async resume(transport, senderId) {
      senderOf(transport, senderId);
      if (await store.senderStates.resume(workspaceId, transport, senderId)) {
        ctx.events.emit('sender.resumed', { transport, senderId });
        ctx.wake();
      }
    },
    async replace({ transport, from, to, invitation }) {
      senderOf(transport, from);
      senderOf(transport, to);
      if (from === to)
        throw new TidingsError('INVALID_INPUT', 'A sender cannot replace itself.', {
          issues: [{ field: 'to', message: 'same as from' }],
        });
      const now = ctx.clock.now();
      const reason = `retired: replaced by ${to}`;
      await store.senderStates.pause({ workspaceId, transport, senderId: from, pausedAt: now, reason });
      const moved = await store.contacts.moveSender(workspaceId, transport, from, to, now);
      await store.deliveries.moveSender(workspaceId, transport, from, to);
      ctx.events.emit('sender.paused', { transport, senderId: from, reason });
      ctx.wake();
      if (!invitation || moved.length === 0) return { moved: moved.length, broadcastId: null };
      const broadcast = await broadcasts.create({
        name: `Invitation to the new number ${to}`,
        content: { text: invitation },
        audience: { contacts: moved, transports: [transport] },
        scheduledAt: 'now',
      });
      return { moved: moved.length, broadcastId: broadcast.id };
    },
  };
}
