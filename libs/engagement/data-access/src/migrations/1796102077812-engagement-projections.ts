import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EngagementProjections1796102077812 implements MigrationInterface {
  name = 'EngagementProjections1796102077812';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "engagement_member" ("member_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "career_stage" text NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6dbd723317d4bd3505c6591a126" PRIMARY KEY ("member_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_98a6c48aa7699ed59438a3b8f8" ON "engagement_member" ("institution_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_activity" ("member_id" uuid NOT NULL, "activity" text NOT NULL, "source_id" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "label" text, CONSTRAINT "PK_d13c70637477ca1df37b4d7e817" PRIMARY KEY ("member_id", "activity", "source_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4a71274582bf2759f71dd7321c" ON "engagement_activity" ("activity", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_relationship" ("relationship_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "mentee_id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "origin" text, "requested_at" TIMESTAMP WITH TIME ZONE, "started_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_631598957521f41f854260622d5" PRIMARY KEY ("relationship_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b9d4a9ea1a262189628e8c4487" ON "engagement_relationship" ("mentor_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_31a82b4d9e87110415fbb96ba4" ON "engagement_relationship" ("mentee_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_check_in" ("check_in_id" uuid NOT NULL, "relationship_id" uuid NOT NULL, "held_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_817a74756edb787f4a160ca121d" PRIMARY KEY ("check_in_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a6971d49e511afaea1bd1a226e" ON "engagement_check_in" ("relationship_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_feedback" ("feedback_id" uuid NOT NULL, "relationship_id" uuid NOT NULL, "side" text NOT NULL, "rating" integer NOT NULL, "period" text NOT NULL, CONSTRAINT "PK_b907fa4af1dab6576a42c857775" PRIMARY KEY ("feedback_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_aab7267e1311875654a0f1bc79" ON "engagement_feedback" ("relationship_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_proposal" ("proposal_id" uuid NOT NULL, "competition_id" uuid NOT NULL, "title" text NOT NULL, "member_ids" uuid array NOT NULL DEFAULT '{}', "institution_ids" uuid array NOT NULL DEFAULT '{}', "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "winner_rank" integer, CONSTRAINT "PK_30c7cb3f33a7a6a3d98e0b5b4a3" PRIMARY KEY ("proposal_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a10b205e598e9aa29c4461379a" ON "engagement_proposal" ("competition_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_review" ("review_id" uuid NOT NULL, "competition_id" uuid NOT NULL, "proposal_id" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_73b2802007ef1104b7c6c5ac0de" PRIMARY KEY ("review_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4db2c608ca2dcca66853fa4609" ON "engagement_review" ("competition_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_demographics" ("member_id" uuid NOT NULL, "gender" text NOT NULL, "ethnicity_group" text NOT NULL, "disability" text NOT NULL, "first_generation_higher_education" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3cd4870a516e063d0819e4836d2" PRIMARY KEY ("member_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "engagement_demographics"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4db2c608ca2dcca66853fa4609"`);
    await queryRunner.query(`DROP TABLE "engagement_review"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a10b205e598e9aa29c4461379a"`);
    await queryRunner.query(`DROP TABLE "engagement_proposal"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_aab7267e1311875654a0f1bc79"`);
    await queryRunner.query(`DROP TABLE "engagement_feedback"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a6971d49e511afaea1bd1a226e"`);
    await queryRunner.query(`DROP TABLE "engagement_check_in"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_31a82b4d9e87110415fbb96ba4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b9d4a9ea1a262189628e8c4487"`);
    await queryRunner.query(`DROP TABLE "engagement_relationship"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4a71274582bf2759f71dd7321c"`);
    await queryRunner.query(`DROP TABLE "engagement_activity"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_98a6c48aa7699ed59438a3b8f8"`);
    await queryRunner.query(`DROP TABLE "engagement_member"`);
  }
}
