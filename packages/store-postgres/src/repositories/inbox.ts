import type { AgentRepository, CannedAnswerRepository, ConversationRepository } from '@tidings/core';
import { TidingsError } from '@tidings/core';
import type { Db } from '../db/queryable.js';

const notYet = (): never => {
  throw new TidingsError('STORE_FAILED', 'postgres inbox: not yet implemented');
};

export function postgresConversations(_db: Db): ConversationRepository {
  return {
    list: async () => notYet(),
    get: async () => notYet(),
    markRead: async () => notYet(),
    assign: async () => notYet(),
    assignNext: async () => notYet(),
  };
}

export function postgresAgents(_db: Db): AgentRepository {
  return {
    create: async () => notYet(),
    update: async () => notYet(),
    get: async () => notYet(),
    list: async () => notYet(),
    remove: async () => notYet(),
    roundRobin: async () => notYet(),
    setRoundRobin: async () => notYet(),
  };
}

export function postgresCannedAnswers(_db: Db): CannedAnswerRepository {
  return {
    create: async () => notYet(),
    update: async () => notYet(),
    get: async () => notYet(),
    getByShortcut: async () => notYet(),
    list: async () => notYet(),
    remove: async () => notYet(),
  };
}
