import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The stored AT_RISK flag of the weekly check: since when, from which week, and whose leads see it. */
export class AtRiskFlag1796111409377 implements MigrationInterface {
  name = 'AtRiskFlag1796111409377';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "erosion_state" ADD "first_low_week" text`);
    await queryRunner.query(`ALTER TABLE "erosion_state" ADD "flagged_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "erosion_state" ADD "institution_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "erosion_state_institution_idx" ON "erosion_state" ("institution_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "erosion_state_flagged_idx" ON "erosion_state" ("flagged_at", "member_id") WHERE episode_started_week IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."erosion_state_flagged_idx"`);
    await queryRunner.query(`DROP INDEX "public"."erosion_state_institution_idx"`);
    await queryRunner.query(`ALTER TABLE "erosion_state" DROP COLUMN "institution_id"`);
    await queryRunner.query(`ALTER TABLE "erosion_state" DROP COLUMN "flagged_at"`);
    await queryRunner.query(`ALTER TABLE "erosion_state" DROP COLUMN "first_low_week"`);
  }
}
