import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CareerStage } from '@praxis/contracts';
import { PROGRAMME_FUNDING_ENTITIES } from './programme-funding.entities';

/**
 * A member as engagement counts them: their current institution and career stage (the newest profile event
 * wins) and when they registered. Metrics join activities to this row, so activities of a member whose
 * registration has not arrived yet are kept and counted once it does.
 */
@Entity({ name: 'engagement_member' })
export class EngagementMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @Index()
  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'text' })
  careerStage!: CareerStage;

  /** Null until the registration arrives (a profile update may come first). */
  @Column({ type: 'timestamptz', nullable: true })
  registeredAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * One thing a member did, for the funnel and their record: the step, when, and the record it came from
 * (`sourceId`: a proposal, an application, a session...). The key makes a replayed event a no-op.
 */
@Entity({ name: 'engagement_activity' })
@Index(['activity', 'occurredAt'])
export class EngagementActivityEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @PrimaryColumn({ type: 'text' })
  activity!: string;

  @PrimaryColumn({ type: 'text' })
  sourceId!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  /** A short public label for the member's record (a programme or proposal title); never private text. */
  @Column({ type: 'text', nullable: true })
  label!: string | null;
}

export type RelationshipStatus = 'REQUESTED' | 'ACTIVE' | 'DECLINED' | 'ENDED';

/** A mentoring or supervision relationship, from mentorship's requested / started / ended events. */
@Entity({ name: 'engagement_relationship' })
export class EngagementRelationshipEntity {
  @PrimaryColumn({ type: 'uuid' })
  relationshipId!: string;

  @Index()
  @Column({ type: 'uuid' })
  mentorId!: string;

  @Index()
  @Column({ type: 'uuid' })
  menteeId!: string;

  @Column({ type: 'text' })
  kind!: 'MENTORING' | 'SUPERVISION';

  @Column({ type: 'text' })
  status!: RelationshipStatus;

  @Column({ type: 'text', nullable: true })
  origin!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  requestedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}

@Entity({ name: 'engagement_check_in' })
export class EngagementCheckInEntity {
  @PrimaryColumn({ type: 'uuid' })
  checkInId!: string;

  @Index()
  @Column({ type: 'uuid' })
  relationshipId!: string;

  @Column({ type: 'timestamptz' })
  heldAt!: Date;

  /** The cadence the pair had agreed when this check-in was logged (null: none agreed; absent on older events). */
  @Column({ type: 'int', nullable: true })
  agreedCadenceDays!: number | null;
}

@Entity({ name: 'engagement_feedback' })
export class EngagementFeedbackEntity {
  @PrimaryColumn({ type: 'uuid' })
  feedbackId!: string;

  @Index()
  @Column({ type: 'uuid' })
  relationshipId!: string;

  @Column({ type: 'text' })
  side!: 'MENTOR' | 'MENTEE';

  @Column({ type: 'int' })
  rating!: number;

  @Column({ type: 'text' })
  period!: string;
}

/** A submitted proposal (an entry), for competition metrics and the collaboration network. */
@Entity({ name: 'engagement_proposal' })
export class EngagementProposalEntity {
  @PrimaryColumn({ type: 'uuid' })
  proposalId!: string;

  @Index()
  @Column({ type: 'uuid' })
  competitionId!: string;

  @Column({ type: 'text' })
  title!: string;

  /** Empty for a blind competition's entries (the team is not published). */
  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  memberIds!: string[];

  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  institutionIds!: string[];

  /**
   * The lead applicant: null for a blind entry until the results name it a winner, and for rows projected before
   * the column existed (until a rebuild).
   */
  @Column({ type: 'uuid', nullable: true })
  leadMemberId!: string | null;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  winnerRank!: number | null;
}

/** A judge's completed score sheet (first save only: edits do not count twice). */
@Entity({ name: 'engagement_review' })
export class EngagementReviewEntity {
  @PrimaryColumn({ type: 'uuid' })
  reviewId!: string;

  @Index()
  @Column({ type: 'uuid' })
  competitionId!: string;

  @Column({ type: 'uuid' })
  proposalId!: string;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;
}

/**
 * A member's voluntary answers, decrypted from membership's demographics event. Read only by the aggregate
 * queries (with suppression); never returned per person, deleted when the member erases them (tombstone).
 */
@Entity({ name: 'engagement_demographics' })
export class EngagementDemographicsEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'text' })
  gender!: string;

  @Column({ type: 'text' })
  ethnicityGroup!: string;

  @Column({ type: 'text' })
  disability!: string;

  @Column({ type: 'text' })
  firstGenerationHigherEducation!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * The funnel roll-up (see `@praxis/engagement/domain` rollup.ts): per granularity, bucket, institution (the nil
 * UUID: all of them) and career stage (`ALL`: all of them), a flow step's distinct members or a stock's delta.
 * Kept by the projections in the transaction of the rows it sums; a cell exists only while it is not zero.
 */
@Entity({ name: 'engagement_funnel_rollup' })
export class EngagementFunnelRollupEntity {
  @PrimaryColumn({ type: 'text' })
  granularity!: string;

  @PrimaryColumn({ type: 'uuid' })
  institutionId!: string;

  @PrimaryColumn({ type: 'text' })
  step!: string;

  @PrimaryColumn({ type: 'timestamptz' })
  bucketStart!: Date;

  @PrimaryColumn({ type: 'text' })
  careerStage!: string;

  @Column({ type: 'int' })
  value!: number;
}

/**
 * What the roll-up holds of one member (their funnel snapshot): the cells they add are a function of it, so a
 * change to the member takes the old snapshot's cells out and puts the new one's in.
 */
@Entity({ name: 'engagement_funnel_member' })
export class EngagementFunnelMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'text' })
  careerStage!: string;

  @Column({ type: 'timestamptz', nullable: true })
  registeredAt!: Date | null;

  /** `STEP YYYY-MM` per flow step and UTC month the member did it in, sorted. */
  @Column({ type: 'text', array: true })
  flow!: string[];

  /** `[started, ended]` of each started mentoring relationship as mentee (ISO instants, ended null), sorted. */
  @Column({ type: 'jsonb' })
  mentoring!: Array<[string, string | null]>;
}

export const ENGAGEMENT_ENTITIES = [
  ...PROGRAMME_FUNDING_ENTITIES,
  EngagementMemberEntity,
  EngagementActivityEntity,
  EngagementRelationshipEntity,
  EngagementCheckInEntity,
  EngagementFeedbackEntity,
  EngagementProposalEntity,
  EngagementReviewEntity,
  EngagementDemographicsEntity,
  EngagementFunnelRollupEntity,
  EngagementFunnelMemberEntity,
];
