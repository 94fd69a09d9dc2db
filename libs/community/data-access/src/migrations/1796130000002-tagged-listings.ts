import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Replicas of the competitions and mastermind groups communities list under their interests. */
export class TaggedListings1796130000002 implements MigrationInterface {
  name = 'TaggedListings1796130000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "tagged_competition" ("competition_id" uuid NOT NULL, "title" text NOT NULL,
         "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         "tags" text array NOT NULL, CONSTRAINT "PK_tagged_competition" PRIMARY KEY ("competition_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "tagged_competition_tags_idx" ON "tagged_competition" USING gin ("tags")`,
    );
    await queryRunner.query(
      `CREATE TABLE "tagged_mastermind_group" ("group_id" uuid NOT NULL, "name" text NOT NULL,
         "cadence_days" integer NOT NULL, "size" integer NOT NULL,
         "formed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "tags" text array NOT NULL,
         CONSTRAINT "PK_tagged_mastermind_group" PRIMARY KEY ("group_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "tagged_mastermind_group_tags_idx" ON "tagged_mastermind_group" USING gin ("tags")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "tagged_mastermind_group"`);
    await queryRunner.query(`DROP TABLE "tagged_competition"`);
  }
}
