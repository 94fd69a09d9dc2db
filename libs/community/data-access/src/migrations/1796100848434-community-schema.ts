import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CommunitySchema1796100848434 implements MigrationInterface {
  name = 'CommunitySchema1796100848434';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "community" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "interests" text array NOT NULL DEFAULT '{}', "created_by" uuid NOT NULL, "member_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cae794115a383328e8923de4193" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "community_name_uq" ON "community" (lower("name"))`);
    await queryRunner.query(
      `CREATE TABLE "community_moderator" ("community_id" uuid NOT NULL, "member_id" uuid NOT NULL, CONSTRAINT "PK_f716976fe5222ee4b58215a11da" PRIMARY KEY ("community_id", "member_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "community_membership" ("community_id" uuid NOT NULL, "member_id" uuid NOT NULL, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_287dd61c7d9981c495354849376" PRIMARY KEY ("community_id", "member_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "community_membership_member_idx" ON "community_membership" ("member_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "community_announcement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "author_id" uuid NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "link" text, "posted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3e6f0eae99dcfaca93077c95fd8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "community_announcement_feed_idx" ON "community_announcement" ("community_id", "posted_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "programme" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "audience" text array NOT NULL, "capacity" integer NOT NULL, "mode" text NOT NULL, "application_opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "application_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "first_session_starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_session_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "competition_id" uuid, "certificate_min_share_percent" integer NOT NULL DEFAULT '70', "reflection_questions" jsonb NOT NULL DEFAULT '[]', "interests" text array NOT NULL DEFAULT '{}', "selection_policy" text, "selection_seed" text, "selected_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_76ff6b30b74f213944d1ac0a660" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "programme_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "position" integer NOT NULL, "theme" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "time_zone" text NOT NULL, "duration_minutes" integer NOT NULL, "joining_link" text, "session_code" text NOT NULL, CONSTRAINT "PK_cb42e280f580cd3cee80f3b2b52" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "programme_session_programme_idx" ON "programme_session" ("programme_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "programme_speaker" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "session_id" uuid NOT NULL, "name" text NOT NULL, "role" text NOT NULL DEFAULT '', "self_description" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_a55df6fd1f9b1aa0d3f61ee539b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "programme_speaker_programme_idx" ON "programme_speaker" ("programme_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "programme_application" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "member_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "career_stage" text NOT NULL, "motivation" text NOT NULL, "widening_participation" jsonb NOT NULL DEFAULT '{}', "priority" boolean NOT NULL DEFAULT false, "status" text NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL, "waitlist_position" integer, "offer_expires_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "programme_application_member_uq" UNIQUE ("programme_id", "member_id"), CONSTRAINT "PK_0bbf2fd61ea3f516103e9d0cab9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "programme_application_status_idx" ON "programme_application" ("programme_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session_attendance" ("session_id" uuid NOT NULL, "member_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "method" text NOT NULL, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d27188f14abf51fcfa4ceba11ca" PRIMARY KEY ("session_id", "member_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "session_attendance_programme_idx" ON "session_attendance" ("programme_id", "member_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reflection" ("id" uuid NOT NULL, "programme_id" uuid NOT NULL, "submitted_on" date NOT NULL, "answers" jsonb NOT NULL, "hidden" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_0436416fb00a0944412935c919d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "reflection_programme_idx" ON "reflection" ("programme_id", "submitted_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reflection_spent_token" ("programme_id" uuid NOT NULL, "token_hash" text NOT NULL, CONSTRAINT "PK_95c3cd7b8e7e4b2f95b9bfb2e5a" PRIMARY KEY ("programme_id", "token_hash"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "certificate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "member_id" uuid NOT NULL, "verification_code" text NOT NULL, "member_name" text NOT NULL, "programme_title" text NOT NULL, "sessions_attended" jsonb NOT NULL, "sessions_held" integer NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "certificate_code_uq" UNIQUE ("verification_code"), CONSTRAINT "certificate_member_uq" UNIQUE ("programme_id", "member_id"), CONSTRAINT "PK_8daddfc65f59e341c2bbc9c9e43" PRIMARY KEY ("id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "certificate"`);
    await queryRunner.query(`DROP TABLE "reflection_spent_token"`);
    await queryRunner.query(`DROP INDEX "public"."reflection_programme_idx"`);
    await queryRunner.query(`DROP TABLE "reflection"`);
    await queryRunner.query(`DROP INDEX "public"."session_attendance_programme_idx"`);
    await queryRunner.query(`DROP TABLE "session_attendance"`);
    await queryRunner.query(`DROP INDEX "public"."programme_application_status_idx"`);
    await queryRunner.query(`DROP TABLE "programme_application"`);
    await queryRunner.query(`DROP INDEX "public"."programme_speaker_programme_idx"`);
    await queryRunner.query(`DROP TABLE "programme_speaker"`);
    await queryRunner.query(`DROP INDEX "public"."programme_session_programme_idx"`);
    await queryRunner.query(`DROP TABLE "programme_session"`);
    await queryRunner.query(`DROP TABLE "programme"`);
    await queryRunner.query(`DROP INDEX "public"."community_announcement_feed_idx"`);
    await queryRunner.query(`DROP TABLE "community_announcement"`);
    await queryRunner.query(`DROP INDEX "public"."community_membership_member_idx"`);
    await queryRunner.query(`DROP TABLE "community_membership"`);
    await queryRunner.query(`DROP TABLE "community_moderator"`);
    await queryRunner.query(`DROP INDEX "public"."community_name_uq"`);
    await queryRunner.query(`DROP TABLE "community"`);
  }
}
