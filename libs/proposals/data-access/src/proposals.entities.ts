import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CareerStage, CurrencyCode } from '@praxis/contracts';

/** Stored rubric criterion: the domain's `RubricCriterion` plus guidance for judges. */
export interface StoredCriterion {
  id: string;
  name: string;
  guidance: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export interface StoredScore {
  criterionId: string;
  value: number;
}

/** One anonymised review as the team sees it, frozen at publication. */
export interface StoredFeedback {
  reviewer: string;
  total: number;
  scores: StoredScore[];
  comment: string;
}

/** `numeric` and `bigint` columns come back from pg as strings; amounts here are small enough for a double (minor units are safe integers). */
const numberTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Entity({ name: 'competition' })
export class CompetitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  /** A `CompetitionPhase` of the domain. */
  @Column({ type: 'text' })
  phase!: string;

  @Column({ type: 'timestamptz' })
  opensAt!: Date;

  @Column({ type: 'timestamptz' })
  closesAt!: Date;

  @Column({ type: 'timestamptz' })
  judgingEndsAt!: Date;

  @Column({ type: 'jsonb' })
  criteria!: StoredCriterion[];

  @Column({ type: 'int' })
  reviewsPerEntry!: number;

  @Column({ type: 'int' })
  judgeMaxLoad!: number;

  @Column({ type: 'boolean' })
  blind!: boolean;

  @Column({ type: 'int' })
  winnersCount!: number;

  @Column({ type: 'boolean' })
  requiresInterInstitutionalTeam!: boolean;

  @Column({ type: 'int' })
  maxTeamSize!: number;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  allowedCareerStages!: CareerStage[];

  /** Interest tags (trimmed, lower case, no repeats) that communities list the competition under. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  tags!: string[];

  /** ISO 4217; every amount of the competition and its proposals is in it. */
  @Column({ type: 'text' })
  currency!: CurrencyCode;

  /** Integer minor units of `currency`. */
  @Column({ type: 'bigint', nullable: true, transformer: numberTransformer })
  fundingAvailableMinor!: number | null;

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numberTransformer })
  protectedHoursAvailable!: number | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'timestamptz', nullable: true })
  resultsPublishedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** The working copy of a proposal (what the team edits); submitted versions are frozen in `proposal_version`. */
@Entity({ name: 'proposal' })
// `CompetitionRanking.entries` once published: a competition's ranked entries best first (a keyset on rank, id)
@Index('proposal_ranking_idx', ['competitionId', 'rank', 'id'], { where: `"rank" IS NOT NULL` })
export class ProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('proposal_competition_idx')
  @Column({ type: 'uuid' })
  competitionId!: string;

  /** DRAFT, SUBMITTED or WITHDRAWN. */
  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'text' })
  aims!: string;

  @Column({ type: 'text' })
  methods!: string;

  @Column({ type: 'text' })
  expectedImpact!: string;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  keywords!: string[];

  @Column({ type: 'uuid' })
  leadApplicantId!: string;

  /** Every team member, the lead included. */
  @Column({ type: 'uuid', array: true })
  teamMemberIds!: string[];

  /** The competition's currency, copied when the draft is created (a competition's currency never changes). */
  @Column({ type: 'text' })
  currency!: CurrencyCode;

  /** Integer minor units of `currency`. */
  @Column({ type: 'bigint', transformer: numberTransformer })
  requestedFundingMinor!: number;

  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: numberTransformer })
  requestedHours!: number;

  /** Latest submitted version; 0 while never submitted. */
  @Column({ type: 'int', default: 0 })
  submittedVersion!: number;

  @Column({ type: 'timestamptz', nullable: true })
  firstSubmittedAt!: Date | null;

  /** Results, filled once at publication and frozen. */
  @Column({ type: 'int', nullable: true })
  rank!: number | null;

  @Column({ type: 'boolean', default: false })
  isWinner!: boolean;

  @Column({ type: 'double precision', nullable: true })
  normalisedScore!: number | null;

  @Column({ type: 'double precision', nullable: true })
  meanRawScore!: number | null;

  @Column({ type: 'int', nullable: true })
  reviewCount!: number | null;

  /** The reviews that counted, anonymised, as published; the team reads these, never the live reviews. */
  @Column({ type: 'jsonb', nullable: true })
  publishedFeedback!: StoredFeedback[] | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A submitted version, frozen: judges read the latest one. */
