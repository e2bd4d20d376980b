import { passOn, type SendJob, type SendWrapper, type StepResult } from '../send-step.js';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

/** Exponential backoff with full jitter, capped. */
export function backoffMs(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2);
}

/**
 * Turns "retry" outcomes into a later attempt: the platform's retry-after is honoured (plus up to 10 % jitter so
 * retries do not arrive together), otherwise exponential backoff. After `maxAttempts` the delivery fails.
 */
export function retry(policy: RetryPolicy): SendWrapper {
  return {
    name: 'retry',
    // A `then`, not an async function: a little less per send (no async frame).
    wrap: (next) => passOn((job) => next(job).then((result) => afterAttempt(result, job, policy))),
  };
}

function afterAttempt(result: StepResult, job: SendJob, policy: RetryPolicy): StepResult {
  if (result.kind !== 'sent' || result.outcome.kind !== 'retry') return result;
  const attempts = job.delivery.attempts + 1;
  const { reason, retryAfterMs } = result.outcome;
  if (attempts >= policy.maxAttempts)
    return { kind: 'fail', reason: `gave up after ${attempts} attempts: ${reason}` };
  const delay =
    retryAfterMs !== null
      ? retryAfterMs + Math.round(policy.random() * retryAfterMs * 0.1)
      : backoffMs(attempts, policy);
  return {
    kind: 'defer',
    notBefore: job.now + delay,
    attempts,
    slotAt: null,
    reason: `retry: ${reason}`,
  };
}
