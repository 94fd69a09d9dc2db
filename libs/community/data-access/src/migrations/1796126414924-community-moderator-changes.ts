import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CommunityModeratorChanges1796126414924 implements MigrationInterface {
  name = 'CommunityModeratorChanges1796126414924';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "community_moderator_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "member_id" uuid NOT NULL, "change" text NOT NULL, "actor_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_7552dd43e9994c3a3441ff7f676" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "community_moderator_change_idx" ON "community_moderator_change" ("community_id", "at", "id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."community_moderator_change_idx"`);
    await queryRunner.query(`DROP TABLE "community_moderator_change"`);
  }
}
