import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Supervisors confirmed for an entry before its award was offered, applied when it is. */
export class PendingSupervisor1796127566920 implements MigrationInterface {
  name = 'PendingSupervisor1796127566920';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "pending_supervisor" ("competition_id" uuid NOT NULL, "proposal_id" uuid NOT NULL, "supervisor_id" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_91960fb381751b131252e33efbb" PRIMARY KEY ("competition_id", "proposal_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "pending_supervisor"`);
  }
}
