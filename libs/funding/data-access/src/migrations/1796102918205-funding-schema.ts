import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Funding's tables; the spend ledger is append-only in the database itself, not only by convention. */
export class FundingSchema1796102918205 implements MigrationInterface {
  name = 'FundingSchema1796102918205';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "fund" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "source" text NOT NULL, "currency" text NOT NULL, "total_minor" bigint NOT NULL, "competition_id" uuid, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b3ac6e413e6e449bb499db1ccbc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "fund_competition_uq" ON "fund" ("competition_id") WHERE competition_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "award" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "fund_id" uuid, "currency" text NOT NULL, "amount_minor" bigint NOT NULL, "requested_minor" bigint, "capped_reason" text, "requested_hours" numeric(10,2), "status" text NOT NULL, "principal_investigator_id" uuid NOT NULL, "team_member_ids" uuid array NOT NULL, "institution_ids" uuid array NOT NULL DEFAULT '{}', "competition_id" uuid, "proposal_id" uuid, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "supervisor_id" uuid, "final_report_submitted" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_e887e4e69663925ebb60d3a7775" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "award_fund_idx" ON "award" ("fund_id") `);
    await queryRunner.query(`CREATE INDEX "award_pi_idx" ON "award" ("principal_investigator_id") `);
    await queryRunner.query(`CREATE INDEX "award_supervisor_idx" ON "award" ("supervisor_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "award_competition_entry_uq" ON "award" ("competition_id", "proposal_id") WHERE proposal_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "award_transition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "award_id" uuid NOT NULL, "action" text NOT NULL, "from_status" text, "to_status" text NOT NULL, "by" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text, CONSTRAINT "PK_077a96f875eebe66541e8cee9f1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "award_transition_award_idx" ON "award_transition" ("award_id") `);
    await queryRunner.query(
      `CREATE TABLE "budget_line" ("award_id" uuid NOT NULL, "category" text NOT NULL, "budgeted_minor" bigint NOT NULL, CONSTRAINT "PK_aac50d6d6b046c42391d3a7ea27" PRIMARY KEY ("award_id", "category"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "spend_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "award_id" uuid NOT NULL, "category" text NOT NULL, "kind" text NOT NULL, "amount_minor" bigint NOT NULL, "currency" text NOT NULL, "spent_on" date NOT NULL, "description" text NOT NULL, "reference" text, "reverses_entry_id" uuid, "override_reason" text, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_29239a15564b1c8af5826e1bfbc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "spend_entry_reversal_uq" ON "spend_entry" ("reverses_entry_id") WHERE reverses_entry_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "spend_entry_award_idx" ON "spend_entry" ("award_id", "recorded_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "allocation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "award_id" uuid NOT NULL, "member_id" uuid NOT NULL, "institution_id" uuid, "weekly_minutes" integer NOT NULL, "unit" text NOT NULL, "from_day" date NOT NULL, "to_day" date NOT NULL, "status" text NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "replaces_allocation_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7df89c736595e454b6ae07264fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "allocation_award_idx" ON "allocation" ("award_id") `);
    await queryRunner.query(`CREATE INDEX "allocation_institution_idx" ON "allocation" ("institution_id") `);
    await queryRunner.query(
      `CREATE INDEX "allocation_member_idx" ON "allocation" ("member_id", "from_day") `,
    );
    await queryRunner.query(
      `CREATE TABLE "time_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "day" date NOT NULL, "minutes" integer NOT NULL, "activity" text NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b74817f73944f78f239601069f2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "time_log_member_day_idx" ON "time_log" ("member_id", "day") `);
    await queryRunner.query(
      `CREATE TABLE "erosion_state" ("member_id" uuid NOT NULL, "episode_started_week" text, "assessed_through_week" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_570aef68d1ba57b19b8f921dfd1" PRIMARY KEY ("member_id"))`,
    );
    // the ledger is evidence: an UPDATE or DELETE is refused whoever runs it (a reversal is a new row)
    await queryRunner.query(
      `CREATE FUNCTION "spend_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'spend_entry is append-only: record a reversal instead'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "spend_entry_append_only" BEFORE UPDATE OR DELETE ON "spend_entry" FOR EACH ROW EXECUTE FUNCTION "spend_entry_append_only"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "spend_entry_append_only" ON "spend_entry"`);
    await queryRunner.query(`DROP FUNCTION "spend_entry_append_only"()`);
    await queryRunner.query(`DROP TABLE "erosion_state"`);
    await queryRunner.query(`DROP INDEX "public"."time_log_member_day_idx"`);
    await queryRunner.query(`DROP TABLE "time_log"`);
    await queryRunner.query(`DROP INDEX "public"."allocation_member_idx"`);
    await queryRunner.query(`DROP INDEX "public"."allocation_institution_idx"`);
    await queryRunner.query(`DROP INDEX "public"."allocation_award_idx"`);
    await queryRunner.query(`DROP TABLE "allocation"`);
    await queryRunner.query(`DROP INDEX "public"."spend_entry_award_idx"`);
    await queryRunner.query(`DROP INDEX "public"."spend_entry_reversal_uq"`);
    await queryRunner.query(`DROP TABLE "spend_entry"`);
    await queryRunner.query(`DROP TABLE "budget_line"`);
    await queryRunner.query(`DROP INDEX "public"."award_transition_award_idx"`);
    await queryRunner.query(`DROP TABLE "award_transition"`);
    await queryRunner.query(`DROP INDEX "public"."award_competition_entry_uq"`);
    await queryRunner.query(`DROP INDEX "public"."award_supervisor_idx"`);
    await queryRunner.query(`DROP INDEX "public"."award_pi_idx"`);
    await queryRunner.query(`DROP INDEX "public"."award_fund_idx"`);
    await queryRunner.query(`DROP TABLE "award"`);
    await queryRunner.query(`DROP INDEX "public"."fund_competition_uq"`);
    await queryRunner.query(`DROP TABLE "fund"`);
  }
}
