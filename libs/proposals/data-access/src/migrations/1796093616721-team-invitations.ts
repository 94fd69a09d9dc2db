import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TeamInvitations1796093616721 implements MigrationInterface {
  name = 'TeamInvitations1796093616721';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "team_invitation" ("proposal_id" uuid NOT NULL, "member_id" uuid NOT NULL, "status" text NOT NULL, "invited_by" uuid NOT NULL, "invited_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a55416cd24532ac32868573ccf" PRIMARY KEY ("proposal_id", "member_id"))`,
    );
    // members already on a team before invitations existed were put there by its authors; they stay on it as
    // accepted, since asking them now would empty submitted teams
    await queryRunner.query(
      `INSERT INTO "team_invitation" ("proposal_id", "member_id", "status", "invited_by")
       SELECT p."id", m.member_id, 'ACCEPTED', p."created_by" FROM "proposal" p, unnest(p."team_member_ids") AS m(member_id)
       ON CONFLICT DO NOTHING`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "team_invitation"`);
  }
}
