import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `supervisionProposals` pages newest first (optionally of one status) along an index instead of sorting the
 * whole table: created_at keeps milliseconds (what a cursor carries, rounded once here), so the order and the
 * cursor compare the column itself.
 */
export class SupervisionProposalPages1796206099844 implements MigrationInterface {
  name = 'SupervisionProposalPages1796206099844';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "supervision_proposal" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `CREATE INDEX "supervision_proposal_status_idx" ON "supervision_proposal" ("status", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "supervision_proposal_created_idx" ON "supervision_proposal" ("created_at", "id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."supervision_proposal_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."supervision_proposal_status_idx"`);
    await queryRunner.query(
      `ALTER TABLE "supervision_proposal" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE`,
    );
  }
}
