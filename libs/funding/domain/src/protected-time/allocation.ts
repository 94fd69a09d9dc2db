import { TIME_UNITS } from '@praxis/contracts';
import { addDays, isIsoDay, toEpochDay, type IsoDay } from '../calendar/iso-day';
import { FundingDomainError, FundingErrorCode, throwIfInvalid, type FieldError } from '../funding.exception';

/** UK job planning counts sessions of programmed activity: one PA is four hours. */
export const MINUTES_PER_PROGRAMMED_ACTIVITY = 240;
/** Quarter-hours for hours, quarter-PAs for PAs: the granularity job plans and timesheets actually use. */
export const HOURS_STEP_MINUTES = 15;
export const PA_STEP = 0.25;
/** No more than the Working Time Regulations' 48-hour week can be protected for anything. */
export const MAX_WEEKLY_PROTECTED_MINUTES = 48 * 60;

// the closed list travels on funding's events, so the contracts hold it
export { TIME_UNITS } from '@praxis/contracts';
export type TimeUnit = (typeof TIME_UNITS)[number];

export interface WeeklyAmount {
  readonly unit: TimeUnit;
  readonly amount: number;
}

export interface ProtectedTimeAllocation {
  readonly id: string;
  readonly memberId: string;
  readonly awardId: string;
  /** Stored in minutes so hours and PAs compare and sum exactly. */
  readonly weeklyMinutes: number;
  readonly from: IsoDay;
  /** Inclusive. */
  readonly to: IsoDay;
}

function weeklyAmountProblems(weekly: WeeklyAmount, field: string): FieldError[] {
  if (!(TIME_UNITS as readonly string[]).includes(weekly.unit)) {
    return [{ field: `${field}.unit`, message: `must be one of ${TIME_UNITS.join(', ')}` }];
  }
  const minutes = weeklyAmountToMinutesUnchecked(weekly);
  const step = weekly.unit === 'HOURS' ? HOURS_STEP_MINUTES : PA_STEP * MINUTES_PER_PROGRAMMED_ACTIVITY;
  const stepText = weekly.unit === 'HOURS' ? 'a quarter hour' : 'a quarter PA';
  if (!Number.isFinite(weekly.amount) || !Number.isInteger(minutes) || minutes % step !== 0) {
    return [
      { field: `${field}.amount`, message: `must be a whole number of ${stepText}s (got ${weekly.amount})` },
    ];
  }
  if (minutes <= 0 || minutes > MAX_WEEKLY_PROTECTED_MINUTES) {
    return [
      {
        field: `${field}.amount`,
        message: `must be more than zero and at most 48 hours (12 PAs) a week (got ${weekly.amount})`,
      },
    ];
  }
  return [];
}

function weeklyAmountToMinutesUnchecked(weekly: WeeklyAmount): number {
  const perUnit = weekly.unit === 'HOURS' ? 60 : MINUTES_PER_PROGRAMMED_ACTIVITY;
  // Round away float noise (7.1 × 60 = 425.99999999999994) before checking the step, not instead of it.
  const exact = weekly.amount * perUnit;
  const rounded = Math.round(exact);
  return Math.abs(exact - rounded) < 1e-9 ? rounded : exact;
}

export function weeklyAmountToMinutes(weekly: WeeklyAmount, field = 'weekly'): number {
  throwIfInvalid(weeklyAmountProblems(weekly, field));
  return weeklyAmountToMinutesUnchecked(weekly);
}

/** Both views of an allocation, so the UI can show what the job plan said. */
export function minutesToWeeklyAmounts(weeklyMinutes: number): {
  hours: number;
  programmedActivities: number;
} {
  return { hours: weeklyMinutes / 60, programmedActivities: weeklyMinutes / MINUTES_PER_PROGRAMMED_ACTIVITY };
}

export interface AllocationInput {
  readonly weekly: WeeklyAmount;
  readonly from: string;
  readonly to: string;
}

