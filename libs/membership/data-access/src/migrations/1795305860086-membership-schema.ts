import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MembershipSchema1795305860086 implements MigrationInterface {
  name = 'MembershipSchema1795305860086';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "institution" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "country" character(2) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f60ee4ff0719b7df54830b39087" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "institution_name_uq" ON "institution" ("name") `);
    await queryRunner.query(
      `CREATE TABLE "member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "password_hash" text NOT NULL, "display_name" text NOT NULL, "career_stage" text NOT NULL, "institution_id" uuid NOT NULL, "specialty" text, "interests" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_97cbbe986ce9d14ca5894fdc072" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "member_email_uq" ON "member" ("email") `);
    await queryRunner.query(`CREATE INDEX "member_institution_idx" ON "member" ("institution_id") `);
    await queryRunner.query(
      `CREATE TABLE "role_grant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "role" text NOT NULL, "institution_key" text NOT NULL DEFAULT '', "institution_id" uuid, "granted_by" uuid, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b9e50aafa723c536731c38529fb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "role_grant_member_idx" ON "role_grant" ("member_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "role_grant_uq" ON "role_grant" ("member_id", "role", "institution_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "demographics" ("member_id" uuid NOT NULL, "gender" text NOT NULL, "ethnicity_group" text NOT NULL, "disability" text NOT NULL, "first_generation_higher_education" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_74f3ce4bbfd3382295601748ba5" PRIMARY KEY ("member_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "demographics"`);
    await queryRunner.query(`DROP INDEX "public"."role_grant_uq"`);
    await queryRunner.query(`DROP INDEX "public"."role_grant_member_idx"`);
    await queryRunner.query(`DROP TABLE "role_grant"`);
    await queryRunner.query(`DROP INDEX "public"."member_institution_idx"`);
    await queryRunner.query(`DROP INDEX "public"."member_email_uq"`);
    await queryRunner.query(`DROP TABLE "member"`);
    await queryRunner.query(`DROP INDEX "public"."institution_name_uq"`);
    await queryRunner.query(`DROP TABLE "institution"`);
  }
}
