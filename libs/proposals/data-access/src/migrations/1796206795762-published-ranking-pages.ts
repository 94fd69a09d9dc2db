import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `CompetitionRanking.entries` of published results pages in PostgreSQL: a competition's ranked entries, best
 * first, read along this index into the page's limit (rank is unique within a competition; the id makes the
 * keyset total).
 */
export class PublishedRankingPages1796206795762 implements MigrationInterface {
  name = 'PublishedRankingPages1796206795762';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "proposal_ranking_idx" ON "proposal" ("competition_id", "rank", "id") WHERE "rank" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."proposal_ranking_idx"`);
  }
}
