import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logger.js';
import type { SendOutcome } from '../ports/send-outcome.js';
import type { OutboundMessage } from '../ports/transport.js';
import { SendDeadlines, Watched } from './send-deadlines.js';
import { passOn, type SendJob, type SendStep, type StepResult } from './send-step.js';

/**
 * One call of `transport.send` and its deadline: its `signal` is made only when the transport reads it (an HTTP
 * transport does; an in-memory one may not).
 */
class SendCall extends Watched {
  #controller: AbortController | null = null;
  #resolve: ((outcome: SendOutcome) => void) | null = null;

  constructor(private readonly timeoutMs: number) {
    super();
  }

  get signal(): AbortSignal {
    this.#controller ??= new AbortController();
    return this.#controller.signal;
  }

  /** The transport's answer, or a "retry" once the deadline passed. */
  answer(job: SendJob, message: OutboundMessage): Promise<SendOutcome> {
    return new Promise<SendOutcome>((resolve, reject) => {
      this.#resolve = resolve;
      const call = this;
      // An own, enumerable getter (as an options literal has): a transport may spread the options into a fetch.
      const options = {
        get signal() {
          return call.signal;
        },
      };
      job.transport.send(message, options).then(resolve, reject);
    });
  }

  expire(): void {
    this.#controller?.abort(new Error(`no answer within ${this.timeoutMs} ms`));
    this.#resolve?.({
      kind: 'retry',
      retryAfterMs: null,
      reason: `timeout: no answer within ${this.timeoutMs} ms`,
    });
  }
}

/**
 * The innermost step: one call of `transport.send`, aborted after `timeoutMs` (on the injected clock). A transport
 * that throws or times out is treated as "retry": the network failed, not the message.
 * Hot path: no timer and no event listener per send (the deadlines share one timer); an AbortController only for
 * a transport that reads `signal`.
 */
export function transportCall(clock: Clock, logger: Logger, timeoutMs: number): SendStep {
  const deadlines = new SendDeadlines(clock, timeoutMs);
  // A `then` on the answer rather than an async function: a little less per send (no async frame).
  return passOn((job) => {
    if (job.signal.aborted) {
      return Promise.resolve<StepResult>({
        kind: 'sent',
        outcome: { kind: 'retry', retryAfterMs: null, reason: 'worker stopped' },
        content: job.content,
      });
    }
    const call = new SendCall(timeoutMs);
    deadlines.watch(call);
    let answer: Promise<SendOutcome>;
    try {
      const message: OutboundMessage = {
        sender: job.sender,
        to: job.contact.address,
        content: job.content,
        purpose: job.delivery.purpose,
        messageId: job.delivery.id,
        lastInboundAt: job.contact.lastInboundAt,
      };
      answer = call.answer(job, message);
    } catch (error) {
      answer = Promise.reject(error);
    }
    return answer.then(
      (outcome): StepResult => {
        deadlines.done(call);
        return { kind: 'sent', outcome, content: job.content };
      },
      (error: unknown): StepResult => {
        deadlines.done(call);
        logger.warn(`transport "${job.transport.name}" threw instead of returning an outcome`, { error });
        const reason = error instanceof Error ? error.message : String(error);
        return { kind: 'sent', outcome: { kind: 'retry', retryAfterMs: null, reason }, content: job.content };
      },
    );
  });
}
