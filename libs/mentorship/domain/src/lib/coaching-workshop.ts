import { CAREER_STAGES, type CareerStage } from '@praxis/contracts';
import {
  MentorshipDomainError,
  MentorshipErrorCode,
  throwIfInvalid,
  type FieldError,
} from './mentorship.exception';

/**
 * Near-peer coaching works because the coach recently stood where the students stand: a doctor in training
 * who graduated no more than five years ago.
 */
export const NEAR_PEER_COACH_STAGES: readonly CareerStage[] = ['FOUNDATION_DOCTOR', 'RESIDENT'];
export const NEAR_PEER_MAX_YEARS_SINCE_GRADUATION = 5;

/** About two hours; an hour is the least that fits practice plus debrief, three the most attention allows. */
export const WORKSHOP_DURATION_MINUTES = { min: 60, max: 180, default: 120 } as const;
/** Five students at most so that each gets observed practice and individual feedback from one coach. */
export const WORKSHOP_CAPACITY = { min: 1, max: 5, default: 5 } as const;
/** A waitlist longer than this is a signal to schedule another workshop, not a queue anyone will clear. */
export const WORKSHOP_WAITLIST = { min: 0, max: 50, default: 20 } as const;

export interface CoachCandidate {
  readonly memberId: string;
  readonly careerStage: CareerStage;
  /** Year of graduating from medical school. */
  readonly graduationYear: number;
}

export type CoachEligibility =
  | { readonly eligible: true; readonly yearsSinceGraduation: number }
  | { readonly eligible: false; readonly reasons: readonly string[] };

/**
 * Years since graduation are calendar years in UTC (`now` year minus graduation year), so someone who graduated
 * in 2020 can coach throughout 2025 and not in 2026.
 */
export function coachEligibility(coach: CoachCandidate, now: Date): CoachEligibility {
  const reasons: string[] = [];
  if (!NEAR_PEER_COACH_STAGES.includes(coach.careerStage)) {
    reasons.push(`careerStage: must be ${NEAR_PEER_COACH_STAGES.join(' or ')} (got ${coach.careerStage})`);
  }
  const years = now.getUTCFullYear() - coach.graduationYear;
  if (!Number.isInteger(coach.graduationYear)) {
    reasons.push(`graduationYear: must be a year (got ${coach.graduationYear})`);
  } else if (years < 0) {
    reasons.push(`graduationYear: ${coach.graduationYear} is in the future`);
  } else if (years > NEAR_PEER_MAX_YEARS_SINCE_GRADUATION) {
    reasons.push(
      `graduationYear: graduated ${years} years ago; near-peer coaches graduated within ${NEAR_PEER_MAX_YEARS_SINCE_GRADUATION}`,
    );
  }
  return reasons.length === 0
    ? { eligible: true, yearsSinceGraduation: years }
    : { eligible: false, reasons };
}

export function assertCoachEligible(coach: CoachCandidate, now: Date): void {
  const eligibility = coachEligibility(coach, now);
  if (!eligibility.eligible) {
    throw new MentorshipDomainError(MentorshipErrorCode.COACH_NOT_ELIGIBLE, eligibility.reasons.join('; '), {
      memberId: coach.memberId,
      reasons: eligibility.reasons,
    });
  }
}

export interface CoachingWorkshop {
  readonly id: string;
  readonly coachId: string;
  readonly title: string;
  readonly startsAt: Date;
  readonly durationMinutes: number;
  readonly capacity: number;
  readonly waitlistLimit: number;
  /** Stages that may enrol (students by default). */
  readonly eligibleStages: readonly CareerStage[];
  readonly enrolledIds: readonly string[];
  /** In order of arrival; the first is promoted when a place frees up. */
  readonly waitlistIds: readonly string[];
}

export interface PlanWorkshopInput {
  readonly id: string;
  readonly coach: CoachCandidate;
  readonly title: string;
  readonly startsAt: Date;
  readonly durationMinutes?: number;
  readonly capacity?: number;
  readonly waitlistLimit?: number;
  readonly eligibleStages?: readonly CareerStage[];
}

export const WORKSHOP_TITLE_MAX_LENGTH = 120;

function integerInRange(
  value: number,
  range: { min: number; max: number },
  field: string,
  unit = '',
): FieldError[] {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    return [
      { field, message: `must be a whole number from ${range.min} to ${range.max}${unit} (got ${value})` },
    ];
  }
  return [];
}

export function planCoachingWorkshop(input: PlanWorkshopInput, now: Date): CoachingWorkshop {
  assertCoachEligible(input.coach, now);
  const durationMinutes = input.durationMinutes ?? WORKSHOP_DURATION_MINUTES.default;
  const capacity = input.capacity ?? WORKSHOP_CAPACITY.default;
  const waitlistLimit = input.waitlistLimit ?? WORKSHOP_WAITLIST.default;
  const eligibleStages = input.eligibleStages ?? ['MEDICAL_STUDENT'];
  const title = input.title.trim();
  const errors: FieldError[] = [
    ...integerInRange(durationMinutes, WORKSHOP_DURATION_MINUTES, 'durationMinutes', ' minutes'),
    ...integerInRange(capacity, WORKSHOP_CAPACITY, 'capacity'),
    ...integerInRange(waitlistLimit, WORKSHOP_WAITLIST, 'waitlistLimit'),
  ];
  if (title.length === 0 || title.length > WORKSHOP_TITLE_MAX_LENGTH) {
    errors.push({ field: 'title', message: `must be 1 to ${WORKSHOP_TITLE_MAX_LENGTH} characters` });
  }
  if (Number.isNaN(input.startsAt.getTime()) || input.startsAt.getTime() <= now.getTime()) {
    errors.push({ field: 'startsAt', message: 'must be in the future' });
  }
  if (eligibleStages.length === 0) {
    errors.push({ field: 'eligibleStages', message: 'must list at least one career stage' });
  }
  eligibleStages.forEach((stage, index) => {
    if (!(CAREER_STAGES as readonly string[]).includes(stage)) {
      errors.push({
        field: `eligibleStages[${index}]`,
        message: `is not a career stage (got ${String(stage)})`,
      });
    }
  });
  throwIfInvalid(errors);
  return {
    id: input.id,
    coachId: input.coach.memberId,
    title,
    startsAt: input.startsAt,
    durationMinutes,
    capacity,
    waitlistLimit,
    eligibleStages: [...new Set(eligibleStages)],
    enrolledIds: [],
    waitlistIds: [],
  };
}

