import { MentorshipDomainError, type FieldError } from './mentorship.exception';

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A relationship is at risk after this many cadences without contact: one missed check-in is normal life on
 * rotations, two in a row is the pattern that precedes relationships quietly lapsing.
 */
export const AT_RISK_AFTER_CADENCES = 2;

export type RelationshipHealthStatus = 'ON_TRACK' | 'AT_RISK';

export interface RelationshipHealthInput {
  readonly startedAt: Date;
  readonly lastCheckInAt: Date | null;
  /** From the mentorship agreement. */
  readonly checkInCadenceDays: number;
}

export interface RelationshipHealth {
  readonly status: RelationshipHealthStatus;
  /** What the silence is measured from: the last check-in, or the start if there has been none. */
  readonly measuredFrom: 'LAST_CHECK_IN' | 'START';
  /** Whole days since `measuredFrom` (rounded down). */
  readonly daysSinceContact: number;
  /** The status turns AT_RISK strictly after this instant. */
  readonly atRiskAfter: Date;
}

/** AT_RISK when the time since the last check-in (or the start) is more than twice the agreed cadence. */
export function assessRelationshipHealth(input: RelationshipHealthInput, now: Date): RelationshipHealth {
  const errors = validateCadence(input.checkInCadenceDays);
  if (errors.length > 0) throw MentorshipDomainError.invalidInput(errors);
  // contact before the relationship began says nothing about it: silence is measured from the later of the two
  const fromCheckIn =
    input.lastCheckInAt !== null && input.lastCheckInAt.getTime() > input.startedAt.getTime();
  const measuredFrom = fromCheckIn ? 'LAST_CHECK_IN' : 'START';
  const reference = fromCheckIn && input.lastCheckInAt !== null ? input.lastCheckInAt : input.startedAt;
  const elapsed = now.getTime() - reference.getTime();
  const allowance = AT_RISK_AFTER_CADENCES * input.checkInCadenceDays * DAY_MS;
  return {
    status: elapsed > allowance ? 'AT_RISK' : 'ON_TRACK',
    measuredFrom,
    daysSinceContact: Math.max(0, Math.floor(elapsed / DAY_MS)),
    atRiskAfter: new Date(reference.getTime() + allowance),
  };
}

/** Weekly to quarterly; anything rarer is not a mentoring cadence a health signal can be built on. */
export const CHECK_IN_CADENCE_DAYS = { min: 7, max: 90 } as const;

export function validateCadence(days: number, field = 'checkInCadenceDays'): FieldError[] {
  if (!Number.isInteger(days) || days < CHECK_IN_CADENCE_DAYS.min || days > CHECK_IN_CADENCE_DAYS.max) {
    return [
      {
        field,
        message: `must be a whole number of days from ${CHECK_IN_CADENCE_DAYS.min} to ${CHECK_IN_CADENCE_DAYS.max} (got ${days})`,
      },
    ];
  }
  return [];
}
