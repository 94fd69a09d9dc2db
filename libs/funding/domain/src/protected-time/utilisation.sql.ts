/**
 * The statements the funding service runs for utilisation, kept beside the rules they implement (plain text, no
 * driver) so the benchmark times the very statement the resolver runs.
 */

/**
 * Fills `time_log_week` (each member's minutes per ISO week, Monday first) from every `time_log` entry. The
 * migration that created `time_log_week` runs it as it stood then; `REBUILD_TIME_LOG_WEEKS` runs it today.
 */
export const REBUILD_TIME_LOG_WEEK_TOTALS = `
  INSERT INTO "time_log_week" ("member_id", "week_start", "day_minutes", "minutes")
  SELECT "member_id", "week_start",
         ARRAY[${[1, 2, 3, 4, 5, 6, 7]
           .map((day) => `coalesce(sum("minutes") FILTER (WHERE "isodow" = ${day}), 0)::int`)
           .join(', ')}],
         sum("minutes")::int
    FROM (SELECT "member_id", "minutes", extract(isodow FROM "day")::int AS "isodow",
                 ("day" - (extract(isodow FROM "day")::int - 1)) AS "week_start" FROM "time_log") d
   GROUP BY "member_id", "week_start"
  ON CONFLICT ("member_id", "week_start") DO UPDATE
     SET "day_minutes" = EXCLUDED."day_minutes", "minutes" = EXCLUDED."minutes"`;

/**
 * Rebuilds both roll-ups from the entries, allocations and member replica: `time_log_week`, then each member's
 * weekly shares and the institutions' weeks (`institution_week_rebuild()`, set-based). Triggers keep them; run
 * this only after writing those tables with triggers off (the benchmark's seed). Two statements, no parameters.
 */
export const REBUILD_TIME_LOG_WEEKS = `${REBUILD_TIME_LOG_WEEK_TOTALS};
  SELECT "institution_week_rebuild"()`;

/**
 * Utilisation of the members an institution has now (member replica), per ISO week over [from, to], counted as
 * `utilisationByPeriod` counts one member (prorated by day, logs only on covered days, up to today). Every whole
 * week inside the range (and up to today) is one row of `institution_week`, which triggers keep summed over the
 * members; only a week the range or today cuts (the first and the last at most) is summed member by member, as
 * before: `cover` merges each member's approved allocations into one multirange, so a day two awards cover counts
 * its logs once, and a day outside the range or after today counts nothing. $1 institution, $2 from, $3 to,
 * $4 today.
 */
export const INSTITUTION_UTILISATION_SQL = `
  WITH span AS MATERIALIZED (
    SELECT f, t, f + (8 - extract(isodow FROM f)::int) % 7 AS whole_from, t - extract(isodow FROM t)::int % 7 AS whole_to
      FROM (SELECT $2::date AS f, least($3::date, $4::date) AS t) r),
  weeks AS MATERIALIZED (
    SELECT w::date AS ws, (w::date >= s.whole_from AND w::date + 6 <= s.whole_to) AS whole
      FROM span s, generate_series($2::date - (extract(isodow FROM $2::date)::int - 1), $3::date, interval '7 days') w),
  cut AS MATERIALIZED (SELECT ws FROM weeks, span s WHERE NOT whole AND ws <= s.t AND ws + 6 >= s.f),
  alloc AS MATERIALIZED (
    SELECT a.member_id, a.weekly_minutes, greatest(a.from_day, s.f) AS f, least(a.to_day, s.t) AS t
      FROM allocation a JOIN member_replica m ON m.member_id = a.member_id, span s
     WHERE m.institution_id = $1 AND a.status = 'APPROVED' AND a.from_day <= s.t AND a.to_day >= s.f
       AND (a.from_day < s.whole_from OR a.to_day > s.whole_to)),
  cover AS MATERIALIZED (
    SELECT member_id, range_agg(daterange(f, t, '[]')) AS days FROM alloc GROUP BY member_id),
  allocated AS (
    SELECT ws, sum(minute_days) AS minute_days, count(*) AS members FROM (
      SELECT w.ws, a.member_id, sum(a.weekly_minutes::bigint * (least(a.t, w.ws + 6) - greatest(a.f, w.ws) + 1)) AS minute_days
        FROM cut w JOIN alloc a ON a.f <= w.ws + 6 AND a.t >= w.ws
       GROUP BY w.ws, a.member_id) per_member
     GROUP BY ws),
  logged AS (
    SELECT r.week_start AS ws,
           sum((SELECT coalesce(sum(u.m), 0) FROM unnest(r.day_minutes) WITH ORDINALITY u(m, i)
                 WHERE c.days @> (r.week_start + (u.i::int - 1)))) AS minutes
      FROM (SELECT array_agg(ws) AS list FROM cut) w CROSS JOIN cover c
      JOIN time_log_week r ON r.member_id = c.member_id AND r.week_start = ANY (w.list)
     GROUP BY r.week_start)
  SELECT w.ws::text AS "weekStart",
         (coalesce(iw.members, 0) + coalesce(al.members, 0))::int AS members,
         (coalesce(iw.allocated_minute_days, 0) + coalesce(al.minute_days, 0))::bigint AS "allocatedMinuteDays",
         (coalesce(iw.logged_minutes, 0) + coalesce(lg.minutes, 0))::bigint AS "loggedMinutes"
    FROM weeks w
    LEFT JOIN institution_week iw ON w.whole AND iw.institution_id = $1 AND iw.week_start = w.ws
    LEFT JOIN allocated al ON al.ws = w.ws
    LEFT JOIN logged lg ON lg.ws = w.ws
   ORDER BY w.ws`;
