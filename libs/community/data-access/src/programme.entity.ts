import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CareerStage } from '@praxis/contracts';
import type { ProgrammeMode, ReflectionQuestion, SelectionPolicy } from '@praxis/community/domain';

/**
 * A programme (a masterclass series). Every decision about places (selection, offers, confirmations, expiries)
 * locks this row first, so concurrent requests are decided one at a time against the same capacity.
 */
@Entity({ name: 'programme' })
export class ProgrammeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  communityId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text', array: true })
  audience!: CareerStage[];

  @Column({ type: 'int' })
  capacity!: number;

  @Column({ type: 'text' })
  mode!: ProgrammeMode;

  @Column({ type: 'timestamptz' })
  applicationOpensAt!: Date;

  @Column({ type: 'timestamptz' })
  applicationClosesAt!: Date;

  /** Start of the first session: offers never run past it. */
  @Column({ type: 'timestamptz' })
  firstSessionStartsAt!: Date;

  /** End of the last session: reflections open then, for 28 days. */
  @Column({ type: 'timestamptz' })
  lastSessionEndsAt!: Date;

  /** The proposals service's competition attendees are invited to enter next. */
  @Column({ type: 'uuid', nullable: true })
  competitionId!: string | null;

  @Column({ type: 'int', default: 70 })
  certificateMinSharePercent!: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  reflectionQuestions!: ReflectionQuestion[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  interests!: string[];

  @Column({ type: 'text', nullable: true })
  selectionPolicy!: SelectionPolicy | null;

  /** Stored with the selection so the lottery can be replayed. */
  @Column({ type: 'text', nullable: true })
  selectionSeed!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  selectedAt!: Date | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'programme_session' })
@Index('programme_session_programme_idx', ['programmeId', 'position'])
export class ProgrammeSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  programmeId!: string;

  /** 1-based, in start order. */
  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'text' })
  theme!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'text' })
  timeZone!: string;

  @Column({ type: 'int' })
  durationMinutes!: number;

  /** Shown only to accepted attendees. */
  @Column({ type: 'text', nullable: true })
  joiningLink!: string | null;

  /** Shown to organisers, who display it during the session for self-recording. */
  @Column({ type: 'text' })
  sessionCode!: string;
}

/** Speakers' self-described diversity answers are read only as an aggregate with small numbers suppressed. */
@Entity({ name: 'programme_speaker' })
@Index('programme_speaker_programme_idx', ['programmeId'])
export class ProgrammeSpeakerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  programmeId!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  role!: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  selfDescription!: Record<string, string>;
}
