import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Sessions1796091776492 implements MigrationInterface {
  name = 'Sessions1796091776492';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "auth_session_member_idx" ON "auth_session" ("member_id") `);
    await queryRunner.query(
      `CREATE TABLE "refresh_token" ("token_hash" text NOT NULL, "session_id" uuid NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "rotated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f0812282fad2e352cdaf83ef0a9" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "refresh_token_session_idx" ON "refresh_token" ("session_id") `);
    await queryRunner.query(
      `CREATE TABLE "password_reset" ("token_hash" text NOT NULL, "member_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0309de62e0cb0960ebb2cb65c95" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "password_reset_member_idx" ON "password_reset" ("member_id") `);
    await queryRunner.query(
      `CREATE TABLE "auth_audit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid, "action" text NOT NULL, "detail" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4f9a93d6564ca73e717de59d4cc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "auth_audit_member_idx" ON "auth_audit" ("member_id") `);
    await queryRunner.query(
      `CREATE TABLE "auth_rate_limit" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT '0', "expire" bigint, CONSTRAINT "PK_74b8e707ca802233363663011ba" PRIMARY KEY ("key"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "auth_rate_limit"`);
    await queryRunner.query(`DROP INDEX "public"."auth_audit_member_idx"`);
    await queryRunner.query(`DROP TABLE "auth_audit"`);
    await queryRunner.query(`DROP INDEX "public"."password_reset_member_idx"`);
    await queryRunner.query(`DROP TABLE "password_reset"`);
    await queryRunner.query(`DROP INDEX "public"."refresh_token_session_idx"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP INDEX "public"."auth_session_member_idx"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
  }
}
