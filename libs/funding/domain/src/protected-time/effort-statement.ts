import { createHash } from 'node:crypto';
import { addDays, addMonths, toEpochDay, fromEpochDay, type IsoDay } from '../calendar/iso-day';
import { FundingDomainError, FundingErrorCode, throwIfInvalid } from '../funding.exception';
import { largestRemainder } from '../money/allocation';
import { allocatedMinuteDays, type ProtectedTimeAllocation } from './allocation';
import { TIME_ACTIVITIES, type TimeActivity } from './time-log';

export interface AwardPeriod {
  readonly index: number;
  readonly start: IsoDay;
  /** Inclusive. */
  readonly end: IsoDay;
}

/** Consecutive periods of `months` from the award's start; the last one ends with the award. */
export function awardPeriods(start: IsoDay, end: IsoDay, months: number): AwardPeriod[] {
  throwIfInvalid(
    !Number.isInteger(months) || months < 1 || months > 24
      ? [{ field: 'months', message: 'must be a whole number from 1 to 24' }]
      : [],
  );
  const periods: AwardPeriod[] = [];
  for (let index = 0; ; index += 1) {
    const periodStart = addMonths(start, index * months);
    if (toEpochDay(periodStart) > toEpochDay(end)) break;
    const nextStart = addMonths(start, (index + 1) * months);
    const periodEnd = fromEpochDay(Math.min(toEpochDay(nextStart) - 1, toEpochDay(end)));
    periods.push({ index, start: periodStart, end: periodEnd });
  }
  return periods;
}

export interface ActivityLog {
  readonly date: IsoDay;
  readonly minutes: number;
  readonly activity: TimeActivity;
}

export interface EffortStatement {
  readonly awardId: string;
  readonly memberId: string;
  readonly period: AwardPeriod;
  readonly allocatedMinutes: number;
  readonly loggedMinutes: number;
  readonly loggedByActivity: Readonly<Record<TimeActivity, number>>;
  /** logged ÷ allocated, `null` when nothing was allocated. */
  readonly utilisation: number | null;
}

/**
 * Logs carry no award (a member logs a day of research, not a grant code), so when several of the member's
 * awards have allocations on the same day, that day's minutes are shared between them in proportion to their
 * weekly amounts, by largest remainder so no minute is counted twice or lost. Each log is shared on its own, so
 * the activity breakdown stays whole minutes too.
 */
export function effortStatement(
  awardId: string,
  memberId: string,
  period: AwardPeriod,
  memberAllocations: readonly ProtectedTimeAllocation[],
  memberLogs: readonly ActivityLog[],
): EffortStatement {
  const mine = memberAllocations.filter((allocation) => allocation.memberId === memberId);
  const ours = mine.filter((allocation) => allocation.awardId === awardId);
  const byActivity = Object.fromEntries(TIME_ACTIVITIES.map((activity) => [activity, 0])) as Record<
    TimeActivity,
    number
  >;
  const startEpoch = toEpochDay(period.start);
  const endEpoch = toEpochDay(period.end);
  let logged = 0;
  for (const log of memberLogs) {
    const day = toEpochDay(log.date);
    if (day < startEpoch || day > endEpoch) continue;
    const covering = mine.filter(
      (allocation) => toEpochDay(allocation.from) <= day && day <= toEpochDay(allocation.to),
    );
    const ourIndex = covering.findIndex((allocation) => allocation.awardId === awardId);
    if (ourIndex === -1) continue;
    const share = largestRemainder(
      log.minutes,
      covering.map((allocation) => allocation.weeklyMinutes),
    )[ourIndex];
    logged += share;
    byActivity[log.activity] += share;
  }
  const minuteDays = allocatedMinuteDays(ours, period.start, period.end);
  return {
    awardId,
    memberId,
    period,
    allocatedMinutes: minuteDays / 7,
    loggedMinutes: logged,
    loggedByActivity: byActivity,
    utilisation: minuteDays === 0 ? null : (logged * 7) / minuteDays,
  };
}

export interface EffortCertification {
  readonly awardId: string;
  readonly memberId: string;
  readonly periodIndex: number;
  readonly certifiedOn: IsoDay;
  /** SHA-256 of the certified figures: if a later correction changes them, the certificate visibly no longer matches. */
  readonly figuresDigest: string;
}

export function effortFiguresDigest(statement: EffortStatement): string {
  const canonical = JSON.stringify([
    statement.awardId,
    statement.memberId,
    statement.period.start,
    statement.period.end,
    statement.allocatedMinutes,
    statement.loggedMinutes,
    TIME_ACTIVITIES.map((activity) => statement.loggedByActivity[activity]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * The member, and only the member, certifies their own effort, once the period is over. The digest records
 * exactly which figures were certified, so a later correction (still possible inside the 14-day window) shows
 * as a mismatch instead of silently changing a certified statement.
 */
export function certifyEffortStatement(
  statement: EffortStatement,
  actorMemberId: string,
  today: IsoDay,
): EffortCertification {
  if (actorMemberId !== statement.memberId) {
    throw new FundingDomainError(
      FundingErrorCode.NOT_ALLOWED_FOR_ACTOR,
      'Only the member can certify their own effort',
      {
        memberId: statement.memberId,
      },
    );
  }
  if (toEpochDay(statement.period.end) >= toEpochDay(today)) {
    throw new FundingDomainError(
      FundingErrorCode.EFFORT_PERIOD_NOT_OVER,
      `The period ends on ${statement.period.end}; it can be certified from ${addDays(statement.period.end, 1)}`,
      { periodEnd: statement.period.end },
    );
  }
  return {
    awardId: statement.awardId,
    memberId: statement.memberId,
    periodIndex: statement.period.index,
    certifiedOn: today,
    figuresDigest: effortFiguresDigest(statement),
  };
}
