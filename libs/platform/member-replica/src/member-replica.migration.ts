import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables of the shared member replica as `MEMBER_REPLICA_ENTITIES` describe them; for services starting fresh. */
export async function createMemberReplicaTables(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `CREATE TABLE "member_replica" ("member_id" uuid NOT NULL, "display_name" text NOT NULL, "career_stage" text NOT NULL, "institution_id" uuid NOT NULL, "specialty" text, "interests" text array NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_member_replica" PRIMARY KEY ("member_id"))`,
  );
  await createRoleTables(queryRunner);
  await queryRunner.query(
    `CREATE TABLE "institution_replica" ("institution_id" uuid NOT NULL, "name" text NOT NULL, "country" character(2) NOT NULL, CONSTRAINT "PK_institution_replica" PRIMARY KEY ("institution_id"))`,
  );
}

/** Role tables with the institution scope and the per-member role version. */
export async function createRoleTables(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `CREATE TABLE "member_role_replica" ("member_id" uuid NOT NULL, "role" text NOT NULL, "institution_key" text NOT NULL DEFAULT '', "institution_id" uuid, CONSTRAINT "PK_member_role_replica" PRIMARY KEY ("member_id", "role", "institution_key"))`,
  );
  await createRoleVersionTable(queryRunner);
}

export async function createRoleVersionTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `CREATE TABLE "member_role_version" ("member_id" uuid NOT NULL, "version" bigint NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_member_role_version" PRIMARY KEY ("member_id"))`,
  );
}

export async function dropMemberReplicaTables(queryRunner: QueryRunner): Promise<void> {
  for (const table of [
    'institution_replica',
    'member_role_version',
    'member_role_replica',
    'member_replica',
  ]) {
    await queryRunner.query(`DROP TABLE IF EXISTS "${table}"`);
  }
}

/** The shared member replica for a service that had none. */
export class CreateMemberReplicaTables1796000000000 implements MigrationInterface {
  name = 'CreateMemberReplicaTables1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMemberReplicaTables(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMemberReplicaTables(queryRunner);
  }
}
