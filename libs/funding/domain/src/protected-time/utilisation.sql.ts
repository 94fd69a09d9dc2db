/**
 * The statements the funding service runs for utilisation, kept beside the rules they implement (plain text, no
 * driver) so the benchmark times the very statement the resolver runs.
 */

/**
 * Fills `time_log_week` (each member's minutes per ISO week, Monday first) from every `time_log` entry. The
 * trigger below keeps it; run this again only after writing `time_log` with triggers off (the benchmark's seed).
 */
export const REBUILD_TIME_LOG_WEEKS = `
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
 * Utilisation of the members an institution has now (member replica), per ISO week over [from, to], counted as
 * `utilisationByPeriod` counts one member (prorated by day, logs only on covered days, up to today), in one
 * statement over `time_log_week` (one row per member and week) rather than every entry. `cover` merges each
 * member's approved allocations into one multirange, so a day two awards cover counts its logs once; a week
 * the member's cover spans whole takes the week's total, otherwise its covered days.
 */
export const INSTITUTION_UTILISATION_SQL = `
  WITH span AS MATERIALIZED (SELECT $2::date AS f, least($3::date, $4::date) AS t),
  alloc AS MATERIALIZED (
    SELECT a.member_id, a.weekly_minutes, greatest(a.from_day, s.f) AS f, least(a.to_day, s.t) AS t
      FROM allocation a JOIN member_replica m ON m.member_id = a.member_id, span s
     WHERE m.institution_id = $1 AND a.status = 'APPROVED' AND a.from_day <= s.t AND a.to_day >= s.f),
  cover AS MATERIALIZED (
    SELECT member_id, days,
           CASE WHEN days = multirange(range_merge(days)) THEN lower(days) END AS lo,
           CASE WHEN days = multirange(range_merge(days)) THEN upper(days) - 1 END AS hi
      FROM (SELECT member_id, range_agg(daterange(f, t, '[]')) AS days FROM alloc GROUP BY member_id) merged),
  weeks AS (
    SELECT w::date AS ws FROM generate_series($2::date - (extract(isodow FROM $2::date)::int - 1), $3::date, interval '7 days') w),
  allocated AS (
    SELECT ws, sum(minute_days) AS minute_days, count(*) AS members FROM (
      SELECT w.ws, a.member_id, sum(a.weekly_minutes::bigint * (least(a.t, w.ws + 6) - greatest(a.f, w.ws) + 1)) AS minute_days
        FROM weeks w JOIN alloc a ON a.f <= w.ws + 6 AND a.t >= w.ws
       GROUP BY w.ws, a.member_id) per_member
     GROUP BY ws),
  logged AS (
    SELECT r.week_start AS ws,
           sum(CASE WHEN c.lo <= r.week_start AND c.hi >= r.week_start + 6 THEN r.minutes
                    ELSE (SELECT coalesce(sum(u.m), 0) FROM unnest(r.day_minutes) WITH ORDINALITY u(m, i)
                           WHERE c.days @> (r.week_start + (u.i::int - 1))) END) AS minutes
      FROM cover c JOIN time_log_week r ON r.member_id = c.member_id, span s
     WHERE r.week_start BETWEEN s.f - 6 AND s.t
     GROUP BY r.week_start)
  SELECT w.ws::text AS "weekStart", coalesce(al.members, 0)::int AS members,
         coalesce(al.minute_days, 0)::bigint AS "allocatedMinuteDays", coalesce(lg.minutes, 0)::bigint AS "loggedMinutes"
    FROM weeks w LEFT JOIN allocated al ON al.ws = w.ws LEFT JOIN logged lg ON lg.ws = w.ws
   ORDER BY w.ws`;
