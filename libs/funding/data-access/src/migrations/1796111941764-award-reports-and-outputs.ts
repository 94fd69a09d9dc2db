import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reports due on an award (scheduled at activation) and the outputs linked to it. */
export class AwardReportsAndOutputs1796111941764 implements MigrationInterface {
  name = 'AwardReportsAndOutputs1796111941764';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "award_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "award_id" uuid NOT NULL, "kind" text NOT NULL, "sequence" integer NOT NULL, "due_on" date NOT NULL, "progress" text, "problems" text, "next_steps" text, "submitted_by" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_54352e102c4c83f8f6de4732cc2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "award_report_sequence_uq" ON "award_report" ("award_id", "sequence") `,
    );
    await queryRunner.query(
      `CREATE TABLE "award_output" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "award_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "doi" text, "url" text NOT NULL, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_02cedea48d6a8ddf7b0fa4da227" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "award_output_award_idx" ON "award_output" ("award_id", "recorded_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."award_output_award_idx"`);
    await queryRunner.query(`DROP TABLE "award_output"`);
    await queryRunner.query(`DROP INDEX "public"."award_report_sequence_uq"`);
    await queryRunner.query(`DROP TABLE "award_report"`);
  }
}
