import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { CareerStage } from '@praxis/contracts';
import type { ApplicationStatus, WideningParticipationAnswers } from '@praxis/community/domain';

/**
 * One member's application to a programme. The widening-participation answers are read back only by the
 * applicant; selection reads only `priority`, derived from them when the application is saved.
 */
@Entity({ name: 'programme_application' })
@Unique('programme_application_member_uq', ['programmeId', 'memberId'])
@Index('programme_application_status_idx', ['programmeId', 'status'])
// `myApplications`: one member's rows, not the whole table (the page's order is by date_trunc(applied_at),
// which no index can hold, so a member's few rows are sorted)
@Index('programme_application_member_idx', ['memberId'])
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  programmeId!: string;

  @Column({ type: 'uuid' })
  memberId!: string;

  /** Public profile facts at the time of applying, for the events engagement counts. */
  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'text' })
  careerStage!: CareerStage;

  @Column({ type: 'text' })
  motivation!: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  wideningParticipation!: WideningParticipationAnswers;

  @Column({ type: 'boolean', default: false })
  priority!: boolean;

  @Column({ type: 'text' })
  status!: ApplicationStatus;

  @Column({ type: 'timestamptz' })
  appliedAt!: Date;

  @Column({ type: 'int', nullable: true })
  waitlistPosition!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  offerExpiresAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
