import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why a lead or an admin declined to release proposed protected time. */
export class AllocationDecisionReason1796136972699 implements MigrationInterface {
  name = 'AllocationDecisionReason1796136972699';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "allocation" ADD "decision_reason" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "allocation" DROP COLUMN "decision_reason"`);
  }
}
