import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Competitions gain a currency and every amount becomes integer minor units (issue 9: money done properly).
 * Before this, amounts had no currency; they were all meant as pounds (the platform's only currency so far), so
 * existing rows become GBP pence. New competitions take the configured default (PROPOSALS_DEFAULT_CURRENCY).
 */
export class CompetitionCurrency1796100000000 implements MigrationInterface {
  name = 'CompetitionCurrency1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "competition" ADD "currency" text NOT NULL DEFAULT 'GBP'`);
    await queryRunner.query(`ALTER TABLE "competition" ALTER COLUMN "currency" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "competition" ADD "funding_available_minor" bigint`);
    await queryRunner.query(
      `UPDATE "competition" SET "funding_available_minor" = round("funding_available" * 100)`,
    );
    await queryRunner.query(`ALTER TABLE "competition" DROP COLUMN "funding_available"`);

    await queryRunner.query(`ALTER TABLE "proposal" ADD "currency" text`);
    await queryRunner.query(
      `UPDATE "proposal" p SET "currency" = c."currency" FROM "competition" c WHERE c."id" = p."competition_id"`,
    );
    await queryRunner.query(`UPDATE "proposal" SET "currency" = 'GBP' WHERE "currency" IS NULL`);
    await queryRunner.query(`ALTER TABLE "proposal" ALTER COLUMN "currency" SET NOT NULL`);
    for (const table of ['proposal', 'proposal_version']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "requested_funding_minor" bigint`);
      await queryRunner.query(
        `UPDATE "${table}" SET "requested_funding_minor" = round("requested_funding" * 100)`,
      );
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "requested_funding_minor" SET NOT NULL`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "requested_funding"`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['proposal', 'proposal_version']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "requested_funding" numeric(14,2)`);
      await queryRunner.query(
        `UPDATE "${table}" SET "requested_funding" = "requested_funding_minor" / 100.0`,
      );
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "requested_funding" SET NOT NULL`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "requested_funding_minor"`);
    }
    await queryRunner.query(`ALTER TABLE "proposal" DROP COLUMN "currency"`);
    await queryRunner.query(`ALTER TABLE "competition" ADD "funding_available" numeric(14,2)`);
    await queryRunner.query(
      `UPDATE "competition" SET "funding_available" = "funding_available_minor" / 100.0`,
    );
    await queryRunner.query(`ALTER TABLE "competition" DROP COLUMN "funding_available_minor"`);
    await queryRunner.query(`ALTER TABLE "competition" DROP COLUMN "currency"`);
  }
}
