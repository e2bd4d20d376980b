import type { Row } from '../rows.js';

/** How often a process's claims read the bulk lane from its start, for the rows they would otherwise pass over. */
export const FULL_READ_EVERY_MS = 1000;

interface Start {
  /** The claim index position (due time, id) of the first bulk row the last claim took. */
  due: number;
  id: string;
  /** The claim time of the last read from the start of the lane. */
  fullAt: number;
}

/**
 * Where a process's next claim of a workspace's bulk lane begins reading the claim index. Every row before the
 * first one its last claim took was then finished (deleted, leaving a dead index entry that a vacuum has not yet
 * removed), in flight with some worker, or held (a paused broadcast or sender): a long broadcast leaves a million
 * dead entries at the front of the index, and a claim reading from the start steps over all of them (7 ms a claim
 * at a million). Rows can come to lie before that position only by a lease running out, a broadcast or sender
 * resumed, or a spread-out fan-out chunk: a claim reads from the start of the lane at least once a
 * {@link FULL_READ_EVERY_MS} and whenever reading from the position finds fewer rows than it may take.
 */
export class ClaimStarts {
  readonly #starts = new Map<string, Start>();

  /** The position to read from, or null to read from the start of the lane. */
  from(workspaceId: string, now: number): Start | null {
    const start = this.#starts.get(workspaceId);
    if (!start || now < start.fullAt || now - start.fullAt >= FULL_READ_EVERY_MS) return null;
    return start;
  }

  /**
   * After a claim: the first bulk row it took (by lane, due_at and id) is where the next one begins; `full` if it
   * read from the start.
   */
  claimed(workspaceId: string, now: number, full: boolean, rows: readonly Row[]): void {
    let first: { due: number; id: bigint } | null = null;
    for (const r of rows) {
      if (Number(r.lane) !== 1) continue;
      const due = Number(r.due_at);
      const id = BigInt(String(r.id));
      if (first === null || due < first.due || (due === first.due && id < first.id)) first = { due, id };
    }
    const fullAt = full ? now : this.#starts.get(workspaceId)?.fullAt;
    if (first === null || fullAt === undefined) {
      // Nothing to begin from: the next claim reads from the start.
      this.#starts.delete(workspaceId);
      return;
    }
    this.#starts.set(workspaceId, { due: first.due, id: String(first.id), fullAt });
  }
}