export interface Enrolment {
  readonly workshop: CoachingWorkshop;
  readonly outcome: 'ENROLLED' | 'WAITLISTED';
  /** 1-based place on the waitlist when WAITLISTED. */
  readonly waitlistPosition: number | null;
}

/**
 * Enrols while places remain, then waitlists in order of arrival. The enrolled list can never exceed the
 * capacity: the only ways in are this function (which checks) and promotion (which replaces a withdrawal).
 */
export function enrolInWorkshop(
  workshop: CoachingWorkshop,
  student: { readonly memberId: string; readonly careerStage: CareerStage },
  now: Date,
): Enrolment {
  if (student.memberId === workshop.coachId) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.COACH_CANNOT_ENROL,
      'memberId: the coach cannot enrol in their own workshop',
      { workshopId: workshop.id },
    );
  }
  if (now.getTime() >= workshop.startsAt.getTime()) {
    throw MentorshipDomainError.invalidInput([
      { field: 'workshopId', message: 'enrolment closes when the workshop starts' },
    ]);
  }
  if (!workshop.eligibleStages.includes(student.careerStage)) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.NOT_ELIGIBLE_STAGE,
      `careerStage: ${student.careerStage} may not enrol; this workshop is for ${workshop.eligibleStages.join(', ')}`,
      { workshopId: workshop.id, careerStage: student.careerStage, eligibleStages: workshop.eligibleStages },
    );
  }
  if (workshop.enrolledIds.includes(student.memberId) || workshop.waitlistIds.includes(student.memberId)) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.ALREADY_ENROLLED,
      `memberId: ${student.memberId} is already enrolled or waitlisted`,
      { workshopId: workshop.id, memberId: student.memberId },
    );
  }
  if (workshop.enrolledIds.length < workshop.capacity) {
    return {
      workshop: { ...workshop, enrolledIds: [...workshop.enrolledIds, student.memberId] },
      outcome: 'ENROLLED',
      waitlistPosition: null,
    };
  }
  if (workshop.waitlistIds.length >= workshop.waitlistLimit) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.WORKSHOP_FULL,
      `workshopId: all ${workshop.capacity} places and ${workshop.waitlistLimit} waitlist places are taken`,
      { workshopId: workshop.id, capacity: workshop.capacity, waitlistLimit: workshop.waitlistLimit },
    );
  }
  const waitlistIds = [...workshop.waitlistIds, student.memberId];
  return {
    workshop: { ...workshop, waitlistIds },
    outcome: 'WAITLISTED',
    waitlistPosition: waitlistIds.length,
  };
}

export interface Withdrawal {
  readonly workshop: CoachingWorkshop;
  /** The first waitlisted student, now enrolled in the freed place; null when nobody was waiting. */
  readonly promotedMemberId: string | null;
}

/**
 * Leaving before the start frees a place for the first on the waitlist. Once the workshop has started an
 * enrolled student cannot leave: the enrolled list is who was there (it becomes the attendance record when the
 * coach marks it held), and promoting someone into a session already under way or over would credit them with
 * one they never attended. Leaving the waitlist is always possible, since it promotes nobody.
 */
export function withdrawFromWorkshop(workshop: CoachingWorkshop, memberId: string, now: Date): Withdrawal {
  if (workshop.waitlistIds.includes(memberId)) {
    return {
      workshop: { ...workshop, waitlistIds: workshop.waitlistIds.filter((id) => id !== memberId) },
      promotedMemberId: null,
    };
  }
  if (!workshop.enrolledIds.includes(memberId)) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.NOT_ENROLLED,
      `memberId: ${memberId} is neither enrolled nor waitlisted`,
      { workshopId: workshop.id, memberId },
    );
  }
  if (now.getTime() >= workshop.startsAt.getTime()) {
    throw new MentorshipDomainError(
      MentorshipErrorCode.WORKSHOP_STARTED,
      'workshopId: the workshop has started; its enrolled students are its attendance record and cannot leave',
      { workshopId: workshop.id, memberId },
    );
  }
  const remaining = workshop.enrolledIds.filter((id) => id !== memberId);
  // Promote only into a genuinely free place, so a capacity lowered after enrolment is respected.
  if (workshop.waitlistIds.length === 0 || remaining.length >= workshop.capacity) {
    return { workshop: { ...workshop, enrolledIds: remaining }, promotedMemberId: null };
  }
  const [promoted, ...stillWaiting] = workshop.waitlistIds;
  return {
    workshop: { ...workshop, enrolledIds: [...remaining, promoted], waitlistIds: stillWaiting },
    promotedMemberId: promoted,
  };
}
