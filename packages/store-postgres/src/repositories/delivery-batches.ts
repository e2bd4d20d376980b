import type { DeliveryRepository } from '@tidings/core';
import type { Db } from '../db/queryable.js';
import { encodeContent } from '../rows.js';
import { timeOrderedId } from './message-ids.js';

// A batch of outcomes in one statement: the deliveries leave the outbox, their outcomes enter the conversation.
// The outcomes come as one JSON document and the ids as one comma-separated list: pg escaping a thousand array
// elements one by one in JavaScript cost more than the statement. The rows are found by \`id = ANY\` of the list
// (folded into a constant array: the primary key); joining them to the outcomes instead makes the planner guess a
// handful of outcomes and scan the whole outbox for each. The new messages' ids are this batch's time-ordered id
// and the outcome's place in it. The answer lists the ids that did not finish (their lease was lost).
const FINISH_MANY = `WITH done AS (
  DELETE FROM deliveries d
  WHERE d.workspace_id = $1 AND d.id = ANY(string_to_array($3, ',')::bigint[]) AND d.lease_owner = $2
  RETURNING d.id, d.workspace_id, d.message_id, d.contact_id, d.transport, d.sender_id, d.purpose, d.in_reply_to,
    d.broadcast_id
), input AS MATERIALIZED (
  SELECT * FROM ROWS FROM (json_to_recordset($4::json)
    AS (id bigint, status text, provider text, error text, content integer, at float8)) WITH ORDINALITY
    AS i(id, status, provider, error, content, at, n)
), outcome AS MATERIALIZED (
  SELECT done.*, i.status, i.provider, i.error,
    $5 || CASE WHEN i.n < 1000000 THEN lpad(i.n::text, 6, '0') ELSE i.n::text END AS new_id,
    ($6::jsonb[])[i.content] AS content, i.at
  FROM done JOIN input i ON i.id = done.id
), queued AS (
  UPDATE messages m SET status = o.status, provider_message_id = o.provider, error = o.error
  FROM outcome o WHERE o.message_id IS NOT NULL AND m.id = o.message_id AND m.workspace_id = $1
), recorded AS (
  INSERT INTO messages (id, workspace_id, contact_id, transport, sender_id, direction, kind, purpose, content,
    provider_message_id, status, error, at, in_reply_to, broadcast_id)
  SELECT new_id, workspace_id, contact_id, transport, sender_id, 'out', 'message', purpose, content,
    provider, status, error, at, in_reply_to, broadcast_id
  FROM outcome WHERE message_id IS NULL
)
SELECT COALESCE(string_agg(i.id::text, ','), '') AS missed FROM input i WHERE i.id NOT IN (SELECT id FROM done)`;

// The owner comes with each retry (\`$2\` repeated) so that it is a join condition: as a filter on the outbox the
// planner would guess that hardly any row is leased to it and scan the retries once per row.
const RETRY_MANY = `UPDATE deliveries d SET not_before = i.not_before, due_at = i.not_before, lease_owner = NULL,
  lease_until = NULL,
  attempts = COALESCE(i.attempts, d.attempts),
  slot_at = CASE WHEN i.set_slot THEN i.slot_at ELSE d.slot_at END,
  use_template = COALESCE(i.use_template, d.use_template),
  last_error = CASE WHEN i.set_error THEN i.last_error ELSE d.last_error END,
  sender_id = COALESCE(i.sender_id, d.sender_id)
FROM unnest($3::bigint[], $2::text[], $4::float8[], $5::int[], $6::boolean[], $7::float8[], $8::boolean[],
  $9::boolean[], $10::text[], $11::text[])
  AS i(id, owner, not_before, attempts, set_slot, slot_at, use_template, set_error, last_error, sender_id)
WHERE d.id = i.id AND d.lease_owner = i.owner AND d.workspace_id = $1
RETURNING d.id`;

const isId = (id: string) => /^\d+$/.test(id);
const NO_CONTENT = {};

/** Which of the items' ids came back, as one boolean per item. */
const matched = (items: readonly { id: string }[], rows: { id: unknown }[]) => {
  const ids = new Set(rows.map((r) => String(r.id)));
  return items.map((item) => ids.has(item.id));
};

/** `finishMany` and `retryMany`: a worker's batch of outcomes in one round trip each. */
export function postgresDeliveryBatches(db: Db): Pick<DeliveryRepository, 'finishMany' | 'retryMany'> {
  return {
    async finishMany(workspaceId, owner, all) {
      const items = all.filter((i) => isId(i.id));
      if (items.length === 0) return all.map(() => false);
      // A broadcast's unpersonalised content is one object for every recipient: encoded, sent and parsed once,
      // and referred to by its (1-based) place in the list of distinct contents.
      const contents: string[] = [];
      const places = new Map<object, number>();
      const contentOf = (content: object) => {
        let place = places.get(content);
        if (place === undefined) {
          place = contents.push(JSON.stringify(encodeContent(content)));
          places.set(content, place);
        }
        return place;
      };
      const outcomes = items.map(({ id, outcome }) => ({
        id,
        status: outcome.status,
        provider: outcome.providerMessageId,
        error: outcome.error,
        content: contentOf(outcome.content ?? NO_CONTENT),
        at: outcome.at,
      }));
      const { rows } = await db.query<{ missed: string }>(FINISH_MANY, [
        workspaceId,
        owner,
        items.map((i) => i.id).join(','),
        JSON.stringify(outcomes),
        timeOrderedId(),
        contents,
      ]);
      const missed = rows[0]?.missed ? new Set(rows[0].missed.split(',')) : null;
      return all.map((i) => isId(i.id) && !missed?.has(i.id));
    },

    async retryMany(workspaceId, owner, all) {
      const items = all.filter((i) => isId(i.id));
      if (items.length === 0) return all.map(() => false);
      const { rows } = await db.query<{ id: unknown }>(RETRY_MANY, [
        workspaceId,
        items.map(() => owner),
        items.map((i) => i.id),
        items.map((i) => i.retry.notBefore),
        items.map((i) => i.retry.attempts ?? null),
        items.map((i) => i.retry.slotAt !== undefined),
        items.map((i) => i.retry.slotAt ?? null),
        items.map((i) => i.retry.useTemplate ?? null),
        items.map((i) => i.retry.lastError !== undefined),
        items.map((i) => i.retry.lastError ?? null),
        items.map((i) => i.retry.senderId ?? null),
      ]);
      return matched(all, rows);
    },
  };
}
