import type { Audience } from '@tidings/core';

/**
 * The audience as one fixed SQL condition over `c` (contacts), parameterised from `$first` on: the text never
 * changes with the input, only the parameters do (a part that is not given is NULL and drops out). `workspace`
 * is the parameter holding the contacts' workspace.
 *
 * Channels are tested per contact, by one probe of the subscriptions' primary key against the channels' ids
 * (looked up once per statement); `OFFSET 0` keeps the planner from turning the test into a join. As a join, a
 * fan-out chunk of 50,000 contacts hashed every subscription of the workspace first, a million of them: 320 ms a
 * chunk, and a chunk of the dispatcher's default 5,000 paid the same.
 */
export function audienceCondition(first: number, workspace: string): string {
  const p = (i: number) => `$${first + i}`;
  return `(${p(0)}::text[] IS NULL OR c.id = ANY(${p(0)}::text[]))
  AND (${p(1)}::text[] IS NULL OR c.transport = ANY(${p(1)}::text[]))
  AND (${p(2)}::text[] IS NULL OR c.sender_id = ANY(${p(2)}::text[]))
  AND (${p(3)}::jsonb IS NULL OR c.attributes @> ${p(3)}::jsonb)
  AND (${p(4)}::text[] IS NULL OR EXISTS (
    SELECT 1 FROM subscriptions s
    WHERE s.workspace_id = c.workspace_id AND s.contact_id = c.id
      AND s.channel_id = ANY(ARRAY(
        SELECT ch.id FROM channels ch WHERE ch.workspace_id = ${workspace} AND ch.slug = ANY(${p(4)}::text[])))
      AND (${p(5)}::float8 IS NULL OR s.created_at <= ${p(5)}::float8)
    OFFSET 0))
  AND (${p(6)}::text IS NULL OR (${p(7)}::boolean AND EXISTS (
    SELECT 1 FROM link_clicks k WHERE k.workspace_id = c.workspace_id AND k.broadcast_id = ${p(6)}
      AND k.contact_id = c.id)) OR (NOT ${p(7)}::boolean AND EXISTS (
    SELECT 1 FROM messages m WHERE m.broadcast_id = ${p(6)} AND m.contact_id = c.id
      AND m.workspace_id = c.workspace_id AND m.status = ANY(${p(8)}::text[]))))`;
}

const ALL = ['received', 'queued', 'sent', 'delivered', 'read', 'failed', 'skipped'];
const OUTCOME_STATUSES: Record<string, string[]> = {
  delivered: ['delivered', 'read'],
  read: ['read'],
  'not-delivered': ALL.filter((s) => s !== 'delivered' && s !== 'read'),
  'not-read': ALL.filter((s) => s !== 'read'),
  clicked: [],
};

/** The nine parameters of `audienceCondition`, in order. */
export function audienceParams(audience: Audience, asOf: number | null): unknown[] {
  const outcome = audience.outcome;
  return [
    audience.contacts ?? null,
    audience.transports ?? null,
    audience.senders ?? null,
    audience.attributes ? JSON.stringify(audience.attributes) : null,
    audience.channels ?? null,
    asOf,
    outcome?.broadcastId ?? null,
    outcome?.is === 'clicked',
    outcome ? (OUTCOME_STATUSES[outcome.is] ?? []) : [],
  ];
}
