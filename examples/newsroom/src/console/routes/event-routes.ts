import type { Tidings, TidingsEventName, TidingsEvents } from '@tidings/core';
import { openEventStream } from '../../simulator/event-stream.js';
import type { ApiRoute } from '../api-router.js';

/** What the console's screens follow. Each event goes out small: its name and whom it is about. */
const followed = [
  'broadcast.progress',
  'broadcast.completed',
  'broadcast.updated',
  'message.received',
  'message.sent',
  'message.failed',
  'delivery.updated',
  'call.received',
  'contact.pending',
  'contact.confirmed',
  'contact.unsubscribed',
  'contact.erased',
  'channel.created',
  'channel.updated',
  'conversation.assigned',
  'conversation.note',
  'conversation.read',
  'conversation.replied',
  'agent.updated',
] as const satisfies readonly TidingsEventName[];

export interface ConsoleEvent {
  type: TidingsEventName;
  broadcastId?: string;
  contactId?: string;
  /** broadcast.progress and broadcast.completed: the counts so far. */
  counts?: Record<string, unknown>;
}

function summarize<E extends TidingsEventName>(type: E, payload: TidingsEvents[E]): ConsoleEvent {
  const p = payload as Record<string, unknown>;
  const event: ConsoleEvent = { type };
  if (typeof p.broadcastId === 'string') event.broadcastId = p.broadcastId;
  const broadcast = p.broadcast as { id?: string } | undefined;
  if (broadcast?.id) event.broadcastId = broadcast.id;
  const contact = p.contact as { id?: string } | undefined;
  if (typeof p.contactId === 'string') event.contactId = p.contactId;
  else if (contact?.id) event.contactId = contact.id;
  else if ((p.message as { contactId?: string } | undefined)?.contactId) {
    event.contactId = (p.message as { contactId: string }).contactId;
  }
  if (type === 'broadcast.progress' || type === 'broadcast.completed') {
    const { broadcastId: _, ...counts } = p;
    event.counts = counts;
  }
  return event;
}

/** `GET /console/api/events`: the library's events as server-sent events, so every screen updates live. */
export function eventRoutes(tidings: Tidings): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/events',
      handler: async ({ res }) => {
        const stream = openEventStream(res);
        let id = 0;
        for (const name of followed) {
          const stop = tidings.on(name, (payload) => stream.send(String(++id), summarize(name, payload)));
          stream.onClose(stop);
        }
        return undefined;
      },
    },
  ];
}
