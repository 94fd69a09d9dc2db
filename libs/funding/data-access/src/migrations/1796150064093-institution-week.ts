import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An institution's weeks summed over its members (`institution_week`), each member's share as last added
 * (`member_week_share`), and the triggers that keep both in the writing transaction: a time-log entry written,
 * edited or deleted, an allocation approved, changed, ended or rejected, a member moved to another institution.
 * Each recomputes the touched member's shares for the touched weeks under the member's time-log lock and adds
 * the difference to the institution's weeks with increments, so two writers on one institution-week both count.
 */
/** What `time_log_week_rollup` did before (migration 1796122695419): the entry's minutes off the old week, on the new. */
const KEEP_TIME_LOG_WEEK = `IF TG_OP IN ('UPDATE', 'DELETE') THEN
           PERFORM "time_log_week_add"(OLD."member_id", OLD."day", -OLD."minutes");
         END IF;
         IF TG_OP IN ('INSERT', 'UPDATE') THEN
           PERFORM "time_log_week_add"(NEW."member_id", NEW."day", NEW."minutes");
         END IF;`;

export class InstitutionWeek1796150064093 implements MigrationInterface {
  name = 'InstitutionWeek1796150064093';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "member_week_share" ("member_id" uuid NOT NULL, "week_start" date NOT NULL, "institution_id" uuid NOT NULL, "allocated_minute_days" bigint NOT NULL, "logged_minutes" bigint NOT NULL, CONSTRAINT "PK_25648955473d17bf997d61891eb" PRIMARY KEY ("member_id", "week_start"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "institution_week" ("institution_id" uuid NOT NULL, "week_start" date NOT NULL, "members" integer NOT NULL, "allocated_minute_days" bigint NOT NULL, "logged_minutes" bigint NOT NULL, CONSTRAINT "PK_79801e37e5ebd723b47e8c5f3c0" PRIMARY KEY ("institution_id", "week_start"))`,
    );
    // A member's share of each week from p_first_week to p_last_week (Mondays) in which approved time covers a
    // day: minute-days allocated (weekly x days, exact) and minutes logged on days the merged cover holds (a day
    // two awards cover counts once), under the replica's institution; nothing for a member the replica lacks.
    await queryRunner.query(
      `CREATE FUNCTION "member_week_shares"(p_member uuid, p_first_week date, p_last_week date)
       RETURNS TABLE ("week_start" date, "institution_id" uuid, "allocated_minute_days" bigint, "logged_minutes" bigint)
       LANGUAGE sql STABLE AS $$
         WITH alloc AS MATERIALIZED (
           SELECT a.weekly_minutes, a.from_day AS f, a.to_day AS t FROM allocation a
            WHERE a.member_id = p_member AND a.status = 'APPROVED'
              AND a.from_day <= p_last_week + 6 AND a.to_day >= p_first_week),
         cover AS MATERIALIZED (SELECT range_agg(daterange(f, t, '[]')) AS days FROM alloc),
         allocated AS (
           SELECT w.ws, sum(a.weekly_minutes::bigint * (least(a.t, w.ws + 6) - greatest(a.f, w.ws) + 1))::bigint AS minute_days
             FROM (SELECT d::date AS ws FROM generate_series(p_first_week, p_last_week, interval '7 days') d) w
             JOIN alloc a ON a.f <= w.ws + 6 AND a.t >= w.ws
            GROUP BY w.ws)
         SELECT al.ws, m.institution_id, al.minute_days,
                coalesce((SELECT sum(u.m) FROM time_log_week r CROSS JOIN cover c
                            CROSS JOIN LATERAL unnest(r.day_minutes) WITH ORDINALITY u(m, i)
                           WHERE r.member_id = p_member AND r.week_start = al.ws AND c.days @> (al.ws + (u.i::int - 1))), 0)::bigint
           FROM allocated al JOIN member_replica m ON m.member_id = p_member
       $$`,
    );
    // Recomputes a member's shares of the weeks holding p_from..p_to and adds the difference to the institutions'
    // weeks (old shares off, new ones on), week by week in key order so writers lock rows in one order.
    await queryRunner.query(
      `CREATE FUNCTION "institution_week_refresh"(p_member uuid, p_from date, p_to date) RETURNS void LANGUAGE plpgsql AS $$
       DECLARE
         first_week date := p_from - (extract(isodow FROM p_from)::int - 1);
         last_week date := p_to - (extract(isodow FROM p_to)::int - 1);
       BEGIN
         PERFORM pg_advisory_xact_lock(hashtext('funding:time-log:' || p_member::text));
         WITH old AS (
           DELETE FROM "member_week_share" s
            WHERE s."member_id" = p_member AND s."week_start" BETWEEN first_week AND last_week
           RETURNING s."institution_id", s."week_start", s."allocated_minute_days", s."logged_minutes")
         INSERT INTO "institution_week" AS iw ("institution_id", "week_start", "members", "allocated_minute_days", "logged_minutes")
         SELECT o."institution_id", o."week_start", -count(*), -sum(o."allocated_minute_days"), -sum(o."logged_minutes")
           FROM old o GROUP BY o."institution_id", o."week_start" ORDER BY 1, 2
         ON CONFLICT ("institution_id", "week_start") DO UPDATE
            SET "members" = iw."members" + EXCLUDED."members",
                "allocated_minute_days" = iw."allocated_minute_days" + EXCLUDED."allocated_minute_days",
                "logged_minutes" = iw."logged_minutes" + EXCLUDED."logged_minutes";
         INSERT INTO "member_week_share" ("member_id", "week_start", "institution_id", "allocated_minute_days", "logged_minutes")
         SELECT p_member, s."week_start", s."institution_id", s."allocated_minute_days", s."logged_minutes"
           FROM "member_week_shares"(p_member, first_week, last_week) s;
         INSERT INTO "institution_week" AS iw ("institution_id", "week_start", "members", "allocated_minute_days", "logged_minutes")
         SELECT s."institution_id", s."week_start", 1, s."allocated_minute_days", s."logged_minutes"
           FROM "member_week_share" s
          WHERE s."member_id" = p_member AND s."week_start" BETWEEN first_week AND last_week
          ORDER BY 1, 2
         ON CONFLICT ("institution_id", "week_start") DO UPDATE
            SET "members" = iw."members" + EXCLUDED."members",
                "allocated_minute_days" = iw."allocated_minute_days" + EXCLUDED."allocated_minute_days",
                "logged_minutes" = iw."logged_minutes" + EXCLUDED."logged_minutes";
       END $$`,
    );
    // Both tables from scratch, set-based (after writing time_log, allocation or member_replica with triggers off).
    await queryRunner.query(
      `CREATE FUNCTION "institution_week_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
       BEGIN
         DELETE FROM "institution_week";
         DELETE FROM "member_week_share";
         INSERT INTO "member_week_share" ("member_id", "week_start", "institution_id", "allocated_minute_days", "logged_minutes")
         SELECT m."member_id", s."week_start", s."institution_id", s."allocated_minute_days", s."logged_minutes"
           FROM (SELECT a."member_id", min(a."from_day") AS f, max(a."to_day") AS t
                   FROM "allocation" a WHERE a."status" = 'APPROVED' GROUP BY a."member_id") m
          CROSS JOIN LATERAL "member_week_shares"(m."member_id", m.f - (extract(isodow FROM m.f)::int - 1),
                                                  m.t - (extract(isodow FROM m.t)::int - 1)) s;
         INSERT INTO "institution_week" ("institution_id", "week_start", "members", "allocated_minute_days", "logged_minutes")
         SELECT "institution_id", "week_start", count(*), sum("allocated_minute_days"), sum("logged_minutes")
           FROM "member_week_share" GROUP BY "institution_id", "week_start";
       END $$`,
    );
    // time_log: the existing roll-up function keeps time_log_week, then refreshes the entry's week (both weeks
    // of an edit that moves it, and those between: at most three, an edit is 14 days at most)
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION "time_log_week_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         ${KEEP_TIME_LOG_WEEK}
         IF TG_OP = 'UPDATE' AND OLD."member_id" = NEW."member_id" THEN
           PERFORM "institution_week_refresh"(NEW."member_id", least(OLD."day", NEW."day"), greatest(OLD."day", NEW."day"));
         ELSE
           IF TG_OP IN ('UPDATE', 'DELETE') THEN
             PERFORM "institution_week_refresh"(OLD."member_id", OLD."day", OLD."day");
           END IF;
           IF TG_OP IN ('INSERT', 'UPDATE') THEN
             PERFORM "institution_week_refresh"(NEW."member_id", NEW."day", NEW."day");
           END IF;
         END IF;
         RETURN NULL;
       END $$`,
    );
    // allocation: any change to approved time (approval, change, end, supersession, rejection of an approved
    // one, deletion) refreshes the weeks the old and the new rows span
    await queryRunner.query(
      `CREATE FUNCTION "institution_week_allocation"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'UPDATE' AND OLD."member_id" = NEW."member_id" THEN
           IF OLD."status" = 'APPROVED' OR NEW."status" = 'APPROVED' THEN
             PERFORM "institution_week_refresh"(NEW."member_id", least(OLD."from_day", NEW."from_day"), greatest(OLD."to_day", NEW."to_day"));
           END IF;
         ELSE
           IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'APPROVED' THEN
             PERFORM "institution_week_refresh"(OLD."member_id", OLD."from_day", OLD."to_day");
           END IF;
           IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" = 'APPROVED' THEN
             PERFORM "institution_week_refresh"(NEW."member_id", NEW."from_day", NEW."to_day");
           END IF;
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "institution_week_allocation" AFTER INSERT OR DELETE OR UPDATE OF "member_id", "status", "weekly_minutes", "from_day", "to_day" ON "allocation" FOR EACH ROW EXECUTE FUNCTION "institution_week_allocation"()`,
    );
    // member_replica: a member who arrives or moves takes their shares to the institution they are at now
    await queryRunner.query(
      `CREATE FUNCTION "institution_week_member"() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         span record;
       BEGIN
         SELECT min(s.f) AS f, max(s.t) AS t INTO span FROM (
           SELECT min("from_day") AS f, max("to_day") AS t FROM "allocation" WHERE "member_id" = NEW."member_id" AND "status" = 'APPROVED'
           UNION ALL
           SELECT min("week_start"), max("week_start") FROM "member_week_share" WHERE "member_id" = NEW."member_id") s;
         IF span.f IS NOT NULL THEN
           PERFORM "institution_week_refresh"(NEW."member_id", span.f, span.t);
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "institution_week_member_insert" AFTER INSERT ON "member_replica" FOR EACH ROW EXECUTE FUNCTION "institution_week_member"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "institution_week_member_moved" AFTER UPDATE OF "institution_id" ON "member_replica" FOR EACH ROW WHEN (OLD."institution_id" IS DISTINCT FROM NEW."institution_id") EXECUTE FUNCTION "institution_week_member"()`,
    );
    await queryRunner.query(`SELECT "institution_week_rebuild"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "institution_week_member_moved" ON "member_replica"`);
    await queryRunner.query(`DROP TRIGGER "institution_week_member_insert" ON "member_replica"`);
    await queryRunner.query(`DROP FUNCTION "institution_week_member"()`);
    await queryRunner.query(`DROP TRIGGER "institution_week_allocation" ON "allocation"`);
    await queryRunner.query(`DROP FUNCTION "institution_week_allocation"()`);
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION "time_log_week_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         ${KEEP_TIME_LOG_WEEK}
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(`DROP FUNCTION "institution_week_rebuild"()`);
    await queryRunner.query(`DROP FUNCTION "institution_week_refresh"(uuid, date, date)`);
    await queryRunner.query(`DROP FUNCTION "member_week_shares"(uuid, date, date)`);
    await queryRunner.query(`DROP TABLE "institution_week"`);
    await queryRunner.query(`DROP TABLE "member_week_share"`);
  }
}
