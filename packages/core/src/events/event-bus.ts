import { EventEmitter } from 'eventemitter3';
import type { Logger } from '../logger.js';
import type { Listener, TidingsEventName, TidingsEvents } from './event-map.js';

/** Typed events where a failing listener is logged and never breaks the flow that emitted. */
export class EventBus {
  readonly #emitter = new EventEmitter();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  on<E extends TidingsEventName>(event: E, listener: Listener<E>): () => void {
    this.#emitter.on(event, listener);
    return () => this.#emitter.off(event, listener);
  }

  off<E extends TidingsEventName>(event: E, listener: Listener<E>): void {
    this.#emitter.off(event, listener);
  }

  emit<E extends TidingsEventName>(event: E, payload: TidingsEvents[E]): void {
    for (const listener of this.#emitter.listeners(event) as Listener<E>[]) {
      try {
        const result = listener(payload);
        if (result instanceof Promise) result.catch((error: unknown) => this.#report(event, error));
      } catch (error) {
        this.#report(event, error);
      }
    }
  }

  #report(event: string, error: unknown) {
    this.#logger.error(`a listener for "${event}" failed`, { error });
  }
}
