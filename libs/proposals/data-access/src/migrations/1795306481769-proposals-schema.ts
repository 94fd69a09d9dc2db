import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProposalsSchema1795306481769 implements MigrationInterface {
  name = 'ProposalsSchema1795306481769';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "competition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "description" text NOT NULL, "phase" text NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "judging_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "criteria" jsonb NOT NULL, "reviews_per_entry" integer NOT NULL, "judge_max_load" integer NOT NULL, "blind" boolean NOT NULL, "winners_count" integer NOT NULL, "requires_inter_institutional_team" boolean NOT NULL, "max_team_size" integer NOT NULL, "allowed_career_stages" text array NOT NULL DEFAULT '{}', "funding_available" numeric(14,2), "protected_hours_available" numeric(10,2), "created_by" uuid NOT NULL, "results_published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a52a6248db574777b226e9445bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "status" text NOT NULL, "title" text NOT NULL, "summary" text NOT NULL, "aims" text NOT NULL, "methods" text NOT NULL, "expected_impact" text NOT NULL, "keywords" text array NOT NULL DEFAULT '{}', "lead_applicant_id" uuid NOT NULL, "team_member_ids" uuid array NOT NULL, "requested_funding" numeric(14,2) NOT NULL, "requested_hours" numeric(10,2) NOT NULL, "submitted_version" integer NOT NULL DEFAULT '0', "first_submitted_at" TIMESTAMP WITH TIME ZONE, "rank" integer, "is_winner" boolean NOT NULL DEFAULT false, "normalised_score" double precision, "mean_raw_score" double precision, "review_count" integer, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ca872ecfe4fef5720d2d39e4275" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "proposal_competition_idx" ON "proposal" ("competition_id") `);
    await queryRunner.query(
      `CREATE TABLE "proposal_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "version" integer NOT NULL, "title" text NOT NULL, "summary" text NOT NULL, "aims" text NOT NULL, "methods" text NOT NULL, "expected_impact" text NOT NULL, "keywords" text array NOT NULL, "lead_applicant_id" uuid NOT NULL, "team_member_ids" uuid array NOT NULL, "requested_funding" numeric(14,2) NOT NULL, "requested_hours" numeric(10,2) NOT NULL, "submitted_by" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9857a041288dd867ef6d52f1e40" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "proposal_version_uq" ON "proposal_version" ("proposal_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "competition_judge" ("competition_id" uuid NOT NULL, "member_id" uuid NOT NULL, "added_by" uuid NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_347a5221633fe45e22d0a059d6a" PRIMARY KEY ("competition_id", "member_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "conflict_of_interest" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "proposal_id" uuid NOT NULL, "judge_id" uuid NOT NULL, "kind" text NOT NULL, "reason" text NOT NULL, "declared_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_31e757df4b34931b02940536d45" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "conflict_competition_idx" ON "conflict_of_interest" ("competition_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "conflict_uq" ON "conflict_of_interest" ("proposal_id", "judge_id", "kind") `,
    );
    await queryRunner.query(
      `CREATE TABLE "assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "proposal_id" uuid NOT NULL, "judge_id" uuid NOT NULL, "origin" text NOT NULL, "assigned_by" uuid NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_43c2f5a3859f54cedafb270f37e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "assignment_competition_idx" ON "assignment" ("competition_id") `);
    await queryRunner.query(`CREATE INDEX "assignment_judge_idx" ON "assignment" ("judge_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "assignment_uq" ON "assignment" ("proposal_id", "judge_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "review" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "proposal_id" uuid NOT NULL, "judge_id" uuid NOT NULL, "proposal_version" integer NOT NULL, "scores" jsonb NOT NULL, "comment" text NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2e4299a343a81574217255c00ca" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "review_competition_idx" ON "review" ("competition_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "review_uq" ON "review" ("proposal_id", "judge_id") `);
    await queryRunner.query(
      `CREATE TABLE "judging_audit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "action" text NOT NULL, "actor_id" uuid, "proposal_id" uuid, "judge_id" uuid, "detail" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4f40d8c615c867dc196b9506fa2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "judging_audit_competition_idx" ON "judging_audit" ("competition_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "member_replica" ("member_id" uuid NOT NULL, "registered" boolean NOT NULL DEFAULT false, "display_name" text, "career_stage" text, "institution_id" uuid, "interests" text array NOT NULL DEFAULT '{}', "roles" text array NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_03ce95f86e00f270514014065b1" PRIMARY KEY ("member_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "institution_replica" ("institution_id" uuid NOT NULL, "name" text NOT NULL, "country" character(2) NOT NULL, CONSTRAINT "PK_4c53ec0c5c04bde0acf5ac24f54" PRIMARY KEY ("institution_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "institution_replica"`);
    await queryRunner.query(`DROP TABLE "member_replica"`);
    await queryRunner.query(`DROP INDEX "public"."judging_audit_competition_idx"`);
    await queryRunner.query(`DROP TABLE "judging_audit"`);
    await queryRunner.query(`DROP INDEX "public"."review_uq"`);
    await queryRunner.query(`DROP INDEX "public"."review_competition_idx"`);
    await queryRunner.query(`DROP TABLE "review"`);
    await queryRunner.query(`DROP INDEX "public"."assignment_uq"`);
    await queryRunner.query(`DROP INDEX "public"."assignment_judge_idx"`);
    await queryRunner.query(`DROP INDEX "public"."assignment_competition_idx"`);
    await queryRunner.query(`DROP TABLE "assignment"`);
    await queryRunner.query(`DROP INDEX "public"."conflict_uq"`);
    await queryRunner.query(`DROP INDEX "public"."conflict_competition_idx"`);
    await queryRunner.query(`DROP TABLE "conflict_of_interest"`);
    await queryRunner.query(`DROP TABLE "competition_judge"`);
    await queryRunner.query(`DROP INDEX "public"."proposal_version_uq"`);
    await queryRunner.query(`DROP TABLE "proposal_version"`);
    await queryRunner.query(`DROP INDEX "public"."proposal_competition_idx"`);
    await queryRunner.query(`DROP TABLE "proposal"`);
    await queryRunner.query(`DROP TABLE "competition"`);
  }
}
