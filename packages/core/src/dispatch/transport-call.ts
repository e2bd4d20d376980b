import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logger.js';
import type { SendOutcome } from '../ports/send-outcome.js';
import { SendDeadlines } from './send-deadlines.js';
import type { SendStep } from './send-step.js';

/**
 * The innermost step: one call of `transport.send`, aborted after `timeoutMs` (on the injected clock). A transport
 * that throws or times out is treated as "retry": the network failed, not the message.
 * Hot path: no timer and no event listener per send (the deadlines share one timer); an AbortController only for
 * a transport that reads `signal`.
 */
export function transportCall(clock: Clock, logger: Logger, timeoutMs: number): SendStep {
  const deadlines = new SendDeadlines(clock, timeoutMs);
  return async (job) => {
    if (job.signal.aborted) {
      return {
        kind: 'sent',
        outcome: { kind: 'retry', retryAfterMs: null, reason: 'worker stopped' },
        content: job.content,
      };
    }
    // Made only when the transport reads `signal` (an HTTP transport does; an in-memory one may not).
    let controller: AbortController | null = null;
    const options = {
      get signal() {
        controller ??= new AbortController();
        return controller.signal;
      },
    };
    let cancel = () => {};
    try {
      const message = {
        sender: job.sender,
        to: job.contact.address,
        content: job.content,
        purpose: job.delivery.purpose,
        messageId: job.delivery.id,
        lastInboundAt: job.contact.lastInboundAt,
      };
      const outcome = await new Promise<SendOutcome>((resolve, reject) => {
        cancel = deadlines.watch(() => {
          controller?.abort(new Error(`no answer within ${timeoutMs} ms`));
          resolve({ kind: 'retry', retryAfterMs: null, reason: `timeout: no answer within ${timeoutMs} ms` });
        });
        job.transport.send(message, options).then(resolve, reject);
      });
      return { kind: 'sent', outcome, content: job.content };
    } catch (error) {
      logger.warn(`transport "${job.transport.name}" threw instead of returning an outcome`, { error });
      const reason = error instanceof Error ? error.message : String(error);
      return { kind: 'sent', outcome: { kind: 'retry', retryAfterMs: null, reason }, content: job.content };
    } finally {
      cancel();
    }
  };
}
