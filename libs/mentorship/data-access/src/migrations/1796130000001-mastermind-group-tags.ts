import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Mastermind groups gain interest tags, published with `mastermind.group-formed` so communities can list them. */
export class MastermindGroupTags1796130000001 implements MigrationInterface {
  name = 'MastermindGroupTags1796130000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mastermind_group" ADD "tags" text array NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mastermind_group" DROP COLUMN "tags"`);
  }
}
