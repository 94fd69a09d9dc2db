import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CareerStageChanges1796111462495 implements MigrationInterface {
  name = 'CareerStageChanges1796111462495';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "career_stage_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'PENDING', "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "reason" text, "from_stage" text NOT NULL, "to_stage" text NOT NULL, CONSTRAINT "PK_2409c6f25772e3b2736f7938b8e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "career_stage_change_one_pending_uq" ON "career_stage_change" ("member_id") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE INDEX "career_stage_change_member_idx" ON "career_stage_change" ("member_id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."career_stage_change_member_idx"`);
    await queryRunner.query(`DROP INDEX "public"."career_stage_change_one_pending_uq"`);
    await queryRunner.query(`DROP TABLE "career_stage_change"`);
  }
}
