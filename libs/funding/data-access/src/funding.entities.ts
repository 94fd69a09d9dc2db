import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type {
  AllocationStatus,
  AwardAction,
  AwardStatus,
  BudgetCategory,
  OutputKind,
  ReportKind,
  CurrencyCode,
  SpendKind,
  TimeActivity,
  TimeUnit,
} from '@praxis/funding/domain';

/** `bigint` (minor units) and `numeric` come back from pg as strings; every amount stored is a safe integer. */
const numberTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** `date` columns stay ISO day strings (`2026-11-30`): no time zone can shift them. */
const DAY = { type: 'date' as const };

/** A pool of money (a charity's grant, the institution's budget) that awards draw on. Never negative. */
@Entity({ name: 'fund' })
export class FundEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Who gives the money: a charity, the institution, a society. */
  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  currency!: CurrencyCode;

  @Column({ type: 'bigint', transformer: numberTransformer })
  totalMinor!: number;

  /** The competition whose winners this fund pays (at most one fund per competition). */
  @Index('fund_competition_uq', { unique: true, where: 'competition_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  competitionId!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'award' })
@Index('award_competition_entry_uq', ['competitionId', 'proposalId'], {
  unique: true,
  where: 'proposal_id IS NOT NULL',
})
export class AwardEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Index('award_fund_idx')
  @Column({ type: 'uuid', nullable: true })
  fundId!: string | null;

  @Column({ type: 'text' })
  currency!: CurrencyCode;

  @Column({ type: 'bigint', transformer: numberTransformer })
  amountMinor!: number;

  /** What the winner asked for (competition awards only). */
  @Column({ type: 'bigint', nullable: true, transformer: numberTransformer })
  requestedMinor!: number | null;

  @Column({ type: 'text', nullable: true })
  cappedReason!: string | null;

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numberTransformer })
  requestedHours!: number | null;

  @Column({ type: 'text' })
  status!: AwardStatus;

  @Index('award_pi_idx')
  @Column({ type: 'uuid' })
  principalInvestigatorId!: string;

  @Column({ type: 'uuid', array: true })
  teamMemberIds!: string[];

  /** Institutions of the team when the award was made: leads of these see it. */
  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  institutionIds!: string[];

  @Column({ type: 'uuid', nullable: true })
  competitionId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  proposalId!: string | null;

  @Column({ ...DAY })
  startsOn!: string;

  @Column({ ...DAY })
  endsOn!: string;

  @Index('award_supervisor_idx')
  @Column({ type: 'uuid', nullable: true })
  supervisorId!: string | null;

  @Column({ type: 'boolean', default: false })
  finalReportSubmitted!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}

/**
 * What each winner of a competition's published results got from funding, kept whether or not an award was
 * offered: a winner the competition's money did not reach (`NOTHING_LEFT`) has no award, only this row and its
 * reason. One row per entry, so a redelivered results event records nothing twice.
 */
@Entity({ name: 'winner_outcome' })
export class WinnerOutcomeEntity {
  @PrimaryColumn({ type: 'uuid' })
  competitionId!: string;

  @PrimaryColumn({ type: 'uuid' })
  proposalId!: string;

  @Column({ type: 'int' })
  rank!: number;

  @Column({ type: 'uuid' })
  principalInvestigatorId!: string;

  @Column({ type: 'uuid', array: true })
  teamMemberIds!: string[];

  /** Institutions of the team: leads of these see the outcome. */
  @Column({ type: 'uuid', array: true })
  institutionIds!: string[];

  /** FULL, CAPPED or NOTHING_LEFT, as the competition's money was shared in rank order. */
  @Column({ type: 'text' })
  share!: string;

  @Column({ type: 'text' })
  currency!: CurrencyCode;

  @Column({ type: 'bigint', transformer: numberTransformer })
  requestedMinor!: number;

  @Column({ type: 'bigint', transformer: numberTransformer })
  amountMinor!: number;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The award offered (null when nothing was left for this winner). */
  @Column({ type: 'uuid', nullable: true })
  awardId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;
}

/**
 * A supervisor mentorship confirmed for a competition entry before funding had offered that entry's award (the
 * two arrive on different topics, in no set order): kept here and applied when the award is offered.
 */
@Entity({ name: 'pending_supervisor' })
export class PendingSupervisorEntity {
  @PrimaryColumn({ type: 'uuid' })
  competitionId!: string;

  @PrimaryColumn({ type: 'uuid' })
  proposalId!: string;

  @Column({ type: 'uuid' })
  supervisorId!: string;

