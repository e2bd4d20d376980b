/**
 * Pacing as functions, so a reservation is one round trip and atomic under row locks (invariant 3): the
 * recipient's row is locked first, then the sender's, always in that order, so concurrent callers never deadlock.
 */
export const pacingFunctions = `
CREATE FUNCTION tidings_pacing_lock(ws text, k text, initial double precision) RETURNS double precision
LANGUAGE sql AS $$
  INSERT INTO pacing AS p (workspace_id, key, next_at) VALUES (ws, k, initial)
  ON CONFLICT (workspace_id, key) DO UPDATE SET next_at = p.next_at
  RETURNING next_at
$$;

CREATE FUNCTION tidings_pacing_reserve(
  ws text, sender_key text, interval_ms double precision, recipient_key text, gap_ms double precision,
  now_ms double precision, horizon_ms double precision, OUT at double precision, OUT reserved boolean
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

CREATE FUNCTION tidings_admit_daily(ws text, sk text, rk text, d text, cap integer) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  admitted_now integer;
BEGIN
  -- Lock the day's counter first: admissions of one sender and day are serialised.
  INSERT INTO daily_counts AS c (workspace_id, sender_key, day, admitted) VALUES (ws, sk, d, 0)
  ON CONFLICT (workspace_id, sender_key, day) DO UPDATE SET admitted = c.admitted
  RETURNING admitted INTO admitted_now;
  IF EXISTS (SELECT 1 FROM daily_recipients
             WHERE workspace_id = ws AND sender_key = sk AND day = d AND recipient_key = rk) THEN
    RETURN true;
  END IF;
  IF admitted_now >= cap THEN
    RETURN false;
  END IF;
  INSERT INTO daily_recipients (workspace_id, sender_key, day, recipient_key) VALUES (ws, sk, d, rk);
  UPDATE daily_counts SET admitted = admitted + 1 WHERE workspace_id = ws AND sender_key = sk AND day = d;
  RETURN true;
END
$$;
`;
