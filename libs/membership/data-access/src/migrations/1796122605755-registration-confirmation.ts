import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RegistrationConfirmation1796122605755 implements MigrationInterface {
  name = 'RegistrationConfirmation1796122605755';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "registration_confirmation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'PENDING', "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "reason" text, "institution_id" uuid NOT NULL, "career_stage" text NOT NULL, CONSTRAINT "PK_cfa4f37404f94b4fc9df783b6bf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "registration_confirmation_one_pending_uq" ON "registration_confirmation" ("member_id") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE INDEX "registration_confirmation_member_idx" ON "registration_confirmation" ("member_id") `,
    );
    await queryRunner.query(`ALTER TABLE "member" ADD "institution_confirmed" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(
      `ALTER TABLE "member" ADD "career_stage_confirmed" boolean NOT NULL DEFAULT true`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "member" DROP COLUMN "career_stage_confirmed"`);
    await queryRunner.query(`ALTER TABLE "member" DROP COLUMN "institution_confirmed"`);
    await queryRunner.query(`DROP INDEX "public"."registration_confirmation_member_idx"`);
    await queryRunner.query(`DROP INDEX "public"."registration_confirmation_one_pending_uq"`);
    await queryRunner.query(`DROP TABLE "registration_confirmation"`);
  }
}
