import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FrozenFeedback1796090662008 implements MigrationInterface {
  name = 'FrozenFeedback1796090662008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "proposal" ADD "published_feedback" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "proposal" DROP COLUMN "published_feedback"`);
  }
}
