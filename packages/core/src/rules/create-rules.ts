import { ForwardWorker } from '../forwarding/forward-worker.js';
import { contactLockKey } from '../services/contact-lock-key.js';
import type { CoreContext } from '../services/core-context.js';
import type { KeyedLock } from '../services/keyed-lock.js';
import { RuleCache } from './rule-cache.js';
import { RuleRunner } from './rule-runner.js';
import { type RulesApi, rulesApi } from './rules-service.js';

/** The rules part of one installation: the API, the engine the inbound pipeline calls, the forward worker. */
export interface RulesParts {
  api: RulesApi;
  runner: RuleRunner;
  worker: ForwardWorker;
}

/** `lock` is the inbound pipeline's, so rules triggered outside a message still run in the contact's order. */
export function createRules(
  ctx: CoreContext,
  lock: KeyedLock,
  track: <T>(work: Promise<T>) => Promise<T>,
): RulesParts {
  const cache = new RuleCache(ctx.store, ctx.workspaceId, ctx.clock, ctx.logger);
  const worker = new ForwardWorker(ctx, track);
  const serialize = <T>(contact: { transport: string; address: string }, task: () => Promise<T>) =>
    lock.run(contactLockKey(contact.transport, contact.address), task);
  const runner = new RuleRunner(ctx, cache, worker, serialize, track);
  return { api: rulesApi(ctx, cache, worker), runner, worker };
}
