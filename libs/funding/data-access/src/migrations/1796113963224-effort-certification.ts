import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Members' certifications of their effort per award period, with the digest of what they certified. */
export class EffortCertification1796113963224 implements MigrationInterface {
  name = 'EffortCertification1796113963224';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "effort_certification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "award_id" uuid NOT NULL, "member_id" uuid NOT NULL, "period_index" integer NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "figures" jsonb NOT NULL, "figures_digest" text NOT NULL, "certified_on" date NOT NULL, "certified_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f27119e69627744fe6ec6811f24" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "effort_certification_uq" ON "effort_certification" ("award_id", "member_id", "period_index") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."effort_certification_uq"`);
    await queryRunner.query(`DROP TABLE "effort_certification"`);
  }
}
