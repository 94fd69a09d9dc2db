import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `matchRuns` pages newest first (optionally of one status) along an index instead of sorting the whole table:
 * created_at keeps milliseconds (what a cursor carries: existing rows are truncated to it once here), so the order and the cursor compare
 * the column itself and `match_run_created_idx` serves them; `match_run_status_idx` serves one status.
 */
export class MatchRunPages1796211396185 implements MigrationInterface {
  name = 'MatchRunPages1796211396185';

  async up(queryRunner: QueryRunner): Promise<void> {
    // truncated, not rounded: a row keeps the instant its cursors carried and its place in the order
    await queryRunner.query(
      `ALTER TABLE "match_run" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE USING date_trunc('milliseconds', "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "match_run_status_idx" ON "match_run" ("status", "created_at", "id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."match_run_status_idx"`);
    await queryRunner.query(
      `ALTER TABLE "match_run" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE`,
    );
  }
}
