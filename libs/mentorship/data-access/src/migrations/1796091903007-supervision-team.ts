import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SupervisionTeam1796091903007 implements MigrationInterface {
  name = 'SupervisionTeam1796091903007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "supervision_proposal" ADD "team_member_ids" uuid array NOT NULL DEFAULT '{}'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "supervision_proposal" DROP COLUMN "team_member_ids"`);
  }
}
