import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NamedConflictReview1796092441810 implements MigrationInterface {
  name = 'NamedConflictReview1796092441810';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conflict_of_interest" ADD "review_status" text`);
    await queryRunner.query(`ALTER TABLE "conflict_of_interest" ADD "reviewed_by" uuid`);
    await queryRunner.query(`ALTER TABLE "conflict_of_interest" ADD "reviewed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "conflict_of_interest" ADD "review_reason" text`);
    // namings made before reviews existed wait for one, like any new naming
    await queryRunner.query(
      `UPDATE "conflict_of_interest" SET "review_status" = 'PENDING' WHERE "kind" = 'NAMED_BY_APPLICANT'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conflict_of_interest" DROP COLUMN "review_reason"`);
    await queryRunner.query(`ALTER TABLE "conflict_of_interest" DROP COLUMN "reviewed_at"`);
    await queryRunner.query(`ALTER TABLE "conflict_of_interest" DROP COLUMN "reviewed_by"`);
    await queryRunner.query(`ALTER TABLE "conflict_of_interest" DROP COLUMN "review_status"`);
  }
}
