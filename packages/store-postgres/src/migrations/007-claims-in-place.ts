/**
 * A claim now writes only the lease columns (see the claim in repositories/deliveries.ts). Such an update stays on
 * the row's page, with no new index entries (a HOT update), when the page has room for the new versions of the
 * rows claimed together, and a fan-out's rows are claimed together a page at a time: so a page is filled to a
 * little under half. At 80 %, three quarters of the claimed rows moved to other pages, adding an entry to every
 * index of the outbox and, after each checkpoint, a full-page image of each touched index page to the WAL
 * (5.6 MB of WAL per 1,000 claims). The pacing table gets room as well, for its rows' updates in place.
 *
 * A batch of pacing reservations no longer upserts every row it needs before working the slots out (an insert, a
 * confirmation and then an update for each recipient seen for the first time): the rows that exist are locked in
 * key order, the slots worked out, and the rows that did not exist inserted once, with their final times and in
 * key order. Should another reservation create one of those rows in the meantime, the insert fails on the primary
 * key, the attempt is rolled back and made again, now finding the row. The answers are unchanged: exactly what
 * calling \`tidings_pacing_reserve\` for each request in order would give.
 */
export const claimsInPlace = `
ALTER TABLE deliveries SET (fillfactor = 45);
ALTER TABLE pacing SET (fillfactor = 50);
CREATE OR REPLACE FUNCTION tidings_pacing_reserve_many(
  ws text, sender_keys text[], interval_ms double precision[], recipient_keys text[], gap_ms double precision[],
  now_ms double precision[], horizon_ms double precision[], waited boolean[],
  OUT at double precision[], OUT reserved boolean[]
) LANGUAGE plpgsql AS $$
DECLARE
  n integer := coalesce(array_length(sender_keys, 1), 0);
  keys text[];
  vals double precision[];
  was double precision[];
  existed boolean[];
  rpos integer[];
  spos integer[];
  wpos integer[];
  recipient_at double precision;
  slot double precision;
  waiting double precision;
BEGIN
  IF n = 0 THEN
    at := '{}';
    reserved := '{}';
    RETURN;
  END IF;
  PERFORM set_config('synchronous_commit', 'off', true);
  -- Every key once, in the order rows are locked: by key, and 'r:' < 's:' < 'w:' as the single reservation.
  WITH wanted AS (
    SELECT DISTINCT k FROM (
      SELECT 'r:' || rk AS k FROM unnest(recipient_keys) rk
      UNION ALL SELECT 's:' || sk FROM unnest(sender_keys) sk
      UNION ALL SELECT 'w:' || sk FROM unnest(sender_keys) sk
    ) x
  ), indexed AS (
    SELECT k AS key, row_number() OVER (ORDER BY k COLLATE "C")::integer AS pos FROM wanted
  ), requests AS (
    SELECT j, sender_keys[j] AS sk, recipient_keys[j] AS rk FROM generate_subscripts(sender_keys, 1) j
  )
  SELECT
    (SELECT array_agg(key ORDER BY pos) FROM indexed),
    (SELECT array_agg(r.pos ORDER BY q.j) FROM requests q JOIN indexed r ON r.key = 'r:' || q.rk),
    (SELECT array_agg(s.pos ORDER BY q.j) FROM requests q JOIN indexed s ON s.key = 's:' || q.sk),
    (SELECT array_agg(w.pos ORDER BY q.j) FROM requests q JOIN indexed w ON w.key = 'w:' || q.sk)
  INTO keys, rpos, spos, wpos;
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
