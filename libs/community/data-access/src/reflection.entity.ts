import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An anonymous reflection: the programme, the UTC day and the answers, nothing else. The id is a random UUID
 * (not time-ordered) given by the service, there is no member column, no timestamp and no key shared with
 * `reflection_spent_token` (see docs/community.md).
 */
@Entity({ name: 'reflection' })
@Index('reflection_programme_idx', ['programmeId', 'submittedOn'])
export class ReflectionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  programmeId!: string;

  @Column({ type: 'date' })
  submittedOn!: string;

  @Column({ type: 'jsonb' })
  answers!: Array<{ questionId: string; text: string }>;

  /** Flagged by an organiser and hidden from the organisers' list (kept, and counted as hidden). */
  @Column({ type: 'boolean', default: false })
  hidden!: boolean;
}

/** "Once per attendee" without a link: a spent token's hash, nothing else (no member, no reflection, no time). */
@Entity({ name: 'reflection_spent_token' })
export class ReflectionSpentTokenEntity {
  @PrimaryColumn({ type: 'uuid' })
  programmeId!: string;

  @PrimaryColumn({ type: 'text' })
  tokenHash!: string;
}
