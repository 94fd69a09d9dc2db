import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Competitions gain interest tags, published with `competition.opened` so communities can list them. */
export class CompetitionTags1796130000000 implements MigrationInterface {
  name = 'CompetitionTags1796130000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "competition" ADD "tags" text array NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "competition" DROP COLUMN "tags"`);
  }
}
