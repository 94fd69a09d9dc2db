import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `myTeamInvitations` reads a member's pending invitations, newest first, along this index instead of the table. */
export class PendingInvitationsOfMember1796199374662 implements MigrationInterface {
  name = 'PendingInvitationsOfMember1796199374662';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "team_invitation_pending_idx" ON "team_invitation" ("member_id", "invited_at", "proposal_id") WHERE "status" = 'PENDING'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."team_invitation_pending_idx"`);
  }
}