  /** When the relationship started: of two for one entry, the later one stands. */
  @Column({ type: 'timestamptz' })
  startedAt!: Date;
}

/** Every status change, dated and attributed (`by` is null for the automatic offer from a competition). */
@Entity({ name: 'award_transition' })
export class AwardTransitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('award_transition_award_idx')
  @Column({ type: 'uuid' })
  awardId!: string;

  @Column({ type: 'text' })
  action!: AwardAction | 'OFFER';

  @Column({ type: 'text', nullable: true })
  fromStatus!: AwardStatus | null;

  @Column({ type: 'text' })
  toStatus!: AwardStatus;

  @Column({ type: 'uuid', nullable: true })
  by!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}

@Entity({ name: 'budget_line' })
export class BudgetLineEntity {
  @PrimaryColumn({ type: 'uuid' })
  awardId!: string;

  @PrimaryColumn({ type: 'text' })
  category!: BudgetCategory;

  @Column({ type: 'bigint', transformer: numberTransformer })
  budgetedMinor!: number;
}

/**
 * The append-only ledger: rows are inserted, never updated or deleted (a trigger refuses both); a reversal is a
 * new row pointing at the one it reverses, at most once (unique index).
 */
@Entity({ name: 'spend_entry' })
@Index('spend_entry_award_idx', ['awardId', 'recordedAt'])
export class SpendEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  awardId!: string;

  @Column({ type: 'text' })
  category!: BudgetCategory;

  @Column({ type: 'text' })
  kind!: SpendKind;

  @Column({ type: 'bigint', transformer: numberTransformer })
  amountMinor!: number;

  @Column({ type: 'text' })
  currency!: CurrencyCode;

  @Column({ ...DAY })
  spentOn!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Index('spend_entry_reversal_uq', { unique: true, where: 'reverses_entry_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  reversesEntryId!: string | null;

  @Column({ type: 'text', nullable: true })
  overrideReason!: string | null;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;
}

/** Protected research time for a member on an award: a weekly amount (in minutes) between two days. */
@Entity({ name: 'allocation' })
@Index('allocation_member_idx', ['memberId', 'fromDay'])
export class AllocationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('allocation_award_idx')
  @Column({ type: 'uuid' })
  awardId!: string;

  @Column({ type: 'uuid' })
  memberId!: string;

  /** The member's institution when allocated: its leads approve and see it. */
  @Index('allocation_institution_idx')
  @Column({ type: 'uuid', nullable: true })
  institutionId!: string | null;

  @Column({ type: 'int' })
  weeklyMinutes!: number;

  @Column({ type: 'text' })
  unit!: TimeUnit;

  @Column({ ...DAY })
  fromDay!: string;

  @Column({ ...DAY })
  toDay!: string;

  @Column({ type: 'text' })
  status!: AllocationStatus;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  replacesAllocationId!: string | null;

  /** Why a lead or an admin did not release the time (REJECTED only). */
  @Column({ type: 'text', nullable: true })
  decisionReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One time-log entry. The note is private to the member. */
@Entity({ name: 'time_log' })
@Index('time_log_member_day_idx', ['memberId', 'day'])
export class TimeLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  memberId!: string;

  @Column({ ...DAY })
  day!: string;

  @Column({ type: 'int' })
  minutes!: number;

  @Column({ type: 'text' })
  activity!: TimeActivity;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * Each member's logged minutes per ISO week, Monday first, kept by a trigger on `time_log` in the same
 * transaction as the entry (insert, edit, delete): an institution's year of utilisation reads one row per member
 * and week instead of every entry.
 */
@Entity({ name: 'time_log_week' })
export class TimeLogWeekEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  /** The Monday of the week. */
  @PrimaryColumn({ ...DAY })
  weekStart!: string;

  /** Seven totals, Monday to Sunday. */
  @Column({ type: 'int', array: true })
  dayMinutes!: number[];

  @Column({ type: 'int' })
  minutes!: number;
}

/**
 * One member's share of an institution's week as last added to `institution_week`: minute-days allocated (×7,
 * exact), minutes logged on days the member's approved time covers, under the institution the member replica
 * had then. Kept so that a change to the member's logs, allocations or institution applies only its difference.
 */
@Entity({ name: 'member_week_share' })
export class MemberWeekShareEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  /** The Monday of the week. */
  @PrimaryColumn({ ...DAY })
  weekStart!: string;

  @Column({ type: 'uuid' })
  institutionId!: string;

  @Column({ type: 'bigint', transformer: numberTransformer })
  allocatedMinuteDays!: number;

  @Column({ type: 'bigint', transformer: numberTransformer })
  loggedMinutes!: number;
}

