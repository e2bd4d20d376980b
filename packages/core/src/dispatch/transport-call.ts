import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logger.js';
import type { SendOutcome } from '../ports/send-outcome.js';
import type { SendStep } from './send-step.js';

/**
 * The innermost step: one call of `transport.send`, aborted after `timeoutMs` (on the injected clock). A transport
 * that throws or times out is treated as "retry": the network failed, not the message.
 */
export function transportCall(clock: Clock, logger: Logger, timeoutMs: number): SendStep {
  return async (job) => {
    const controller = new AbortController();
    const onAbort = () => controller.abort(job.signal.reason);
    job.signal.addEventListener('abort', onAbort, { once: true });
    const timer = clock.setTimer(
      () => controller.abort(new Error(`no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const timedOut = new Promise<SendOutcome>((resolve) => {
      controller.signal.addEventListener('abort', () =>
        resolve({
          kind: 'retry',
          retryAfterMs: null,
          reason: `timeout: ${String(controller.signal.reason?.message ?? 'aborted')}`,
        }),
      );
    });
    try {
      const message = {
        sender: job.sender,
        to: job.contact.address,
        content: job.content,
        purpose: job.delivery.purpose,
        messageId: job.delivery.id,
      };
      const outcome = await Promise.race([
        job.transport.send(message, { signal: controller.signal }),
        timedOut,
      ]);
      return { kind: 'sent', outcome, content: job.content };
    } catch (error) {
      logger.warn(`transport "${job.transport.name}" threw instead of returning an outcome`, { error });
      const reason = error instanceof Error ? error.message : String(error);
      return { kind: 'sent', outcome: { kind: 'retry', retryAfterMs: null, reason }, content: job.content };
    } finally {
      clock.clearTimer(timer);
      job.signal.removeEventListener('abort', onAbort);
    }
  };
}
