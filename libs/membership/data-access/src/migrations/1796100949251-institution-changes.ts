import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InstitutionChanges1796100949251 implements MigrationInterface {
  name = 'InstitutionChanges1796100949251';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "institution_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "from_institution_id" uuid NOT NULL, "to_institution_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'PENDING', "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "reason" text, CONSTRAINT "PK_b020c5300144da00d2a3ea95d35" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "institution_change_member_idx" ON "institution_change" ("member_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "institution_change_pending_to_idx" ON "institution_change" ("to_institution_id") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "institution_change_one_pending_uq" ON "institution_change" ("member_id") WHERE "status" = 'PENDING'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."institution_change_one_pending_uq"`);
    await queryRunner.query(`DROP INDEX "public"."institution_change_pending_to_idx"`);
    await queryRunner.query(`DROP INDEX "public"."institution_change_member_idx"`);
    await queryRunner.query(`DROP TABLE "institution_change"`);
  }
}
