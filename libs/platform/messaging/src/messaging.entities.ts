import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

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

export const MESSAGING_ENTITIES = [OutboxRow, InboxRow];
