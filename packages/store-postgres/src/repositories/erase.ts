import type { NewConsentEntry } from '@tidings/core';
import type { Queryable } from '../db/queryable.js';
import { insertEntry } from './consent.js';

/**
 * Deletes every row about the contact, in every table, and appends the anonymous tombstone (F9, invariant 6).
 * Runs inside the caller's transaction, so it happens entirely or not at all.
 */
export async function eraseContact(
  q: Queryable,
  workspaceId: string,
  id: string,
  tombstone: NewConsentEntry,
): Promise<boolean> {
  const { rows } = await q.query<{ transport: string; address: string; phone: string | null }>(
    'DELETE FROM contacts WHERE workspace_id = $1 AND id = $2 RETURNING transport, address, phone',
    [workspaceId, id],
  );
  const contact = rows[0];
  if (!contact) return false;
  const byContact = [workspaceId, id];
  await q.query('DELETE FROM subscriptions WHERE workspace_id = $1 AND contact_id = $2', byContact);
  await q.query(
    'DELETE FROM optin_tokens WHERE workspace_id = $1 AND (contact_id = $2 OR used_by_contact_id = $2)',
    byContact,
  );
  await q.query('DELETE FROM messages WHERE workspace_id = $1 AND contact_id = $2', byContact);
  await q.query('DELETE FROM deliveries WHERE workspace_id = $1 AND contact_id = $2', byContact);
  await q.query('DELETE FROM link_clicks WHERE workspace_id = $1 AND contact_id = $2', byContact);
  await q.query('DELETE FROM links WHERE workspace_id = $1 AND contact_id = $2', byContact);
  await q.query('DELETE FROM forwards WHERE workspace_id = $1 AND contact_id = $2', byContact);
  await q.query(
    `DELETE FROM consent_ledger WHERE workspace_id = $1
       AND (contact_id = $2 OR (transport = $3 AND address = $4))`,
    [workspaceId, id, contact.transport, contact.address],
  );
  // Pacing timelines, daily counts and rate-limit buckets are keyed by the contact's id or address.
  const needles = [id, contact.address, ...(contact.phone ? [contact.phone] : [])];
  await q.query(
    `DELETE FROM pacing WHERE workspace_id = $1 AND EXISTS (SELECT 1 FROM unnest($2::text[]) n WHERE strpos(key, n) > 0)`,
    [workspaceId, needles],
  );
  await q.query(
    `DELETE FROM daily_recipients WHERE workspace_id = $1
       AND EXISTS (SELECT 1 FROM unnest($2::text[]) n WHERE strpos(recipient_key, n) > 0)`,
    [workspaceId, needles],
  );
  await q.query(
    `DELETE FROM rate_limits WHERE workspace_id = $1
       AND EXISTS (SELECT 1 FROM unnest($2::text[]) n WHERE strpos(key, n) > 0)`,
    [workspaceId, needles],
  );
  await insertEntry(q, tombstone);
  return true;
}
