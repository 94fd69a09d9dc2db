import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createPrincipalChangeTriggers,
  dropPrincipalChangeTriggers,
  type PrincipalTable,
} from '@praxis/platform/database';

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

/**
 * Whether the member's institution and career stage are confirmed (membership's member events carry it since
 * registrations need confirmation). Rows from before count as confirmed, as the events without the fields do;
 * every service with a member replica lists this migration after its own.
 */
export class MemberReplicaConfirmation1796122700000 implements MigrationInterface {
  name = 'MemberReplicaConfirmation1796122700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "member_replica" ADD "institution_confirmed" boolean NOT NULL DEFAULT true`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_replica" ADD "career_stage_confirmed" boolean NOT NULL DEFAULT true`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "member_replica" DROP COLUMN "career_stage_confirmed"`);
    await queryRunner.query(`ALTER TABLE "member_replica" DROP COLUMN "institution_confirmed"`);
  }
}

/**
 * What `ReplicaPrincipalSource` reads about a caller (their role version and roles) is reported when it changes,
 * so it can keep it between requests; inserts too, since "no role event yet" is an answer it keeps.
 */
export const MEMBER_REPLICA_PRINCIPAL_TABLES: readonly PrincipalTable[] = [
  { table: 'member_role_version', memberColumn: 'member_id', events: ['INSERT', 'UPDATE', 'DELETE'] },
  { table: 'member_role_replica', memberColumn: 'member_id', events: ['INSERT', 'UPDATE', 'DELETE'] },
];

/** Reports changes to the replica's role tables (every service with a member replica lists it after its own). */
export class MemberReplicaPrincipalChanges1796207813357 implements MigrationInterface {
  name = 'MemberReplicaPrincipalChanges1796207813357';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createPrincipalChangeTriggers(queryRunner, MEMBER_REPLICA_PRINCIPAL_TABLES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropPrincipalChangeTriggers(queryRunner, MEMBER_REPLICA_PRINCIPAL_TABLES);
  }
}

/** The member replica's migrations for a service starting with none (the service generator lists these). */
export const MEMBER_REPLICA_MIGRATIONS = [
  CreateMemberReplicaTables1796000000000,
  MemberReplicaConfirmation1796122700000,
  MemberReplicaPrincipalChanges1796207813357,
];
