/**
 * A kind of store call that can be made for many jobs at once (one round trip instead of one per delivery).
 * `run` answers the inputs in order. Create one per wrapper, not per call: waiting calls are grouped by gate.
 */
export interface BatchGate<I, O> {
  readonly name: string;
  run(inputs: I[]): Promise<O[]>;
}

/** A job's place in a gate's next run: the run's answers (for all its callers), and which one is the job's. */
export interface Seat<O> {
  readonly answers: Promise<O[]>;
  readonly index: number;
}

/** The callers of one gate waiting for its next run: one promise for all of them, not one each. */
interface Round {
  inputs: unknown[];
  answers: Promise<unknown[]>;
  settle: (run: Promise<unknown[]>) => void;
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
  readonly #waiting = new Map<BatchGate<unknown, unknown>, Round>();

  constructor(size: number) {
    this.#alive = size;
  }

  /** Calls `gate` for this input together with the other jobs of the batch. */
  call<I, O>(gate: BatchGate<I, O>, input: I): Promise<O> {
    const seat = this.seat(gate, input);
    return seat.answers.then((answers) => answers[seat.index]!);
  }

  /** As `call`, answered as the whole run's answers and this input's place in them (no promise per caller). */
  seat<I, O>(gate: BatchGate<I, O>, input: I): Seat<O> {
    const g = gate as BatchGate<unknown, unknown>;
    let round = this.#waiting.get(g);
    if (!round) {
      let settle!: (run: Promise<unknown[]>) => void;
      const answers = new Promise<unknown[]>((resolve) => {
        settle = resolve;
      });
      round = { inputs: [], answers, settle };
      this.#waiting.set(g, round);
    }
    const seat: Seat<O> = { answers: round.answers as Promise<O[]>, index: round.inputs.length };
    round.inputs.push(input);
    this.#parked++;
    if (this.#parked >= this.#alive) this.#flush();
    else this.#arm();
    return seat;
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
    const rounds = [...this.#waiting];
    this.#waiting.clear();
    for (const [gate, round] of rounds) {
      let running: Promise<unknown[]>;
      try {
        running = gate.run(round.inputs);
      } catch (error) {
        running = Promise.reject(error);
      }
      round.settle(running);
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
