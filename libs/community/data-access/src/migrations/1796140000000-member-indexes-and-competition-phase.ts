import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the queries by member (`myCertificates`, `myApplications`: one member's rows, which without them
 * scan the whole table), and the phase of a listed competition, which proposals now publishes as it
 * changes (`proposals.competition.changed.v1`); rows from before it were open when they were listed.
 */
export class MemberIndexesAndCompetitionPhase1796140000000 implements MigrationInterface {
  name = 'MemberIndexesAndCompetitionPhase1796140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "certificate_member_idx" ON "certificate" ("member_id") `);
    await queryRunner.query(
      `CREATE INDEX "programme_application_member_idx" ON "programme_application" ("member_id") `,
    );
    await queryRunner.query(`ALTER TABLE "tagged_competition" ADD "phase" text NOT NULL DEFAULT 'OPEN'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tagged_competition" DROP COLUMN "phase"`);
    await queryRunner.query(`DROP INDEX "public"."programme_application_member_idx"`);
    await queryRunner.query(`DROP INDEX "public"."certificate_member_idx"`);
  }
}
