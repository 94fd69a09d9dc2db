import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createRoleTables } from '@praxis/platform/member-replica';

/**
 * Moves proposals' own replica onto the shared shape: roles (all unscoped here: lead grants were never kept)
 * into member_role_replica, placeholder rows of members whose registration had not arrived dropped (their
 * profile comes with the next profile event), and the profile columns made required.
 */
export class SharedMemberReplica1796000000001 implements MigrationInterface {
  name = 'SharedMemberReplica1796000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createRoleTables(queryRunner);
    await queryRunner.query(
      `INSERT INTO "member_role_replica" ("member_id", "role") SELECT "member_id", unnest("roles") FROM "member_replica"
       ON CONFLICT DO NOTHING`,
    );
    await queryRunner.query(
      `DELETE FROM "member_replica" WHERE NOT "registered" OR "display_name" IS NULL OR "career_stage" IS NULL OR "institution_id" IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "member_replica" DROP COLUMN "registered", DROP COLUMN "roles"`);
    await queryRunner.query(
      `ALTER TABLE "member_replica" ADD "specialty" text, ALTER COLUMN "display_name" SET NOT NULL,
         ALTER COLUMN "career_stage" SET NOT NULL, ALTER COLUMN "institution_id" SET NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "member_replica" DROP COLUMN "specialty", ADD "registered" boolean NOT NULL DEFAULT true,
         ADD "roles" text array NOT NULL DEFAULT '{}', ALTER COLUMN "display_name" DROP NOT NULL,
         ALTER COLUMN "career_stage" DROP NOT NULL, ALTER COLUMN "institution_id" DROP NOT NULL`,
    );
    await queryRunner.query(
      `UPDATE "member_replica" m SET "roles" = ARRAY(SELECT r."role" FROM "member_role_replica" r
         WHERE r."member_id" = m."member_id" AND r."institution_key" = '')`,
    );
    await queryRunner.query(`DROP TABLE "member_role_version"`);
    await queryRunner.query(`DROP TABLE "member_role_replica"`);
  }
}
