import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** An event waiting to be (or already) published; written in the same transaction as the state change. */
@Entity({ name: 'outbox' })
@Index('outbox_pending_idx', ['id'], { where: `"status" = 'pending'` })
export class OutboxRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid', unique: true })
  eventId!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'text' })
  messageKey!: string;

  /** The event's position among its aggregate's events (null on rows written before sequences existed). */
  @Column({ type: 'bigint', nullable: true })
  sequence!: string | null;

  @Column({ type: 'jsonb' })
  envelope!: Record<string, unknown>;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  headers!: Record<string, string>;

  @Column({ type: 'text', default: 'pending' })
  status!: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}

/** Events a consumer group has already applied; the primary key makes a redelivery a no-op. */
@Entity({ name: 'inbox' })
export class InboxRow {
  @PrimaryColumn({ type: 'text' })
  consumerGroup!: string;

  @PrimaryColumn({ type: 'uuid' })
  eventId!: string;

  @Column({ type: 'text' })
  topic!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  processedAt!: Date;
}

/**
 * The last sequence number handed out per aggregate. Taken with an upsert in the transaction of the state change:
 * the row lock makes concurrent writers to one aggregate take turns, so numbers follow commit order, and a
 * rolled-back transaction gives its number back.
 */
@Entity({ name: 'outbox_sequence' })
export class OutboxSequenceRow {
  @PrimaryColumn({ type: 'text' })
  aggregateId!: string;

  @Column({ type: 'bigint' })
  lastSequence!: string;
}

/**
 * The newest sequence a consumer group has applied per aggregate and stream (a field group or topic whose events
 * replace each other's effect); checked and raised in the transaction of the inbox row and the effect.
 */
@Entity({ name: 'inbox_sequence' })
export class InboxSequenceRow {
  @PrimaryColumn({ type: 'text' })
  consumerGroup!: string;

  @PrimaryColumn({ type: 'text' })
  aggregateId!: string;

  @PrimaryColumn({ type: 'text' })
  stream!: string;

  @Column({ type: 'bigint' })
  sequence!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  appliedAt!: Date;
}

export const MESSAGING_ENTITIES = [OutboxRow, InboxRow, OutboxSequenceRow, InboxSequenceRow];
