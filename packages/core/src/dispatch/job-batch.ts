/**
 * A kind of store call that can be made for many jobs at once (one round trip instead of one per delivery).
 * `run` answers the inputs in order. Create one per wrapper, not per call: waiting calls are grouped by gate.
 */
export interface BatchGate<I, O> {
  readonly name: string;
  run(inputs: I[]): Promise<O[]>;
}

interface Waiting {
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/**
 * How many microtask turns a gate waits for the rest of the batch at most. Jobs that only await in-memory work
 * arrive within a few turns; one waiting on the network or a timer does not hold the others up for longer.
 */
const maxTurns = 64;

/**
 * The jobs of one claimed batch, going through the chain side by side. A wrapper's store call goes through a
 * gate: it waits until every job still running has reached a gate (or `maxTurns` passed), then each gate runs
 * once for all its callers. The answers are those of the single calls, made in the order the jobs arrived.
 */
export class JobBatch {
  #alive: number;
  #parked = 0;
  #armed = false;
  /** Jobs waiting a moment for their pacing slot: they will reach a gate, so the gates wait for them. */
  #sleeping = 0;
  readonly #waiting = new Map<BatchGate<unknown, unknown>, Waiting[]>();

  constructor(size: number) {
    this.#alive = size;
  }

  /** Calls `gate` for this input together with the other jobs of the batch. */
  call<I, O>(gate: BatchGate<I, O>, input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      const g = gate as BatchGate<unknown, unknown>;
      let list = this.#waiting.get(g);
      if (!list) {
        list = [];
        this.#waiting.set(g, list);
      }
      list.push({ input, resolve: resolve as (value: unknown) => void, reject });
      this.#parked++;
      if (this.#parked >= this.#alive) this.#flush();
      else this.#arm();
    });
  }

  /** A job of the batch is done: the others no longer wait for it. */
  end(): void {
    this.#alive--;
    if (this.#parked > 0 && this.#parked >= this.#alive) this.#flush();
  }

  /** Waits for `wake` (a slot a few milliseconds ahead); the batch's gates wait for this job meanwhile. */
  async sleep<T>(wake: Promise<T>): Promise<T> {
    this.#sleeping++;
    try {
      return await wake;
    } finally {
      this.#sleeping--;
      if (this.#parked > 0) this.#arm();
    }
  }

  #arm(): void {
    if (this.#armed) return;
    this.#armed = true;
    let turns = 0;
    const turn = () => {
      if (!this.#armed) return;
      if (++turns < maxTurns) queueMicrotask(turn);
      else if (this.#sleeping > 0) {
        // Sleepers come back to a gate on their timer; the last to arrive (or end) flushes.
        this.#armed = false;
      } else this.#flush();
    };
    queueMicrotask(turn);
  }

  #flush(): void {
    this.#armed = false;
    this.#parked = 0;
    const gates = [...this.#waiting];
    this.#waiting.clear();
    for (const [gate, list] of gates) {
      let running: Promise<unknown[]>;
      try {
        running = gate.run(list.map((w) => w.input));
      } catch (error) {
        running = Promise.reject(error);
      }
      running.then(
        (outputs) => {
          for (let i = 0; i < list.length; i++) list[i]!.resolve(outputs[i]);
        },
        (error: unknown) => {
          for (const w of list) w.reject(error);
        },
      );
    }
  }
}

/** Calls the gate with the job's batch, or on its own when the job runs outside a batch. */
export function viaGate<I, O>(batch: JobBatch | undefined, gate: BatchGate<I, O>, input: I): Promise<O> {
  // Not an async function: the batch's promise is handed on as it is (no extra promise per call).
  if (batch) return batch.call(gate, input);
  return alone(gate, input);
}

async function alone<I, O>(gate: BatchGate<I, O>, input: I): Promise<O> {
  const [output] = await gate.run([input]);
  return output as O;
}