/**
 * An institution's whole ISO weeks summed over its members (the member replica's institution now): members with
 * approved time in the week, minute-days allocated, minutes logged on covered days. Kept by triggers on
 * `time_log`, `allocation` and `member_replica` in the writing transaction, by increments, so concurrent writers
 * on one week add up; `institutionUtilisation` reads one row a week.
 */
@Entity({ name: 'institution_week' })
export class InstitutionWeekEntity {
  @PrimaryColumn({ type: 'uuid' })
  institutionId!: string;

  /** The Monday of the week. */
  @PrimaryColumn({ ...DAY })
  weekStart!: string;

  @Column({ type: 'int' })
  members!: number;

  @Column({ type: 'bigint', transformer: numberTransformer })
  allocatedMinuteDays!: number;

  @Column({ type: 'bigint', transformer: numberTransformer })
  loggedMinutes!: number;
}

/**
 * What the weekly at-risk check last published about a member's erosion: one start and one recovery event per
 * episode. A row with an `episodeStartedWeek` is the stored AT_RISK flag that supervisors and leads list.
 */
@Entity({ name: 'erosion_state' })
@Index('erosion_state_flagged_idx', ['flaggedAt', 'memberId'], { where: 'episode_started_week IS NOT NULL' })
export class ErosionStateEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'text', nullable: true })
  episodeStartedWeek!: string | null;

  @Column({ type: 'text', nullable: true })
  assessedThroughWeek!: string | null;

  /** The first low week of the streak behind the ongoing episode. */
  @Column({ type: 'text', nullable: true })
  firstLowWeek!: string | null;

  /** When the ongoing episode was flagged (null while the member is not at risk). */
  @Column({ type: 'timestamptz', nullable: true })
  flaggedAt!: Date | null;

  /** The member's institution at the last check (its leads see the flag). */
  @Index('erosion_state_institution_idx')
  @Column({ type: 'uuid', nullable: true })
  institutionId!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * A report due on an active award: the schedule is written at activation (progress every N months, then the
 * final one); submission fills in the text. The final report's submission is what lets an admin close the award.
 */
@Entity({ name: 'award_report' })
@Index('award_report_sequence_uq', ['awardId', 'sequence'], { unique: true })
export class AwardReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  awardId!: string;

  @Column({ type: 'text' })
  kind!: ReportKind;

  @Column({ type: 'int' })
  sequence!: number;

  @Column({ ...DAY })
  dueOn!: string;

  @Column({ type: 'text', nullable: true })
  progress!: string | null;

  @Column({ type: 'text', nullable: true })
  problems!: string | null;

  @Column({ type: 'text', nullable: true })
  nextSteps!: string | null;

  @Column({ type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;
}

/** A research output linked to an award: a paper or dataset (DOI), a presentation, poster, curriculum change. */
@Entity({ name: 'award_output' })
@Index('award_output_award_idx', ['awardId', 'recordedAt'])
export class AwardOutputEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  awardId!: string;

  @Column({ type: 'text' })
  kind!: OutputKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  doi!: string | null;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;
}

/**
 * A member's certification of their effort on an award for one period: the figures as certified and their
 * SHA-256 digest, so a later correction shows as a mismatch instead of silently changing what was signed.
 */
@Entity({ name: 'effort_certification' })
@Index('effort_certification_uq', ['awardId', 'memberId', 'periodIndex'], { unique: true })
export class EffortCertificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  awardId!: string;

  @Column({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'int' })
  periodIndex!: number;

  @Column({ ...DAY })
  periodStart!: string;

  @Column({ ...DAY })
  periodEnd!: string;

  /** The certified figures (allocated and logged minutes, minutes by activity), as the digest covers them. */
  @Column({ type: 'jsonb' })
  figures!: { allocatedMinutes: number; loggedMinutes: number; loggedByActivity: Record<string, number> };

  @Column({ type: 'text' })
  figuresDigest!: string;

  @Column({ ...DAY })
  certifiedOn!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  certifiedAt!: Date;
}

export const FUNDING_ENTITIES = [
  FundEntity,
  AwardEntity,
  WinnerOutcomeEntity,
  PendingSupervisorEntity,
  AwardTransitionEntity,
  BudgetLineEntity,
  SpendEntryEntity,
  AllocationEntity,
  TimeLogEntity,
  TimeLogWeekEntity,
  MemberWeekShareEntity,
  InstitutionWeekEntity,
  ErosionStateEntity,
  AwardReportEntity,
  AwardOutputEntity,
  EffortCertificationEntity,
];
