import { z } from 'zod';
import { TidingsError } from '../../errors/tidings-error.js';
import { parseOrThrow } from '../../errors/zod-issues.js';
import type { CoreContext } from '../core-context.js';
import type { AgentsApi, CannedAnswersApi } from './inbox-api.js';

const agentSchema = z.object({
  id: z.string().regex(/^[\w.@+-]{1,64}$/, 'letters, digits and . _ @ + - only, at most 64'),
  name: z.string().trim().min(1).max(120),
  signature: z.string().max(500).nullable().optional(),
  available: z.boolean().optional(),
});

const agentPatchSchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  signature: z.string().max(500).nullable().optional(),
  available: z.boolean().optional(),
});

const cannedSchema = z.object({
  shortcut: z.string().trim().min(1).max(64),
  title: z.string().trim().min(1).max(200),
  text: z.string().min(1).max(4096),
});

/** `tidings.inbox.agents`. */
export function agentsApi(ctx: CoreContext): AgentsApi {
  const { store, workspaceId } = ctx;
  return {
    async add(input) {
      const valid = parseOrThrow(agentSchema, input, 'agent');
      const agent = await store.agents.create(
        {
          workspaceId,
          id: valid.id,
          name: valid.name,
          signature: valid.signature ?? null,
          available: valid.available ?? true,
        },
        ctx.clock.now(),
      );
      ctx.events.emit('agent.updated', { agent });
      return agent;
    },
    async update(id, patch) {
      const valid = parseOrThrow(agentPatchSchema, patch, 'agent change');
      const clean = Object.fromEntries(Object.entries(valid).filter(([, v]) => v !== undefined));
      const agent = await store.agents.update(workspaceId, id, clean, ctx.clock.now());
      if (!agent) throw new TidingsError('NOT_FOUND', `No agent ${id}.`);
      ctx.events.emit('agent.updated', { agent });
      return agent;
    },
    get: (id) => store.agents.get(workspaceId, id),
    list: () => store.agents.list(workspaceId),
    async remove(id) {
      const agent = await store.agents.get(workspaceId, id);
      if (!agent || !(await store.agents.remove(workspaceId, id))) return false;
      ctx.events.emit('agent.updated', { agent, removed: true });
      return true;
    },
  };
}

/** `tidings.inbox.canned`. */
export function cannedAnswersApi(ctx: CoreContext): CannedAnswersApi {
  const { store, workspaceId } = ctx;
  return {
    async create(input) {
      const valid = parseOrThrow(cannedSchema, input, 'canned answer');
      return store.cannedAnswers.create({ workspaceId, ...valid }, ctx.clock.now());
    },
    async update(id, patch) {
      const valid = parseOrThrow(cannedSchema.partial(), patch, 'canned answer change');
      const clean = Object.fromEntries(Object.entries(valid).filter(([, v]) => v !== undefined));
      const answer = await store.cannedAnswers.update(workspaceId, id, clean, ctx.clock.now());
      if (!answer) throw new TidingsError('NOT_FOUND', `No canned answer ${id}.`);
      return answer;
    },
    get: (id) => store.cannedAnswers.get(workspaceId, id),
    async find(idOrShortcut) {
      return (
        (await store.cannedAnswers.get(workspaceId, idOrShortcut)) ??
        (await store.cannedAnswers.getByShortcut(workspaceId, idOrShortcut))
      );
    },
    list: () => store.cannedAnswers.list(workspaceId),
    remove: (id) => store.cannedAnswers.remove(workspaceId, id),
  };
}
