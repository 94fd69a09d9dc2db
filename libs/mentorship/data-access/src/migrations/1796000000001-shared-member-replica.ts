import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createRoleVersionTable } from '@praxis/platform/member-replica';

/**
 * Moves mentorship's own replica onto the shared shape: roles gain their institution scope (lead rows, kept
 * without their institution until now, are dropped: the scope cannot be recovered), a role version per member,
 * and the institution replica.
 */
export class SharedMemberReplica1796000000001 implements MigrationInterface {
  name = 'SharedMemberReplica1796000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "member_role_replica" WHERE "role" = 'lead'`);
    await queryRunner.query(
      `ALTER TABLE "member_role_replica" ADD "institution_key" text NOT NULL DEFAULT '', ADD "institution_id" uuid`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_role_replica" DROP CONSTRAINT "PK_40fa422dfd5fb9ff815fe349c17",
         ADD CONSTRAINT "PK_member_role_replica" PRIMARY KEY ("member_id", "role", "institution_key")`,
    );
    await createRoleVersionTable(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "institution_replica" ("institution_id" uuid NOT NULL, "name" text NOT NULL, "country" character(2) NOT NULL, CONSTRAINT "PK_institution_replica" PRIMARY KEY ("institution_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "institution_replica"`);
    await queryRunner.query(`DROP TABLE "member_role_version"`);
    await queryRunner.query(`DELETE FROM "member_role_replica" WHERE "institution_key" <> ''`);
    await queryRunner.query(
      `ALTER TABLE "member_role_replica" DROP CONSTRAINT "PK_member_role_replica",
         ADD CONSTRAINT "PK_40fa422dfd5fb9ff815fe349c17" PRIMARY KEY ("member_id", "role")`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_role_replica" DROP COLUMN "institution_id", DROP COLUMN "institution_key"`,
    );
  }
}
