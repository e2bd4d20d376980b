import { TidingsError } from '../../errors/tidings-error.js';
import type { CoreContext } from '../core-context.js';
import type { InboxApi } from './inbox-api.js';

const notYet = (): never => {
  throw new TidingsError('STORE_FAILED', 'tidings.inbox: not yet implemented');
};

export function inboxApi(_ctx: CoreContext): InboxApi {
  return {
    conversations: async () => notYet(),
    conversation: async () => notYet(),
    history: async () => notYet(),
    window: async () => notYet(),
    reply: async () => notYet(),
    assign: async () => notYet(),
    handOver: async () => notYet(),
    note: async () => notYet(),
    markRead: async () => notYet(),
    roundRobin: async () => notYet(),
    setRoundRobin: async () => notYet(),
    agents: {
      add: async () => notYet(),
      update: async () => notYet(),
      get: async () => notYet(),
      list: async () => notYet(),
      remove: async () => notYet(),
    },
    canned: {
      create: async () => notYet(),
      update: async () => notYet(),
      get: async () => notYet(),
      find: async () => notYet(),
      list: async () => notYet(),
      remove: async () => notYet(),
    },
  };
}
