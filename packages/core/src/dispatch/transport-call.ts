import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logger.js';
import type { SendOutcome } from '../ports/send-outcome.js';
import type { SendStep } from './send-step.js';

/**
 * The innermost step: one call of `transport.send`, aborted after `timeoutMs` (on the injected clock). A transport
 * that throws or times out is treated as "retry": the network failed, not the message.
 * Hot path: one AbortController and one timer per send, no event listeners.
 */
export function transportCall(clock: Clock, logger: Logger, timeoutMs: number): SendStep {
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
    let onTimeout!: (outcome: SendOutcome) => void;
    const timedOut = new Promise<SendOutcome>((resolve) => {
      onTimeout = resolve;
    });
    const timer = clock.setTimer(() => {
      controller?.abort(new Error(`no answer within ${timeoutMs} ms`));
      onTimeout({ kind: 'retry', retryAfterMs: null, reason: `timeout: no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    try {
      const message = {
        sender: job.sender,
        to: job.contact.address,
        content: job.content,
        purpose: job.delivery.purpose,
        messageId: job.delivery.id,
        lastInboundAt: job.contact.lastInboundAt,
      };

      const outcome = await Promise.race([job.transport.send(message, options), timedOut]);

      return { kind: 'sent', outcome, content: job.content };
    } catch (error) {
      logger.warn(`transport "${job.transport.name}" threw instead of returning an outcome`, { error });
      const reason = error instanceof Error ? error.message : String(error);
      return { kind: 'sent', outcome: { kind: 'retry', retryAfterMs: null, reason }, content: job.content };
    } finally {
      clock.clearTimer(timer);
    }
  };
}