export function validateAllocationInput(input: AllocationInput): {
  weeklyMinutes: number;
  from: IsoDay;
  to: IsoDay;
} {
  const errors = weeklyAmountProblems(input.weekly, 'weekly');
  if (!isIsoDay(input.from)) errors.push({ field: 'from', message: 'must be a calendar date YYYY-MM-DD' });
  if (!isIsoDay(input.to)) errors.push({ field: 'to', message: 'must be a calendar date YYYY-MM-DD' });
  if (isIsoDay(input.from) && isIsoDay(input.to) && toEpochDay(input.to) < toEpochDay(input.from)) {
    errors.push({ field: 'to', message: `must not be before from (${input.from})` });
  }
  throwIfInvalid(errors);
  return { weeklyMinutes: weeklyAmountToMinutesUnchecked(input.weekly), from: input.from, to: input.to };
}

/**
 * A member has at most one allocation per award on any day: a change is a new allocation starting the day after
 * the old one ends (`changeAllocation`), which keeps history (what was protected in March) intact.
 */
export function assertNoOverlap(
  existing: readonly ProtectedTimeAllocation[],
  candidate: Pick<ProtectedTimeAllocation, 'memberId' | 'awardId' | 'from' | 'to'> & { id?: string },
): void {
  const clash = existing.find(
    (allocation) =>
      allocation.id !== candidate.id &&
      allocation.memberId === candidate.memberId &&
      allocation.awardId === candidate.awardId &&
      toEpochDay(allocation.from) <= toEpochDay(candidate.to) &&
      toEpochDay(candidate.from) <= toEpochDay(allocation.to),
  );
  if (clash !== undefined) {
    throw new FundingDomainError(
      FundingErrorCode.OVERLAPPING_ALLOCATION,
      `from/to: overlaps the allocation ${clash.from} to ${clash.to} on this award; change that one instead`,
      { allocationId: clash.id, from: clash.from, to: clash.to },
    );
  }
}

/**
 * A change mid-period: the current allocation ends the day before `effectiveFrom` and a new one carries the new
 * weekly amount to the old end date. From the first day it is simply a replacement (no zero-length remnant).
 */
export function changeAllocation(
  current: ProtectedTimeAllocation,
  weekly: WeeklyAmount,
  effectiveFrom: IsoDay,
): { ended: ProtectedTimeAllocation | null; next: Omit<ProtectedTimeAllocation, 'id'> } {
  const weeklyMinutes = weeklyAmountToMinutes(weekly);
  if (
    !isIsoDay(effectiveFrom) ||
    toEpochDay(effectiveFrom) < toEpochDay(current.from) ||
    toEpochDay(effectiveFrom) > toEpochDay(current.to)
  ) {
    throwIfInvalid([
      { field: 'effectiveFrom', message: `must be a date from ${current.from} to ${current.to}` },
    ]);
  }
  const next = {
    memberId: current.memberId,
    awardId: current.awardId,
    weeklyMinutes,
    from: effectiveFrom,
    to: current.to,
  };
  return effectiveFrom === current.from
    ? { ended: null, next }
    : { ended: { ...current, to: addDays(effectiveFrom, -1) }, next };
}

/**
 * Allocated time over [from, to], prorated by calendar days: an allocation covering d days of a week contributes
 * weeklyMinutes × d / 7. Returned multiplied by 7 ("minute-days") so it stays an exact integer; divide by 7 only
 * for display. Calendar days (not working days) because allocations say nothing about which days are worked.
 */
export function allocatedMinuteDays(
  allocations: readonly Pick<ProtectedTimeAllocation, 'weeklyMinutes' | 'from' | 'to'>[],
  from: IsoDay,
  to: IsoDay,
): number {
  let total = 0;
  for (const allocation of allocations) {
    const start = Math.max(toEpochDay(allocation.from), toEpochDay(from));
    const end = Math.min(toEpochDay(allocation.to), toEpochDay(to));
    if (end >= start) total += allocation.weeklyMinutes * (end - start + 1);
  }
  return total;
}

/** True when any allocation covers `day`; only such days' logs count as protected time used. */
export function isCoveredDay(
  allocations: readonly Pick<ProtectedTimeAllocation, 'from' | 'to'>[],
  day: IsoDay,
): boolean {
  const epochDay = toEpochDay(day);
  return allocations.some(
    (allocation) => toEpochDay(allocation.from) <= epochDay && epochDay <= toEpochDay(allocation.to),
  );
}
