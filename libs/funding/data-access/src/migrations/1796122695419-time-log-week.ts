import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REBUILD_TIME_LOG_WEEK_TOTALS } from '@praxis/funding/domain';

/** Each member's logged minutes per week, kept by a trigger in the transaction that writes the entry. */
export class TimeLogWeek1796122695419 implements MigrationInterface {
  name = 'TimeLogWeek1796122695419';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "time_log_week" ("member_id" uuid NOT NULL, "week_start" date NOT NULL, "day_minutes" integer array NOT NULL, "minutes" integer NOT NULL, CONSTRAINT "PK_0770451f96abb9b28fe56aae330" PRIMARY KEY ("member_id", "week_start"))`,
    );
    // adds an entry's minutes to its member's week (a negative sign takes them off), creating the week
    await queryRunner.query(
      `CREATE FUNCTION "time_log_week_add"(p_member uuid, p_day date, p_minutes int) RETURNS void LANGUAGE plpgsql AS $$
       DECLARE
         slot int := extract(isodow FROM p_day)::int;
         week date := p_day - (slot - 1);
         days int[] := array_fill(0, ARRAY[7]);
       BEGIN
         days[slot] := p_minutes;
         INSERT INTO "time_log_week" ("member_id", "week_start", "day_minutes", "minutes")
              VALUES (p_member, week, days, p_minutes)
         ON CONFLICT ("member_id", "week_start") DO UPDATE
            SET "day_minutes"[slot] = "time_log_week"."day_minutes"[slot] + p_minutes,
                "minutes" = "time_log_week"."minutes" + p_minutes;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "time_log_week_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP IN ('UPDATE', 'DELETE') THEN
           PERFORM "time_log_week_add"(OLD."member_id", OLD."day", -OLD."minutes");
         END IF;
         IF TG_OP IN ('INSERT', 'UPDATE') THEN
           PERFORM "time_log_week_add"(NEW."member_id", NEW."day", NEW."minutes");
         END IF;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "time_log_week_rollup" AFTER INSERT OR DELETE OR UPDATE OF "member_id", "day", "minutes" ON "time_log" FOR EACH ROW EXECUTE FUNCTION "time_log_week_rollup"()`,
    );
    await queryRunner.query(REBUILD_TIME_LOG_WEEK_TOTALS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "time_log_week_rollup" ON "time_log"`);
    await queryRunner.query(`DROP FUNCTION "time_log_week_rollup"()`);
    await queryRunner.query(`DROP FUNCTION "time_log_week_add"(uuid, date, int)`);
    await queryRunner.query(`DROP TABLE "time_log_week"`);
  }
}
