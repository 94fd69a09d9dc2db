import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What each winner of published results got from funding, an award or the reason they got none. */
export class WinnerOutcome1796124243197 implements MigrationInterface {
  name = 'WinnerOutcome1796124243197';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "winner_outcome" ("competition_id" uuid NOT NULL, "proposal_id" uuid NOT NULL, "rank" integer NOT NULL, "principal_investigator_id" uuid NOT NULL, "team_member_ids" uuid array NOT NULL, "institution_ids" uuid array NOT NULL, "share" text NOT NULL, "currency" text NOT NULL, "requested_minor" bigint NOT NULL, "amount_minor" bigint NOT NULL, "reason" text, "award_id" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_de8f03d0f35e03e69e34b50dfbf" PRIMARY KEY ("competition_id", "proposal_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "winner_outcome"`);
  }
}
