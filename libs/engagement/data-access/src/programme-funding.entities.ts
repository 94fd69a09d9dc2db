import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A programme session (from the programme's creation, or from an attendance register that names it). */
@Entity({ name: 'engagement_session' })
export class EngagementSessionEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId!: string;

  @Index()
  @Column({ type: 'uuid' })
  programmeId!: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'text', nullable: true })
  theme!: string | null;
}

/** A programme's public facts; the title arrives with its creation (null until then). */
@Entity({ name: 'engagement_programme' })
export class EngagementProgrammeEntity {
  @PrimaryColumn({ type: 'uuid' })
  programmeId!: string;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'int', nullable: true })
  capacity!: number | null;
}

/**
 * An application to a programme: when it was made, when it was first accepted (selection, or confirming a
 * waitlist offer) and first waitlisted. Each column keeps its first time, so any arrival order gives one row.
 */
@Entity({ name: 'engagement_application' })
@Index(['programmeId', 'memberId'])
export class EngagementApplicationEntity {
  @PrimaryColumn({ type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'uuid' })
  programmeId!: string;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  selectedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  waitlistedAt!: Date | null;
}

@Entity({ name: 'engagement_certificate' })
export class EngagementCertificateEntity {
  @PrimaryColumn({ type: 'uuid' })
  certificateId!: string;

  @Index()
  @Column({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'uuid' })
  programmeId!: string;

  @Column({ type: 'timestamptz' })
  issuedAt!: Date;
}

/** Anonymous reflections per programme and day (the event names nobody); the inbox makes each count once. */
@Entity({ name: 'engagement_reflection_day' })
export class EngagementReflectionDayEntity {
  @PrimaryColumn({ type: 'uuid' })
  programmeId!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'int' })
  reflections!: number;
}

/** An award as funding's award events state it (amount in minor units with its currency). */
@Entity({ name: 'engagement_award' })
export class EngagementAwardEntity {
  @PrimaryColumn({ type: 'uuid' })
  awardId!: string;

  @Column({ type: 'uuid' })
  principalInvestigatorId!: string;

  /** The PI's institution when funding knew it; else the PI's current institution is used. */
  @Column({ type: 'uuid', nullable: true })
  institutionId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  fundId!: string | null;

  @Column({ type: 'bigint' })
  amountMinor!: string;

  @Column({ type: 'text' })
  currency!: string;

  @Column({ type: 'timestamptz', nullable: true })
  offeredAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  declinedAt!: Date | null;
}

/** One entry of an award's spend ledger (a reversal is an entry with a negative amount). */
@Entity({ name: 'engagement_spend' })
@Index(['spentOn'])
export class EngagementSpendEntity {
  @PrimaryColumn({ type: 'uuid' })
  entryId!: string;

  @Column({ type: 'uuid' })
  awardId!: string;

  @Column({ type: 'uuid', nullable: true })
  fundId!: string | null;

  @Column({ type: 'uuid' })
  principalInvestigatorId!: string;

  @Column({ type: 'uuid', nullable: true })
  institutionId!: string | null;

  /** COMMITMENT (money promised, e.g. an order) or PAYMENT. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'bigint' })
  amountMinor!: string;

  @Column({ type: 'text' })
  currency!: string;

  @Column({ type: 'date' })
  spentOn!: string;
}

/** Protected time on an award: weekly minutes between two days, counted once approved. */
@Entity({ name: 'engagement_allocation' })
export class EngagementAllocationEntity {
  @PrimaryColumn({ type: 'uuid' })
  allocationId!: string;

  @Index()
  @Column({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'int' })
  weeklyMinutes!: number;

  @Column({ type: 'date' })
  fromDay!: string;

  @Column({ type: 'date' })
  toDay!: string;

  /** The allocation this one replaces from `fromDay` on (a change of amount). */
  @Column({ type: 'uuid', nullable: true })
  replacesAllocationId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;
}

/** A time-log entry as it now stands (the newest by funding's sequence). */
@Entity({ name: 'engagement_time_entry' })
@Index(['day'])
export class EngagementTimeEntryEntity {
  @PrimaryColumn({ type: 'uuid' })
  entryId!: string;

  @Index()
  @Column({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'date' })
  day!: string;

  @Column({ type: 'int' })
  minutes!: number;
}

/** An erosion episode of a member's protected time: at risk from detection until recovery. */
@Entity({ name: 'engagement_time_risk' })
export class EngagementTimeRiskEntity {
  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @PrimaryColumn({ type: 'text' })
  episodeStartedWeek!: string;

  @Column({ type: 'timestamptz', nullable: true })
  detectedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  recoveredAt!: Date | null;
}

/** A near-peer coaching workshop that was held: its places, how many took one, how many were still waiting. */
@Entity({ name: 'engagement_workshop' })
export class EngagementWorkshopEntity {
  @PrimaryColumn({ type: 'uuid' })
  workshopId!: string;

  @Column({ type: 'uuid' })
  coachId!: string;

  @Index()
  @Column({ type: 'timestamptz' })
  heldAt!: Date;

  @Column({ type: 'int' })
  capacity!: number;

  @Column({ type: 'int' })
  attendees!: number;

  /** Null on events from before mentorship published it. */
  @Column({ type: 'int', nullable: true })
  waitlisted!: number | null;
}

/** Who attended a mastermind group's session (nothing of what was said). */
@Entity({ name: 'engagement_mastermind_attendance' })
export class EngagementMastermindAttendanceEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId!: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'uuid' })
  groupId!: string;

  @Index()
  @Column({ type: 'timestamptz' })
  heldAt!: Date;
}

export const PROGRAMME_FUNDING_ENTITIES = [
  EngagementWorkshopEntity,
  EngagementMastermindAttendanceEntity,
  EngagementSessionEntity,
  EngagementProgrammeEntity,
  EngagementApplicationEntity,
  EngagementCertificateEntity,
  EngagementReflectionDayEntity,
  EngagementAwardEntity,
  EngagementSpendEntity,
  EngagementAllocationEntity,
  EngagementTimeEntryEntity,
  EngagementTimeRiskEntity,
];
