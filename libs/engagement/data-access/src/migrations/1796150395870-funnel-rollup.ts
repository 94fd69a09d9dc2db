import type { MigrationInterface, QueryRunner } from 'typeorm';
import { buildFunnelRollup } from '../funnel-rollup';

/** The projection tables whose changes move the funnel, and the column naming the member a row is about. */
const NOTED: Array<[table: string, member: string]> = [
  ['engagement_member', 'member_id'],
  ['engagement_activity', 'member_id'],
  ['engagement_relationship', 'mentee_id'],
];

export class FunnelRollup1796150395870 implements MigrationInterface {
  name = 'FunnelRollup1796150395870';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "engagement_funnel_rollup" ("granularity" text NOT NULL, "institution_id" uuid NOT NULL, "step" text NOT NULL, "bucket_start" TIMESTAMP WITH TIME ZONE NOT NULL, "career_stage" text NOT NULL, "value" integer NOT NULL, CONSTRAINT "PK_03f65e4b53aec278921c82fd4dd" PRIMARY KEY ("granularity", "institution_id", "step", "bucket_start", "career_stage"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_funnel_member" ("member_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "career_stage" text NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE, "flow" text array NOT NULL, "mentoring" jsonb NOT NULL, CONSTRAINT "PK_99d7aeda54324f261daad7014fb" PRIMARY KEY ("member_id"))`,
    );
    // members whose rows changed, per transaction (its id), for the projections to fold into the roll-up before it
    // commits (applyFunnelChanges): keyed by transaction, so two transactions noting one member never wait on
    // each other here. Not an entity: a handler's rows are gone when it commits, and a rebuild does not swap it
    await queryRunner.query(
      `CREATE TABLE "engagement_funnel_dirty" ("xact" bigint NOT NULL, "member_id" uuid NOT NULL, CONSTRAINT "PK_engagement_funnel_dirty" PRIMARY KEY ("xact", "member_id"))`,
    );
    // the funnel's version (funnelVersion): sixteen counters so concurrent transactions seldom queue on one row
    await queryRunner.query(
      `CREATE TABLE "engagement_funnel_version" ("slot" integer NOT NULL, "version" bigint NOT NULL DEFAULT 0, CONSTRAINT "PK_engagement_funnel_version" PRIMARY KEY ("slot"))`,
    );
    await queryRunner.query(`INSERT INTO "engagement_funnel_version" ("slot") SELECT generate_series(0, 15)`);
    // Statement triggers note the members a write touched, whatever wrote it (a handler, a rebuild, bulk SQL).
    // The function lives in "public" by name: a rebuild builds its tables in a schema of its own and drops that
    // schema after moving the tables out, which would take a function made there (and its triggers) with it.
    // Its body names the tables unqualified, so it writes to the dirty table beside the table it fired on.
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION public.engagement_funnel_note() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP IN ('INSERT', 'UPDATE') THEN
           EXECUTE format('INSERT INTO engagement_funnel_dirty (xact, member_id) SELECT DISTINCT pg_current_xact_id()::text::bigint, %I FROM new_rows ON CONFLICT DO NOTHING', TG_ARGV[0]);
         END IF;
         IF TG_OP IN ('UPDATE', 'DELETE') THEN
           EXECUTE format('INSERT INTO engagement_funnel_dirty (xact, member_id) SELECT DISTINCT pg_current_xact_id()::text::bigint, %I FROM old_rows ON CONFLICT DO NOTHING', TG_ARGV[0]);
         END IF;
         RETURN NULL;
       END $$`,
    );
    for (const [table, member] of NOTED) {
      for (const [event, transition] of [
        ['INSERT', 'NEW TABLE AS new_rows'],
        ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
        ['DELETE', 'OLD TABLE AS old_rows'],
      ]) {
        await queryRunner.query(
          `CREATE TRIGGER "${table}_funnel_${event.toLowerCase()}" AFTER ${event} ON "${table}"
           REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION public.engagement_funnel_note('${member}')`,
        );
      }
    }
    // the roll-up of what is already projected, a few thousand members at a time
    await buildFunnelRollup(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of NOTED) {
      for (const event of ['insert', 'update', 'delete']) {
        await queryRunner.query(`DROP TRIGGER "${table}_funnel_${event}" ON "${table}"`);
      }
    }
    await queryRunner.query(`DROP TABLE "engagement_funnel_version"`);
    await queryRunner.query(`DROP TABLE "engagement_funnel_dirty"`);
    await queryRunner.query(`DROP TABLE "engagement_funnel_member"`);
    await queryRunner.query(`DROP TABLE "engagement_funnel_rollup"`);
  }
}
