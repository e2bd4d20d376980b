/**
 * A caller that already waited in the soft queue and whose sender slot frees within one interval is told to come
 * back exactly then instead of joining the queue's end: under timer jitter the queue would otherwise waste slots (the Store port's \`reserve\`).
 */
export const pacingJustMissed = `
DROP FUNCTION tidings_pacing_reserve(text, text, double precision, text, double precision, double precision, double precision);

CREATE FUNCTION tidings_pacing_reserve(
  ws text, sender_key text, interval_ms double precision, recipient_key text, gap_ms double precision,
  now_ms double precision, horizon_ms double precision, waited boolean, OUT at double precision, OUT reserved boolean
) LANGUAGE plpgsql AS $$
DECLARE
  recipient_at double precision;
  slot double precision;
  waiting double precision;
BEGIN
  -- Only this transaction: a reservation need not wait for its WAL flush while the sender's row stays locked
  -- (that wait serialises every worker). A database crash may forget the last few milliseconds of slots.
  PERFORM set_config('synchronous_commit', 'off', true);
  recipient_at := GREATEST(now_ms, tidings_pacing_lock(ws, 'r:' || recipient_key, now_ms));
  IF recipient_at > now_ms THEN
    at := recipient_at;
    reserved := false;
    RETURN;
  END IF;
  slot := GREATEST(now_ms, tidings_pacing_lock(ws, 's:' || sender_key, now_ms));
  IF slot - now_ms > horizon_ms THEN
    -- Waited its turn and just missed (the slot frees within one interval): come back exactly then, keeping the place.
    IF waited AND slot - now_ms <= interval_ms THEN
      at := slot;
      reserved := false;
      RETURN;
    END IF;
    waiting := GREATEST(slot - horizon_ms, tidings_pacing_lock(ws, 'w:' || sender_key, 0));
    UPDATE pacing SET next_at = waiting + interval_ms WHERE workspace_id = ws AND key = 'w:' || sender_key;
    at := waiting;
    reserved := false;
    RETURN;
  END IF;
  UPDATE pacing SET next_at = slot + interval_ms WHERE workspace_id = ws AND key = 's:' || sender_key;
  UPDATE pacing SET next_at = slot + gap_ms WHERE workspace_id = ws AND key = 'r:' || recipient_key;
  at := slot;
  reserved := true;
END
$$;
`;
