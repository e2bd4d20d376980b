/**
 * For the dispatcher's batches. The claim index gains the id, the claim's tie-break: a fan-out gives a million
 * rows one due time, and without it every claim sorted them all.
 *
 * A batch of pacing reservations in one call (the Store port's `reserveMany`): exactly what calling
 * `tidings_pacing_reserve` for each request in order would answer. Every row the batch may touch is locked first,
 * in one order (by key, and 'r:' < 's:' < 'w:' as the single reservation locks them), so batches and single calls
 * never deadlock; the slots are then worked out in memory and written back in one statement.
 */
export const dispatchBatches = `
CREATE INDEX deliveries_claim_order ON deliveries (workspace_id, lane, due_at, id);
DROP INDEX deliveries_claim;
CREATE FUNCTION tidings_pacing_reserve_many(
  ws text, sender_keys text[], interval_ms double precision[], recipient_keys text[], gap_ms double precision[],
  now_ms double precision[], horizon_ms double precision[], waited boolean[],
  OUT at double precision[], OUT reserved boolean[]
) LANGUAGE plpgsql AS $$
DECLARE
  n integer := coalesce(array_length(sender_keys, 1), 0);
  keys text[];
  vals double precision[];
  was double precision[];
  rpos integer[];
  spos integer[];
  wpos integer[];
  recipient_at double precision;
  slot double precision;
  waiting double precision;
BEGIN
  at := array_fill(0::double precision, ARRAY[n]);
  reserved := array_fill(false, ARRAY[n]);
  IF n = 0 THEN
    RETURN;
  END IF;
  PERFORM set_config('synchronous_commit', 'off', true);
  -- A missing row acts as "free now" (0), the same as the single reservation's fresh rows.
  WITH wanted AS (
    SELECT DISTINCT k FROM (
      SELECT 'r:' || rk AS k FROM unnest(recipient_keys) rk
      UNION ALL SELECT 's:' || sk FROM unnest(sender_keys) sk
      UNION ALL SELECT 'w:' || sk FROM unnest(sender_keys) sk
    ) x
  ), locked AS (
    INSERT INTO pacing AS p (workspace_id, key, next_at)
    SELECT ws, k, 0 FROM wanted ORDER BY k COLLATE "C"
    ON CONFLICT (workspace_id, key) DO UPDATE SET next_at = p.next_at
    RETURNING p.key, p.next_at
  ), indexed AS (
    SELECT key, next_at, row_number() OVER (ORDER BY key COLLATE "C")::integer AS pos FROM locked
  ), requests AS (
    SELECT j, sender_keys[j] AS sk, recipient_keys[j] AS rk FROM generate_subscripts(sender_keys, 1) j
  )
  SELECT
    (SELECT array_agg(key ORDER BY pos) FROM indexed),
    (SELECT array_agg(next_at ORDER BY pos) FROM indexed),
    (SELECT array_agg(r.pos ORDER BY q.j) FROM requests q JOIN indexed r ON r.key = 'r:' || q.rk),
    (SELECT array_agg(s.pos ORDER BY q.j) FROM requests q JOIN indexed s ON s.key = 's:' || q.sk),
    (SELECT array_agg(w.pos ORDER BY q.j) FROM requests q JOIN indexed w ON w.key = 'w:' || q.sk)
  INTO keys, vals, rpos, spos, wpos;
  was := vals;
  FOR i IN 1 .. n LOOP
    recipient_at := GREATEST(now_ms[i], vals[rpos[i]]);
    IF recipient_at > now_ms[i] THEN
      at[i] := recipient_at;
      CONTINUE;
    END IF;
    slot := GREATEST(now_ms[i], vals[spos[i]]);
    IF slot - now_ms[i] > horizon_ms[i] THEN
      IF waited[i] AND slot - now_ms[i] <= interval_ms[i] THEN
        at[i] := slot;
        CONTINUE;
      END IF;
      waiting := GREATEST(slot - horizon_ms[i], vals[wpos[i]]);
      vals[wpos[i]] := waiting + interval_ms[i];
      at[i] := waiting;
      CONTINUE;
    END IF;
    vals[spos[i]] := slot + interval_ms[i];
    vals[rpos[i]] := slot + gap_ms[i];
    at[i] := slot;
    reserved[i] := true;
  END LOOP;
  UPDATE pacing p SET next_at = v.next_at
  FROM unnest(keys, vals, was) AS v(key, next_at, old)
  WHERE p.workspace_id = ws AND p.key = v.key AND v.next_at IS DISTINCT FROM v.old;
END
$$;
`;
