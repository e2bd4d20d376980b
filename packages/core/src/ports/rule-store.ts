import type { RuleSetJson } from '../rules/rule-schema.js';
import type { Page } from './store.js';

/** The rule set of a workspace as stored: both forms, replaced as a whole (F30). */
export interface StoredRuleSet {
  workspaceId: string;
  /** Counts up by one with every replacement; 0 is never stored. */
  version: number;
  /** What was set: `text` keeps the author's text (comments and layout); `json` prints the text from the JSON. */
  source: 'text' | 'json';
  text: string;
  json: RuleSetJson;
  updatedAt: number;
}

export interface RuleSetRepository {
  get(workspaceId: string): Promise<StoredRuleSet | null>;
  /** Replaces the workspace's rule set in one step; returns the stored row with the next version. */
  replace(
    workspaceId: string,
    set: Pick<StoredRuleSet, 'source' | 'text' | 'json'>,
    at: number,
  ): Promise<StoredRuleSet>;
}

/** How a forward leaves: a signed HTTP POST, an e-mail, or an SMS. */
export type ForwardChannel = 'http' | 'email' | 'sms';
/** Delivered forwards leave the queue; failed ones stay, visible, until retried. */
export type ForwardStatus = 'queued' | 'failed';

/** One forward in the durable queue: a restart loses none. */
export interface Forward {
  id: string;
  workspaceId: string;
  /** The contact the event is about; erasing the contact removes the forward (invariant 6). */
  contactId: string | null;
  via: ForwardChannel;
  /** URL, e-mail address or phone number. */
  target: string;
  /** The JSON event, exactly the bytes that are posted and signed. */
  body: string;
  status: ForwardStatus;
  /** Attempts started so far (counted when claimed, so a crash mid-attempt counts). */
  attempts: number;
  nextAttemptAt: number;
  /** While a worker holds it; a crashed worker's lease runs out and the forward is claimed again. */
  leaseUntil: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

export type NewForward = Pick<Forward, 'workspaceId' | 'contactId' | 'via' | 'target' | 'body'>;

export interface ForwardListQuery {
  status?: ForwardStatus;
  limit: number;
  cursor?: string | null;
}

export interface ForwardRepository {
  /** Queues a forward, due at once. */
  enqueue(forward: NewForward, at: number): Promise<Forward>;
  /**
   * Claims up to `limit` queued forwards due at `now` whose lease is free, oldest due first: leases them
   * until `now + leaseMs` and counts the attempt. Atomic, so two workers never claim the same forward.
   */
  claimDue(workspaceId: string, now: number, limit: number, leaseMs: number): Promise<Forward[]>;
  /** Delivered: removes it from the queue. */
  complete(workspaceId: string, id: string): Promise<void>;
  /** After a failed attempt: queued again at `nextAttemptAt`, or failed for good when that is null. */
  fail(
    workspaceId: string,
    id: string,
    outcome: { error: string; nextAttemptAt: number | null },
    at: number,
  ): Promise<Forward | null>;
  /** Puts a failed forward back in the queue, due at `at` (a replay). */
  retry(workspaceId: string, id: string, at: number): Promise<Forward | null>;
  get(workspaceId: string, id: string): Promise<Forward | null>;
  /** Oldest first. */
  list(workspaceId: string, query: ForwardListQuery): Promise<Page<Forward>>;
  /** When the next queued forward falls due (a held lease counts as due when it runs out); null when none. */
  nextDueAt(workspaceId: string): Promise<number | null>;
}
