import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `Proposal.invitations` is paged in PostgreSQL: invited_at keeps milliseconds (what a cursor carries, rounded
 * once here), so the page's order and its cursor compare the column itself, along this index.
 */
export class TeamInvitationPages1796195871171 implements MigrationInterface {
  name = 'TeamInvitationPages1796195871171';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "team_invitation" ALTER COLUMN "invited_at" TYPE TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `CREATE INDEX "team_invitation_page_idx" ON "team_invitation" ("proposal_id", "invited_at", "member_id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."team_invitation_page_idx"`);
    await queryRunner.query(
      `ALTER TABLE "team_invitation" ALTER COLUMN "invited_at" TYPE TIMESTAMP(6) WITH TIME ZONE`,
    );
  }
}
