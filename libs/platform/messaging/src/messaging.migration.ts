import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox and inbox tables; every service that publishes or consumes events lists this migration first. */
export class CreateMessagingTables1763700000000 implements MigrationInterface {
  name = 'CreateMessagingTables1763700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "outbox" (
        "id" BIGSERIAL NOT NULL,
        "event_id" uuid NOT NULL,
        "topic" text NOT NULL,
        "message_key" text NOT NULL,
        "envelope" jsonb NOT NULL,
        "headers" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "status" text NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "sent_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "UQ_outbox_event_id" UNIQUE ("event_id"),
        CONSTRAINT "PK_outbox" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "outbox_pending_idx" ON "outbox" ("id") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(`
      CREATE TABLE "inbox" (
        "consumer_group" text NOT NULL,
        "event_id" uuid NOT NULL,
        "topic" text NOT NULL,
        "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_inbox" PRIMARY KEY ("consumer_group", "event_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "inbox"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
  }
}

/** Per-aggregate sequence numbers: handed out by the producer's outbox, remembered by consumers' replicas. */
export class AddEventSequences1763800000000 implements MigrationInterface {
  name = 'AddEventSequences1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" ADD "sequence" bigint`);
    await queryRunner.query(`
      CREATE TABLE "outbox_sequence" (
        "aggregate_id" text NOT NULL,
        "last_sequence" bigint NOT NULL,
        CONSTRAINT "PK_outbox_sequence" PRIMARY KEY ("aggregate_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "inbox_sequence" (
        "consumer_group" text NOT NULL,
        "aggregate_id" text NOT NULL,
        "stream" text NOT NULL,
        "sequence" bigint NOT NULL,
        "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_inbox_sequence" PRIMARY KEY ("consumer_group", "aggregate_id", "stream")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "inbox_sequence"`);
    await queryRunner.query(`DROP TABLE "outbox_sequence"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "sequence"`);
  }
}

/** Every messaging migration in order; a service's database lists these before its own. */
export const MESSAGING_MIGRATIONS = [CreateMessagingTables1763700000000, AddEventSequences1763800000000];
