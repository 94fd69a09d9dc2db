import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgrammeAndFundingMetrics1796111847896 implements MigrationInterface {
  name = 'ProgrammeAndFundingMetrics1796111847896';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "engagement_session" ("session_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "theme" text, CONSTRAINT "PK_2cc5d0f4ea8b02aa221a69e6788" PRIMARY KEY ("session_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f59e24744c1f476e31f960e217" ON "engagement_session" ("programme_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_programme" ("programme_id" uuid NOT NULL, "title" text, "capacity" integer, CONSTRAINT "PK_bca789ed7b00c0d3cd07459847c" PRIMARY KEY ("programme_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_application" ("application_id" uuid NOT NULL, "member_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "selected_at" TIMESTAMP WITH TIME ZONE, "waitlisted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f033c1dd8632774132b47e542f7" PRIMARY KEY ("application_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e71eea8a1ffaa0664b3cc615dc" ON "engagement_application" ("programme_id", "member_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_certificate" ("certificate_id" uuid NOT NULL, "member_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b31282df65c91c82b73960b18ce" PRIMARY KEY ("certificate_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_213e0afec3bb55f66df3e720eb" ON "engagement_certificate" ("member_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_reflection_day" ("programme_id" uuid NOT NULL, "day" date NOT NULL, "reflections" integer NOT NULL, CONSTRAINT "PK_5efc4b93cb4f44d64b067c814e8" PRIMARY KEY ("programme_id", "day"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_award" ("award_id" uuid NOT NULL, "principal_investigator_id" uuid NOT NULL, "institution_id" uuid, "fund_id" uuid, "amount_minor" bigint NOT NULL, "currency" text NOT NULL, "offered_at" TIMESTAMP WITH TIME ZONE, "accepted_at" TIMESTAMP WITH TIME ZONE, "declined_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_eeee33999e3da86fe1908c2a69b" PRIMARY KEY ("award_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_spend" ("entry_id" uuid NOT NULL, "award_id" uuid NOT NULL, "fund_id" uuid, "principal_investigator_id" uuid NOT NULL, "institution_id" uuid, "kind" text NOT NULL, "amount_minor" bigint NOT NULL, "currency" text NOT NULL, "spent_on" date NOT NULL, CONSTRAINT "PK_070cfd35588f11a4d2aa587284f" PRIMARY KEY ("entry_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_85f5598aefaac90b3f53249058" ON "engagement_spend" ("spent_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_allocation" ("allocation_id" uuid NOT NULL, "member_id" uuid NOT NULL, "weekly_minutes" integer NOT NULL, "from_day" date NOT NULL, "to_day" date NOT NULL, "replaces_allocation_id" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_73116a27152c25ac13f1b308e4d" PRIMARY KEY ("allocation_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_87a3c956772447fffa3d0b434e" ON "engagement_allocation" ("member_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_time_entry" ("entry_id" uuid NOT NULL, "member_id" uuid NOT NULL, "day" date NOT NULL, "minutes" integer NOT NULL, CONSTRAINT "PK_8dd5d9cc214e53a9d8ee3ac3bc2" PRIMARY KEY ("entry_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_080d0f28205e4535b690da0737" ON "engagement_time_entry" ("member_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_747a4b966ddc1ee24d94e9bdd0" ON "engagement_time_entry" ("day") `,
    );
    await queryRunner.query(
      `CREATE TABLE "engagement_time_risk" ("member_id" uuid NOT NULL, "episode_started_week" text NOT NULL, "detected_at" TIMESTAMP WITH TIME ZONE, "recovered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_84d359c73454dd3a3bdf62224f4" PRIMARY KEY ("member_id", "episode_started_week"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "engagement_time_risk"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_747a4b966ddc1ee24d94e9bdd0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_080d0f28205e4535b690da0737"`);
    await queryRunner.query(`DROP TABLE "engagement_time_entry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_87a3c956772447fffa3d0b434e"`);
    await queryRunner.query(`DROP TABLE "engagement_allocation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_85f5598aefaac90b3f53249058"`);
    await queryRunner.query(`DROP TABLE "engagement_spend"`);
    await queryRunner.query(`DROP TABLE "engagement_award"`);
    await queryRunner.query(`DROP TABLE "engagement_reflection_day"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_213e0afec3bb55f66df3e720eb"`);
    await queryRunner.query(`DROP TABLE "engagement_certificate"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e71eea8a1ffaa0664b3cc615dc"`);
    await queryRunner.query(`DROP TABLE "engagement_application"`);
    await queryRunner.query(`DROP TABLE "engagement_programme"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f59e24744c1f476e31f960e217"`);
    await queryRunner.query(`DROP TABLE "engagement_session"`);
  }
}
