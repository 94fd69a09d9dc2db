import { CAREER_STAGES, type CareerStage } from '@praxis/contracts';
import {
  hardConstraintViolations,
  MENTORING_FORMATS,
  type HardConstraintViolation,
  type MenteeMatchProfile,
  type MentoringFormat,
  type MentorMatchProfile,
} from './match-score';
import {
  MentorshipDomainError,
  MentorshipErrorCode,
  throwIfInvalid,
  type FieldError,
} from './mentorship.exception';
import { validateCadence } from './relationship-health';

export interface StartMentorshipCheck {
  readonly mentee: Pick<MenteeMatchProfile, 'memberId' | 'careerStage'>;
  readonly mentor: Pick<
    MentorMatchProfile,
    'memberId' | 'menteeStages' | 'capacity' | 'activeMentees' | 'paused' | 'acceptsDirectRequests'
  >;
  /** Mentors the mentee currently has an active relationship with. */
  readonly existingMentorIds: ReadonlySet<string> | readonly string[];
  /** A mentee's own request, as opposed to a pairing made by formal matching. */
  readonly viaDirectRequest: boolean;
}

/**
 * Gate for creating a request and again for accepting it (capacity may have filled in between). Throws the
 * first violated rule as the error code and lists every violation in `details.violations`.
 */
export function assertCanStartMentorship(check: StartMentorshipCheck): void {
  const violations = hardConstraintViolations(check.mentee, check.mentor, {
    existingMentorIds: check.existingMentorIds,
  });
  if (check.viaDirectRequest && !check.mentor.acceptsDirectRequests) {
    violations.push({
      code: MentorshipErrorCode.MENTOR_NOT_ACCEPTING_REQUESTS,
      message: 'mentor.acceptsDirectRequests: this mentor is reached through formal matching only',
    });
  }
  if (violations.length > 0) {
    throw new MentorshipDomainError(violations[0].code, violations.map((v) => v.message).join('; '), {
      violations,
    });
  }
}

/**
 * Who may supervise a winning team: the mentor's own rules for any mentee (stages they take, capacity, pause,
 * not already mentoring the lead), and never a member of the team itself. The automatic proposal and an
 * admin's choice both go through this one check, so an override cannot do what the proposal would not.
 */
export function supervisionViolations(
  lead: Pick<MenteeMatchProfile, 'memberId' | 'careerStage'>,
  mentor: Pick<MentorMatchProfile, 'memberId' | 'menteeStages' | 'capacity' | 'activeMentees' | 'paused'>,
  context: {
    readonly existingMentorIds: ReadonlySet<string> | readonly string[];
    readonly teamMemberIds: readonly string[];
  },
): HardConstraintViolation[] {
  const violations: HardConstraintViolation[] = [];
  if (context.teamMemberIds.includes(mentor.memberId) && mentor.memberId !== lead.memberId) {
    violations.push({
      code: MentorshipErrorCode.MENTOR_ON_TEAM,
      message: 'mentorId: a member of the winning team cannot supervise it',
    });
  }
  return [
    ...violations,
    ...hardConstraintViolations(lead, mentor, { existingMentorIds: context.existingMentorIds }),
  ];
}

export function assertCanSupervise(...args: Parameters<typeof supervisionViolations>): void {
  const violations = supervisionViolations(...args);
  if (violations.length > 0) {
    throw new MentorshipDomainError(violations[0].code, violations.map((v) => v.message).join('; '), {
      violations,
    });
  }
}

export const MENTOR_CAPACITY = { min: 1, max: 10 } as const;

export interface MentorSettings {
  readonly capacity: number;
  readonly menteeStages: readonly CareerStage[];
  readonly formats: readonly MentoringFormat[];
}

/**
 * Capacity may be set below the current number of mentees (someone cutting back): existing relationships
 * continue, the mentor simply counts as at capacity until they drop below it.
 */
export function validateMentorSettings(settings: MentorSettings): FieldError[] {
  const errors: FieldError[] = [];
  if (
    !Number.isInteger(settings.capacity) ||
    settings.capacity < MENTOR_CAPACITY.min ||
    settings.capacity > MENTOR_CAPACITY.max
  ) {
    errors.push({
      field: 'capacity',
      message: `must be a whole number from ${MENTOR_CAPACITY.min} to ${MENTOR_CAPACITY.max} (got ${settings.capacity}); pause instead of setting 0`,
    });
  }
  settings.menteeStages.forEach((stage, index) => {
    if (!(CAREER_STAGES as readonly string[]).includes(stage)) {
      errors.push({
        field: `menteeStages[${index}]`,
        message: `is not a career stage (got ${String(stage)})`,
      });
    }
  });
  if (new Set(settings.menteeStages).size !== settings.menteeStages.length) {
    errors.push({ field: 'menteeStages', message: 'must not repeat a stage' });
  }
  if (settings.formats.length === 0) {
    errors.push({ field: 'formats', message: 'must offer at least one format' });
  }
  settings.formats.forEach((format, index) => {
    if (!(MENTORING_FORMATS as readonly string[]).includes(format)) {
      errors.push({ field: `formats[${index}]`, message: `must be one of ${MENTORING_FORMATS.join(', ')}` });
    }
  });
  return errors;
}

export interface MentorshipAgreement {
  readonly checkInCadenceDays: number;
  readonly goals: readonly string[];
  readonly format: MentoringFormat;
}

export const AGREEMENT_GOALS = { min: 1, max: 10, maxLength: 300 } as const;

export function validateAgreement(agreement: MentorshipAgreement): FieldError[] {
  const errors = validateCadence(agreement.checkInCadenceDays);
  if (agreement.goals.length < AGREEMENT_GOALS.min || agreement.goals.length > AGREEMENT_GOALS.max) {
    errors.push({
      field: 'goals',
      message: `must list ${AGREEMENT_GOALS.min} to ${AGREEMENT_GOALS.max} goals (got ${agreement.goals.length})`,
    });
  }
  agreement.goals.forEach((goal, index) => {
    const length = goal.trim().length;
    if (length === 0 || length > AGREEMENT_GOALS.maxLength) {
      errors.push({
        field: `goals[${index}]`,
        message: `must be 1 to ${AGREEMENT_GOALS.maxLength} characters`,
      });
    }
  });
  if (!(MENTORING_FORMATS as readonly string[]).includes(agreement.format)) {
    errors.push({ field: 'format', message: `must be one of ${MENTORING_FORMATS.join(', ')}` });
  }
  return errors;
}

export function assertValidAgreement(agreement: MentorshipAgreement): void {
  throwIfInvalid(validateAgreement(agreement));
}

/**
 * The new "last check-in": a check-in cannot predate the relationship or lie in the future, and a late-logged
 * older check-in never moves the date backwards (which would wrongly flag the relationship at risk).
 */
export function recordCheckIn(
  relationship: { readonly startedAt: Date; readonly lastCheckInAt: Date | null },
  at: Date,
  now: Date,
): Date {
  if (at.getTime() < relationship.startedAt.getTime() || at.getTime() > now.getTime()) {
    throw MentorshipDomainError.invalidInput([
      { field: 'heldAt', message: 'must be between the start of the relationship and now' },
    ]);
  }
  const last = relationship.lastCheckInAt;
  return last !== null && last.getTime() > at.getTime() ? last : at;
}
