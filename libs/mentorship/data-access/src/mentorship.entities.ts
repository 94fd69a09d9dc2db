import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CareerStage } from '@praxis/contracts';

export type RelationshipKind = 'MENTORING' | 'SUPERVISION';
export type RelationshipOrigin = 'REQUEST' | 'MATCHING' | 'COMPETITION';
export type RelationshipStatus = 'REQUESTED' | 'ACTIVE' | 'DECLINED' | 'ENDED';
/** Spec formats: how the mentor is willing to mentor (alone with one mentee, or a group). */
export type MentorFormat = 'ONE_TO_ONE' | 'GROUP';

@Entity({ name: 'mentor_profile' })
export class MentorProfileEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'int' })
  capacity!: number;

  /**
   * Active relationships (any kind). Only ever changed by conditional updates in the transaction that starts or
   * ends a relationship, so two concurrent accepts cannot both take the last place.
   */
  @Column({ type: 'int', default: 0 })
  activeMentees!: number;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  expertise!: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  interests!: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  menteeStages!: CareerStage[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  formats!: MentorFormat[];

  @Column({ type: 'boolean', default: true })
  acceptsDirectRequests!: boolean;

  @Column({ type: 'boolean', default: false })
  paused!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'mentee_profile' })
export class MenteeProfileEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  goals!: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  interests!: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  preferredMentorStages!: CareerStage[];

  @Column({ type: 'boolean', default: false })
  preferOtherInstitution!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'relationship' })
// one open (requested or active) relationship per pair; enforced by the database, not only by a read-then-write
@Index('relationship_open_pair_uq', ['mentorId', 'menteeId'], {
  unique: true,
  where: `status IN ('REQUESTED', 'ACTIVE')`,
})
export class RelationshipEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('relationship_mentor_idx')
  @Column({ type: 'uuid' })
  mentorId!: string;

  @Index('relationship_mentee_idx')
  @Column({ type: 'uuid' })
  menteeId!: string;

  @Column({ type: 'text' })
  kind!: RelationshipKind;

  @Column({ type: 'text' })
  origin!: RelationshipOrigin;

  @Column({ type: 'text' })
  status!: RelationshipStatus;

  /** Private to the pair. */
  @Column({ type: 'text', nullable: true })
  requestMessage!: string | null;

  /** Private to the pair. */
  @Column({ type: 'text', nullable: true })
  responseMessage!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  /** Private to the pair. */
  @Column({ type: 'text', nullable: true })
  endReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  endedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastCheckInAt!: Date | null;

  @Column({ type: 'text', array: true, nullable: true })
  agreementGoals!: string[] | null;

  @Column({ type: 'int', nullable: true })
  agreementCadenceDays!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  agreementEndsAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  mentorAgreedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  menteeAgreedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  matchRunId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Text fields are private to the pair; admins only ever see counts. */
@Entity({ name: 'check_in' })
export class CheckInEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('check_in_relationship_idx')
  @Column({ type: 'uuid' })
  relationshipId!: string;

  @Column({ type: 'uuid' })
  loggedBy!: string;

  @Column({ type: 'timestamptz' })
  heldAt!: Date;

  @Column({ type: 'text' })
  progress!: string;

  /** 1-5, optional, visible to the pair only. */
  @Column({ type: 'int', nullable: true })
  wellbeing!: number | null;

  @Column({ type: 'text' })
  nextSteps!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'feedback' })
@Index('feedback_once_per_period_uq', ['relationshipId', 'period', 'side'], { unique: true })
export class FeedbackEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  relationshipId!: string;

  @Column({ type: 'text' })
  period!: string;

  @Column({ type: 'text' })
  side!: 'MENTOR' | 'MENTEE';

  @Column({ type: 'uuid' })
  authorId!: string;

  @Column({ type: 'int' })
  rating!: number;

  /** Private to the pair, and hidden from the other side until both gave theirs for the period. */
  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  givenAt!: Date;
}

export interface UnmatchedRecord {
  menteeId: string;
  reason: string;
  detail: string;
}

@Entity({ name: 'match_run' })
// `matchRuns`, newest first (a keyset on created_at, id), read backwards along one of these: every status, or
// one status
@Index('match_run_created_idx', ['createdAt', 'id'])
@Index('match_run_status_idx', ['status', 'createdAt', 'id'])
export class MatchRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  status!: 'PROPOSED' | 'APPROVED';

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'uuid', array: true })
  menteeIds!: string[];

  @Column({ type: 'uuid', array: true })
  mentorIds!: string[];

  @Column({ type: 'int' })
  minScore!: number;

  @Column({ type: 'int' })
  totalScore!: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  unmatched!: UnmatchedRecord[];

  /** At millisecond precision, as a page's cursor carries it (so the index serves the order and the cursor). */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;
}

export interface StoredReason {
  kind: string;
  detail: string;
  points: number;
}

