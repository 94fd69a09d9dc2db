import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `matchRuns` lists runs newest first with a keyset on (created_at, id). */
export class MatchRunCreatedIndex1796200000001 implements MigrationInterface {
  name = 'MatchRunCreatedIndex1796200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "match_run_created_idx" ON "match_run" ("created_at", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."match_run_created_idx"`);
  }
}
