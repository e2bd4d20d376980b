import type { Broadcast } from '../model/broadcast.js';
import type { Contact } from '../model/contact.js';
import type { Content } from '../model/content.js';
import type { Delivery } from '../model/delivery.js';
import type { SenderAccount } from '../model/sender.js';
import type { SendOutcome } from '../ports/send-outcome.js';
import type { Transport } from '../ports/transport.js';
import type { JobBatch } from './job-batch.js';

/** Everything one send needs, gathered once by the dispatcher. */
export interface SendJob {
  delivery: Delivery;
  contact: Contact;
  transport: Transport;
  sender: SenderAccount;
  broadcast: Broadcast | null;
  /** What goes out; wrappers may replace it (template fallback, rendering, tracked links). */
  content: Content;
  now: number;
  signal: AbortSignal;
  /** The batch this job was claimed in: wrappers make their store calls for the whole batch through it. */
  batch?: JobBatch;
}

/** What became of one step through the chain. */
export type StepResult =
  /** The transport answered. */
  | { kind: 'sent'; outcome: SendOutcome; content: Content }
  /** Not now: due again at `notBefore` (pacing, quiet hours, frequency cap, retry after). */
  | {
      kind: 'defer';
      notBefore: number;
      reason: string;
      slotAt?: number | null;
      attempts?: number;
      useTemplate?: boolean;
    }
  /** Never: recorded as skipped with the reason (window closed, no longer subscribed…). */
  | { kind: 'skip'; reason: string }
  /** Never: recorded as failed with the reason. */
  | { kind: 'fail'; reason: string };

export type SendStep = (job: SendJob) => Promise<StepResult>;

/**
 * One link of the dispatcher's chain (as grammY's API transformers): a named factory that wraps the next step.
 * The chain is inspectable (`tidings.dispatcher.chain`) and can be extended with your own wrappers.
 */
export interface SendWrapper {
  name: string;
  wrap(next: SendStep): SendStep;
}

/**
 * Runs a wrapper's synchronous part as an async function would: a throw becomes a rejected promise. Hot path:
 * a wrapper that mostly just passes the job on returns `next(job)` itself instead of wrapping it in one more
 * promise (an async function returning a promise costs three microtask turns and as many allocations).
 */
export function passOn(body: (job: SendJob) => Promise<StepResult>): SendStep {
  return (job) => {
    try {
      return body(job);
    } catch (error) {
      return Promise.reject(error);
    }
  };
}

/** Builds the chain: the first wrapper runs first, the innermost step calls the transport. */
export function composeChain(wrappers: readonly SendWrapper[], innermost: SendStep): SendStep {
  return wrappers.reduceRight<SendStep>((next, wrapper) => wrapper.wrap(next), innermost);
}