@Entity({ name: 'proposal_version' })
@Index('proposal_version_uq', ['proposalId', 'version'], { unique: true })
export class ProposalVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  proposalId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'text' })
  aims!: string;

  @Column({ type: 'text' })
  methods!: string;

  @Column({ type: 'text' })
  expectedImpact!: string;

  @Column({ type: 'text', array: true })
  keywords!: string[];

  @Column({ type: 'uuid' })
  leadApplicantId!: string;

  @Column({ type: 'uuid', array: true })
  teamMemberIds!: string[];

  /** Integer minor units of the proposal's currency. */
  @Column({ type: 'bigint', transformer: numberTransformer })
  requestedFundingMinor!: number;

  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: numberTransformer })
  requestedHours!: number;

  @Column({ type: 'uuid' })
  submittedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  submittedAt!: Date;
}

/** An invitation to a proposal's team; only the invitee answers it, and only ACCEPTED members are on the team. */
@Entity({ name: 'team_invitation' })
// `Proposal.invitations`: a proposal's page, newest first, read backwards along this index (invited_at holds
// milliseconds, so the cursor compares the column itself)
@Index('team_invitation_page_idx', ['proposalId', 'invitedAt', 'memberId'])
// `myTeamInvitations`: a member's pending invitations, newest first, along this index (no scan of the table)
@Index('team_invitation_pending_idx', ['memberId', 'invitedAt', 'proposalId'], {
  where: `"status" = 'PENDING'`,
})
export class TeamInvitationEntity {
  @PrimaryColumn({ type: 'uuid' })
  proposalId!: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  /** An `InvitationStatus` of the domain. */
  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'uuid' })
  invitedBy!: string;

  /** At millisecond precision, as a page's cursor carries it. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  invitedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}

/** The judge pool of a competition. */
@Entity({ name: 'competition_judge' })
export class CompetitionJudgeEntity {
  @PrimaryColumn({ type: 'uuid' })
  competitionId!: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'uuid' })
  addedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  addedAt!: Date;
}

/** A recorded conflict of interest, automatic or declared, with its reason. */
@Entity({ name: 'conflict_of_interest' })
@Index('conflict_uq', ['proposalId', 'judgeId', 'kind'], { unique: true })
export class ConflictEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('conflict_competition_idx')
  @Column({ type: 'uuid' })
  competitionId!: string;

  @Column({ type: 'uuid' })
  proposalId!: string;

  @Column({ type: 'uuid' })
  judgeId!: string;

  /** A `ConflictKind` of the domain. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  reason!: string;

  /** Who stated it; null for automatic conflicts. */
  @Column({ type: 'uuid', nullable: true })
  declaredBy!: string | null;

  /** Named by applicants only: PENDING until an admin ACCEPTED or OVERRULED it (a `NamedConflictStatus`). */
  @Column({ type: 'text', nullable: true })
  reviewStatus!: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  reviewReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;
}

@Entity({ name: 'assignment' })
@Index('assignment_uq', ['proposalId', 'judgeId'], { unique: true })
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('assignment_competition_idx')
  @Column({ type: 'uuid' })
  competitionId!: string;

  @Column({ type: 'uuid' })
  proposalId!: string;

  @Index('assignment_judge_idx')
  @Column({ type: 'uuid' })
  judgeId!: string;

  /** AUTOMATIC or MANUAL. */
  @Column({ type: 'text' })
  origin!: string;

  @Column({ type: 'uuid' })
  assignedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  assignedAt!: Date;
}

/** One judge's score sheet for one proposal; a row exists once the review has started. */
@Entity({ name: 'review' })
@Index('review_uq', ['proposalId', 'judgeId'], { unique: true })
export class ReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('review_competition_idx')
  @Column({ type: 'uuid' })
  competitionId!: string;

  @Column({ type: 'uuid' })
  proposalId!: string;

  @Column({ type: 'uuid' })
  judgeId!: string;

  /** The proposal version the judge scored. */
  @Column({ type: 'int' })
  proposalVersion!: number;

  @Column({ type: 'jsonb' })
  scores!: StoredScore[];

  @Column({ type: 'text' })
  comment!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  submittedAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** Every judging action, for admins. Append-only. */
@Entity({ name: 'judging_audit' })
export class JudgingAuditEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('judging_audit_competition_idx')
  @Column({ type: 'uuid' })
  competitionId!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  proposalId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  judgeId!: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  detail!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}

export const PROPOSALS_ENTITIES = [
  CompetitionEntity,
  ProposalEntity,
  ProposalVersionEntity,
  TeamInvitationEntity,
  CompetitionJudgeEntity,
  ConflictEntity,
  AssignmentEntity,
  ReviewEntity,
  JudgingAuditEntity,
];
