import type { Clock } from '../clock/clock.js';

/**
 * Waits in the process for slots a few milliseconds ahead: one timer per millisecond however many deliveries wait
 * for it, instead of a round trip through the outbox per delivery.
 */
export function slotWaiter(clock: Clock): (at: number) => Promise<void> {
  const waits = new Map<number, Promise<void>>();
  return (at) => {
    const due = Math.ceil(at);
    let wait = waits.get(due);
    if (!wait) {
      wait = new Promise<void>((resolve) => {
        clock.setTimer(() => {
          waits.delete(due);
          resolve();
        }, due - clock.now());
      });
      waits.set(due, wait);
    }
    return wait;
  };
}
