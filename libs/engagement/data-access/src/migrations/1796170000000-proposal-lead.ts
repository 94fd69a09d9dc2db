import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The entry's lead applicant, so competition figures split by the lead's career stage. Rows projected before
 * it have none (they count under OTHER) until `npm run engagement:rebuild` replays the proposals' events.
 */
export class ProposalLead1796170000000 implements MigrationInterface {
  name = 'ProposalLead1796170000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "engagement_proposal" ADD "lead_member_id" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "engagement_proposal" DROP COLUMN "lead_member_id"`);
  }
}
