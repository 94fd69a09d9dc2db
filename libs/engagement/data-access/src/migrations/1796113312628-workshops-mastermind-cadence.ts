import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkshopsMastermindCadence1796113312628 implements MigrationInterface {
  name = 'WorkshopsMastermindCadence1796113312628';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "engagement_workshop" ("workshop_id" uuid NOT NULL, "coach_id" uuid NOT NULL, "held_at" TIMESTAMP WITH TIME ZONE NOT NULL, "capacity" integer NOT NULL, "attendees" integer NOT NULL, "waitlisted" integer, CONSTRAINT "PK_322dc31799c0277ef39b9e61c2a" PRIMARY KEY ("workshop_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bbfe8ccb89ddb0a72ce6680aef" ON "engagement_workshop" ("held_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_mastermind_attendance" ("session_id" uuid NOT NULL, "member_id" uuid NOT NULL, "group_id" uuid NOT NULL, "held_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3778237fdc6c35492ff477f835d" PRIMARY KEY ("session_id", "member_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7bcbf7ade52727b7a493feb229" ON "engagement_mastermind_attendance" ("held_at") `,
    );
    await queryRunner.query(`ALTER TABLE "engagement_check_in" ADD "agreed_cadence_days" integer`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "engagement_check_in" DROP COLUMN "agreed_cadence_days"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7bcbf7ade52727b7a493feb229"`);
    await queryRunner.query(`DROP TABLE "engagement_mastermind_attendance"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bbfe8ccb89ddb0a72ce6680aef"`);
    await queryRunner.query(`DROP TABLE "engagement_workshop"`);
  }
}
