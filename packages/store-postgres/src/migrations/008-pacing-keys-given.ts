/**
 * A batch of pacing reservations with its keys worked out by the caller: the distinct row keys ('r:', 's:' and
 * 'w:' followed by the recipient or sender key), and for each request the (1-based) places of its three keys in
 * that list. `tidings_pacing_reserve_many` made them itself, in SQL: removing duplicates, sorting and joining three
 * thousand keys for a batch of a thousand took 4 ms of the server's time per batch, more than reading and writing
 * the rows. The keys may come in any order: the rows are still locked in key order ("C" collation), as the single
 * reservation locks them, so batches and single calls never deadlock. The answers are unchanged: exactly what
 * calling `tidings_pacing_reserve` for each request in order would give. `tidings_pacing_reserve_many` stays, for
 * workers of the previous version during a rolling update.
 */
export const pacingKeysGiven = `
CREATE FUNCTION tidings_pacing_reserve_keyed(
  ws text, keys text[], rpos integer[], spos integer[], wpos integer[], interval_ms double precision[],
  gap_ms double precision[], now_ms double precision[], horizon_ms double precision[], waited boolean[],
  OUT at double precision[], OUT reserved boolean[]
) LANGUAGE plpgsql AS $$
DECLARE
  n integer := coalesce(array_length(rpos, 1), 0);
  vals double precision[];
  was double precision[];
  existed boolean[];
  recipient_at double precision;
  slot double precision;
  waiting double precision;
BEGIN
  IF n = 0 THEN
    at := '{}';
    reserved := '{}';
    RETURN;
  END IF;
  IF array_length(spos, 1) IS DISTINCT FROM n OR array_length(wpos, 1) IS DISTINCT FROM n
    OR array_length(interval_ms, 1) IS DISTINCT FROM n OR array_length(gap_ms, 1) IS DISTINCT FROM n
    OR array_length(now_ms, 1) IS DISTINCT FROM n OR array_length(horizon_ms, 1) IS DISTINCT FROM n
    OR array_length(waited, 1) IS DISTINCT FROM n THEN
    RAISE EXCEPTION 'tidings_pacing_reserve_keyed: every request array needs % elements', n;
  END IF;
  PERFORM set_config('synchronous_commit', 'off', true);
  LOOP
    BEGIN
      -- A missing row acts as "free now" (0), the same as the single reservation's fresh rows.
      SELECT array_agg(COALESCE(p.next_at, 0) ORDER BY u.pos), array_agg(p.key IS NOT NULL ORDER BY u.pos)
      INTO vals, existed
      FROM unnest(keys) WITH ORDINALITY AS u(key, pos)
      LEFT JOIN (
        SELECT l.key, l.next_at FROM pacing l WHERE l.workspace_id = ws AND l.key = ANY(keys)
        ORDER BY l.key COLLATE "C" FOR UPDATE
      ) p ON p.key = u.key;
      was := vals;
      at := array_fill(0::double precision, ARRAY[n]);
      reserved := array_fill(false, ARRAY[n]);
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
      FROM unnest(keys, vals, was, existed) AS v(key, next_at, old, existed)
      WHERE v.existed AND p.workspace_id = ws AND p.key = v.key AND v.next_at IS DISTINCT FROM v.old;
      INSERT INTO pacing (workspace_id, key, next_at)
      SELECT ws, v.key, v.next_at FROM unnest(keys, vals, existed) AS v(key, next_at, existed)
      WHERE NOT v.existed AND v.next_at <> 0
      ORDER BY v.key COLLATE "C";
      RETURN;
    EXCEPTION WHEN unique_violation THEN
      -- Another reservation created one of the missing rows: again, now finding it.
    END;
  END LOOP;
END
$$;
`;
