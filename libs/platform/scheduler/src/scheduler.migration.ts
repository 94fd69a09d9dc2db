import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The claim table of the platform scheduler; a service that schedules jobs lists this migration. */
export class CreateScheduledJobRunTable1764560000000 implements MigrationInterface {
  name = 'CreateScheduledJobRunTable1764560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "scheduled_job_run" (
        "job" text NOT NULL,
        "tick" TIMESTAMP WITH TIME ZONE NOT NULL,
        "runner" text NOT NULL,
        "status" text NOT NULL DEFAULT 'running',
        "error" text,
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "finished_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_scheduled_job_run" PRIMARY KEY ("job", "tick")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "scheduled_job_run"`);
  }
}