@Entity({ name: 'match_proposal' })
@Index('match_proposal_mentee_uq', ['runId', 'menteeId'], { unique: true })
export class MatchProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  runId!: string;

  @Column({ type: 'uuid' })
  menteeId!: string;

  @Column({ type: 'uuid' })
  mentorId!: string;

  @Column({ type: 'int' })
  score!: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  reasons!: StoredReason[];

  /** Set when an admin replaced the computed pairing. */
  @Column({ type: 'boolean', default: false })
  edited!: boolean;

  @Column({ type: 'uuid', nullable: true })
  relationshipId!: string | null;
}

/** A supervisor proposed for a competition winner, waiting for an admin; unique per winning proposal. */
@Entity({ name: 'supervision_proposal' })
@Index('supervision_proposal_uq', ['competitionId', 'proposalId'], { unique: true })
// `supervisionProposals`, newest first (a keyset on created_at, id), read backwards along one of these: every
// status, or one status
@Index('supervision_proposal_created_idx', ['createdAt', 'id'])
@Index('supervision_proposal_status_idx', ['status', 'createdAt', 'id'])
export class SupervisionProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  competitionId!: string;

  @Column({ type: 'uuid' })
  proposalId!: string;

  @Column({ type: 'text' })
  proposalTitle!: string;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  keywords!: string[];

  @Column({ type: 'uuid' })
  menteeId!: string;

  /** The winning team (the lead included): none of them may supervise it. */
  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  teamMemberIds!: string[];

  /** Null when no available mentor passed the hard constraints. */
  @Column({ type: 'uuid', nullable: true })
  mentorId!: string | null;

  @Column({ type: 'int', default: 0 })
  score!: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  reasons!: StoredReason[];

  @Column({ type: 'text' })
  status!: 'PROPOSED' | 'NO_MENTOR_AVAILABLE' | 'CONFIRMED';

  @Column({ type: 'uuid', nullable: true })
  relationshipId!: string | null;

  /** At millisecond precision, as a page's cursor carries it (so the index serves the order and the cursor). */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

@Entity({ name: 'mastermind_group' })
export class MastermindGroupEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'uuid' })
  facilitatorId!: string;

  /** Members other than the facilitator. */
  @Column({ type: 'uuid', array: true })
  memberIds!: string[];

  @Column({ type: 'int' })
  cadenceDays!: number;

  /** Interest tags (trimmed, inner spaces collapsed, lower case, no repeats) communities list the group under. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  tags!: string[];

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'mastermind_session' })
export class MastermindSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('mastermind_session_group_idx')
  @Column({ type: 'uuid' })
  groupId!: string;

  @Column({ type: 'timestamptz' })
  heldAt!: Date;

  @Column({ type: 'uuid', array: true })
  attendeeIds!: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  resources!: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  referrals!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'mastermind_next_step' })
export class MastermindNextStepEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('mastermind_next_step_group_idx')
  @Column({ type: 'uuid' })
  groupId!: string;

  /** The session that set it. */
  @Column({ type: 'uuid' })
  sessionId!: string;

  @Column({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'timestamptz' })
  setAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt!: Date | null;
}

@Entity({ name: 'session_rating' })
export class SessionRatingEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId!: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'int' })
  rating!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  ratedAt!: Date;
}

@Entity({ name: 'coaching_workshop' })
export class CoachingWorkshopEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('coaching_workshop_coach_idx')
  @Column({ type: 'uuid' })
  coachId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'int' })
  durationMinutes!: number;

  @Column({ type: 'int' })
  capacity!: number;

  @Column({ type: 'int' })
  waitlistLimit!: number;

  @Column({ type: 'text', array: true })
  eligibleStages!: CareerStage[];

  @Column({ type: 'timestamptz', nullable: true })
  heldAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'workshop_enrolment' })
export class WorkshopEnrolmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  workshopId!: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'text' })
  status!: 'ENROLLED' | 'WAITLISTED';

  /** Arrival order; the waitlist is promoted in this order. */
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  enrolledAt!: Date;
}

export interface StoredAction {
  text: string;
  dueDate: string;
  done: boolean;
}

@Entity({ name: 'action_plan' })
export class ActionPlanEntity {
  @PrimaryColumn({ type: 'uuid' })
  workshopId!: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'text', array: true })
  objectives!: string[];

  @Column({ type: 'jsonb' })
  actions!: StoredAction[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** CV reviews and follow-up meetings a student asks of the coach; visible to the two only. */
@Entity({ name: 'coaching_request' })
export class CoachingRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('coaching_request_workshop_idx')
  @Column({ type: 'uuid' })
  workshopId!: string;

  @Column({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'text' })
  kind!: 'CV_REVIEW' | 'FOLLOW_UP';

  @Column({ type: 'text', nullable: true })
  documentUrl!: string | null;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  @Column({ type: 'text', nullable: true })
  response!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export const MENTORSHIP_ENTITIES = [
  MentorProfileEntity,
  MenteeProfileEntity,
  RelationshipEntity,
  CheckInEntity,
  FeedbackEntity,
  MatchRunEntity,
  MatchProposalEntity,
  SupervisionProposalEntity,
  MastermindGroupEntity,
  MastermindSessionEntity,
  MastermindNextStepEntity,
  SessionRatingEntity,
  CoachingWorkshopEntity,
  WorkshopEnrolmentEntity,
  ActionPlanEntity,
  CoachingRequestEntity,
];
