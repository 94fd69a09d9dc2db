import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MentorshipSchema1795306993390 implements MigrationInterface {
  name = 'MentorshipSchema1795306993390';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "member_replica" ("member_id" uuid NOT NULL, "display_name" text NOT NULL, "career_stage" text NOT NULL, "institution_id" uuid NOT NULL, "specialty" text, "interests" text array NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_03ce95f86e00f270514014065b1" PRIMARY KEY ("member_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "member_role_replica" ("member_id" uuid NOT NULL, "role" text NOT NULL, CONSTRAINT "PK_40fa422dfd5fb9ff815fe349c17" PRIMARY KEY ("member_id", "role"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mentor_profile" ("member_id" uuid NOT NULL, "capacity" integer NOT NULL, "active_mentees" integer NOT NULL DEFAULT '0', "expertise" text array NOT NULL DEFAULT '{}', "interests" text array NOT NULL DEFAULT '{}', "mentee_stages" text array NOT NULL DEFAULT '{}', "formats" text array NOT NULL DEFAULT '{}', "accepts_direct_requests" boolean NOT NULL DEFAULT true, "paused" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_495acc240f6e281719f7c8a2230" PRIMARY KEY ("member_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mentee_profile" ("member_id" uuid NOT NULL, "goals" text array NOT NULL DEFAULT '{}', "interests" text array NOT NULL DEFAULT '{}', "preferred_mentor_stages" text array NOT NULL DEFAULT '{}', "prefer_other_institution" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e58dadf9d7c92496c06d9851f53" PRIMARY KEY ("member_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "relationship" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mentor_id" uuid NOT NULL, "mentee_id" uuid NOT NULL, "kind" text NOT NULL, "origin" text NOT NULL, "status" text NOT NULL, "request_message" text, "response_message" text, "started_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" text, "ended_by" uuid, "last_check_in_at" TIMESTAMP WITH TIME ZONE, "agreement_goals" text array, "agreement_cadence_days" integer, "agreement_ends_at" TIMESTAMP WITH TIME ZONE, "mentor_agreed_at" TIMESTAMP WITH TIME ZONE, "mentee_agreed_at" TIMESTAMP WITH TIME ZONE, "match_run_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_67eb56a3f16da3d901a8ae446a6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "relationship_mentor_idx" ON "relationship" ("mentor_id") `);
    await queryRunner.query(`CREATE INDEX "relationship_mentee_idx" ON "relationship" ("mentee_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "relationship_open_pair_uq" ON "relationship" ("mentor_id", "mentee_id") WHERE status IN ('REQUESTED', 'ACTIVE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "check_in" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "relationship_id" uuid NOT NULL, "logged_by" uuid NOT NULL, "held_at" TIMESTAMP WITH TIME ZONE NOT NULL, "progress" text NOT NULL, "wellbeing" integer, "next_steps" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9c026e16735aea10812a3888d6c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "check_in_relationship_idx" ON "check_in" ("relationship_id") `);
    await queryRunner.query(
      `CREATE TABLE "feedback" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "relationship_id" uuid NOT NULL, "period" text NOT NULL, "side" text NOT NULL, "author_id" uuid NOT NULL, "rating" integer NOT NULL, "comment" text, "given_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8389f9e087a57689cd5be8b2b13" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "feedback_once_per_period_uq" ON "feedback" ("relationship_id", "period", "side") `,
    );
    await queryRunner.query(
      `CREATE TABLE "match_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "status" text NOT NULL, "created_by" uuid NOT NULL, "mentee_ids" uuid array NOT NULL, "mentor_ids" uuid array NOT NULL, "min_score" integer NOT NULL, "total_score" integer NOT NULL, "unmatched" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "approved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cc817fe400873d2c4664c5daef5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "match_proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid NOT NULL, "mentee_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "score" integer NOT NULL, "reasons" jsonb NOT NULL DEFAULT '[]', "edited" boolean NOT NULL DEFAULT false, "relationship_id" uuid, CONSTRAINT "PK_bb37f294b8a20b3bcf62c2a750c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "match_proposal_mentee_uq" ON "match_proposal" ("run_id", "mentee_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "supervision_proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "competition_id" uuid NOT NULL, "proposal_id" uuid NOT NULL, "proposal_title" text NOT NULL, "keywords" text array NOT NULL DEFAULT '{}', "mentee_id" uuid NOT NULL, "mentor_id" uuid, "score" integer NOT NULL DEFAULT '0', "reasons" jsonb NOT NULL DEFAULT '[]', "status" text NOT NULL, "relationship_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_95f7a226860d43f52a4c02b3a1d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "supervision_proposal_uq" ON "supervision_proposal" ("competition_id", "proposal_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mastermind_group" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "facilitator_id" uuid NOT NULL, "member_ids" uuid array NOT NULL, "cadence_days" integer NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2448cc06d2315d1423310ef9994" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mastermind_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "held_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attendee_ids" uuid array NOT NULL, "resources" text array NOT NULL DEFAULT '{}', "referrals" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b25f8c75626f56a2a3706b9f6d8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "mastermind_session_group_idx" ON "mastermind_session" ("group_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mastermind_next_step" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "session_id" uuid NOT NULL, "member_id" uuid NOT NULL, "text" text NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_61b0c1b37a445e4fceaa5804315" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "mastermind_next_step_group_idx" ON "mastermind_next_step" ("group_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session_rating" ("session_id" uuid NOT NULL, "member_id" uuid NOT NULL, "rating" integer NOT NULL, "rated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a27cd1af5734e504638737067f6" PRIMARY KEY ("session_id", "member_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "coaching_workshop" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "coach_id" uuid NOT NULL, "title" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, "capacity" integer NOT NULL, "waitlist_limit" integer NOT NULL, "eligible_stages" text array NOT NULL, "held_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b8f274e4661fa98545c1fa70916" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "coaching_workshop_coach_idx" ON "coaching_workshop" ("coach_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "workshop_enrolment" ("workshop_id" uuid NOT NULL, "member_id" uuid NOT NULL, "status" text NOT NULL, "enrolled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_1a707a505bf9054ba6e2a43e40a" PRIMARY KEY ("workshop_id", "member_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "action_plan" ("workshop_id" uuid NOT NULL, "member_id" uuid NOT NULL, "objectives" text array NOT NULL, "actions" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3ab839a43a225bc99b2feaf22c5" PRIMARY KEY ("workshop_id", "member_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "coaching_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workshop_id" uuid NOT NULL, "member_id" uuid NOT NULL, "kind" text NOT NULL, "document_url" text, "text" text, "response" text, "responded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_221940f3d857f357c38eb2977e2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "coaching_request_workshop_idx" ON "coaching_request" ("workshop_id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."coaching_request_workshop_idx"`);
    await queryRunner.query(`DROP TABLE "coaching_request"`);
    await queryRunner.query(`DROP TABLE "action_plan"`);
    await queryRunner.query(`DROP TABLE "workshop_enrolment"`);
    await queryRunner.query(`DROP INDEX "public"."coaching_workshop_coach_idx"`);
    await queryRunner.query(`DROP TABLE "coaching_workshop"`);
    await queryRunner.query(`DROP TABLE "session_rating"`);
    await queryRunner.query(`DROP INDEX "public"."mastermind_next_step_group_idx"`);
    await queryRunner.query(`DROP TABLE "mastermind_next_step"`);
    await queryRunner.query(`DROP INDEX "public"."mastermind_session_group_idx"`);
    await queryRunner.query(`DROP TABLE "mastermind_session"`);
    await queryRunner.query(`DROP TABLE "mastermind_group"`);
    await queryRunner.query(`DROP INDEX "public"."supervision_proposal_uq"`);
    await queryRunner.query(`DROP TABLE "supervision_proposal"`);
    await queryRunner.query(`DROP INDEX "public"."match_proposal_mentee_uq"`);
    await queryRunner.query(`DROP TABLE "match_proposal"`);
    await queryRunner.query(`DROP TABLE "match_run"`);
    await queryRunner.query(`DROP INDEX "public"."feedback_once_per_period_uq"`);
    await queryRunner.query(`DROP TABLE "feedback"`);
    await queryRunner.query(`DROP INDEX "public"."check_in_relationship_idx"`);
    await queryRunner.query(`DROP TABLE "check_in"`);
    await queryRunner.query(`DROP INDEX "public"."relationship_open_pair_uq"`);
    await queryRunner.query(`DROP INDEX "public"."relationship_mentee_idx"`);
    await queryRunner.query(`DROP INDEX "public"."relationship_mentor_idx"`);
    await queryRunner.query(`DROP TABLE "relationship"`);
    await queryRunner.query(`DROP TABLE "mentee_profile"`);
    await queryRunner.query(`DROP TABLE "mentor_profile"`);
    await queryRunner.query(`DROP TABLE "member_role_replica"`);
    await queryRunner.query(`DROP TABLE "member_replica"`);
  }
}
