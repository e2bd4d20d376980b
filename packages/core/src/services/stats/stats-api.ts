import type { BroadcastStatus } from '../../model/broadcast.js';

/** A date range; `from` inclusive, `to` exclusive. Dates as ms, Date or ISO string (`2026-06-01`). */
export interface StatsRange {
  from: number | string | Date;
  to: number | string | Date;
  /** IANA time zone the days are counted in; default `UTC`. */
  timeZone?: string;
}

/**
 * Counts of one day, for all channels (`channel` null) or for one channel (its slug).
 * - signups: requests through the widget/API (`requested`) and direct opt-ins by keyword or link (`opted-in`);
 * - confirmations: confirmed requests (`confirmed`) and direct opt-ins (`opted-in`);
 * - unsubscribes: with `channel` null a full STOP (`opted-out`); per channel every removal from it (`channel-removed`).
 */
export interface ConsentDay {
  day: string;
  channel: string | null;
  signups: number;
  confirmations: number;
  unsubscribes: number;
}

export interface ConsentStats {
  from: number;
  to: number;
  timeZone: string;
  /** One row per day of the range (zeros included), channel null. */
  days: ConsentDay[];
  /** One row per day and channel that had any entry. */
  byChannel: ConsentDay[];
}

/** One broadcast's funnel (cumulative: a read message also counts as delivered and sent) and failures by reason. */
export interface BroadcastFunnel {
  broadcastId: string;
  name: string | null;
  status: BroadcastStatus;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  /** Deliveries created by the fan-out. */
  total: number;
  /** Waiting in the outbox now. */
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  clicked: number;
  failed: number;
  skipped: number;
  cancelled: number;
  /** Failed and skipped messages by reason. */
  reasons: Record<string, number>;
}

/** `tidings.stats`: sign-up statistics from the consent ledger and broadcast funnels, with CSV export (F36). */
export interface StatsApi {
  /** Sign-ups, confirmations and unsubscribes per day and per channel over the range. */
  consent(range: StatsRange): Promise<ConsentStats>;
  /** CSV (RFC 4180, header row): day,channel,signups,confirmations,unsubscribes — totals rows have channel `*`. */
  consentCsv(range: StatsRange): Promise<string>;
  /** One broadcast's funnel. NOT_FOUND for an unknown id. */
  broadcast(id: string): Promise<BroadcastFunnel>;
  /** Funnels of the broadcasts created in the range (all when omitted), newest first, at most `limit` (200). */
  broadcasts(query?: {
    from?: StatsRange['from'];
    to?: StatsRange['to'];
    limit?: number;
  }): Promise<BroadcastFunnel[]>;
  /** CSV of `broadcasts(query)`: one row per broadcast and one per failure reason (`reason` column). */
  broadcastsCsv(query?: {
    from?: StatsRange['from'];
    to?: StatsRange['to'];
    limit?: number;
  }): Promise<string>;
}
