/**
 * Every rule the mentorship domain can refuse, as a stable string so the service maps each code to a GraphQL
 * error (and an HTTP-ish category) in exactly one place. Values equal keys so logs and clients read the same.
 */
export enum MentorshipErrorCode {
  /** Shape or range problems in caller input; `details.errors` lists `{ field, message }`. */
  INVALID_INPUT = 'INVALID_INPUT',
  /** Configuration, not user input: the service should fail at start-up rather than answer a request. */
  INVALID_MATCH_WEIGHTS = 'INVALID_MATCH_WEIGHTS',

  MENTOR_AT_CAPACITY = 'MENTOR_AT_CAPACITY',
  MENTOR_PAUSED = 'MENTOR_PAUSED',
  /** The member has a mentor profile but no longer holds the mentor role. */
  NOT_A_MENTOR = 'NOT_A_MENTOR',
  MENTOR_NOT_ACCEPTING_REQUESTS = 'MENTOR_NOT_ACCEPTING_REQUESTS',
  SELF_MENTORING = 'SELF_MENTORING',
  ALREADY_MENTORING = 'ALREADY_MENTORING',
  NOT_ELIGIBLE_STAGE = 'NOT_ELIGIBLE_STAGE',

  NOT_A_PARTICIPANT = 'NOT_A_PARTICIPANT',
  FEEDBACK_ALREADY_GIVEN = 'FEEDBACK_ALREADY_GIVEN',
  INVALID_RATING = 'INVALID_RATING',

  GROUP_SIZE = 'GROUP_SIZE',
  ALREADY_GROUP_MEMBER = 'ALREADY_GROUP_MEMBER',
  NOT_GROUP_MEMBER = 'NOT_GROUP_MEMBER',
  NOT_AN_ATTENDEE = 'NOT_AN_ATTENDEE',
  SESSION_ALREADY_RATED = 'SESSION_ALREADY_RATED',
  NEXT_STEP_NOT_OWNER = 'NEXT_STEP_NOT_OWNER',
  NEXT_STEP_ALREADY_DONE = 'NEXT_STEP_ALREADY_DONE',

  COACH_NOT_ELIGIBLE = 'COACH_NOT_ELIGIBLE',
  WORKSHOP_FULL = 'WORKSHOP_FULL',
  ALREADY_ENROLLED = 'ALREADY_ENROLLED',
  NOT_ENROLLED = 'NOT_ENROLLED',
  COACH_CANNOT_ENROL = 'COACH_CANNOT_ENROL',
  /** The workshop has started (or been held): its enrolled list is the attendance record and stays as it is. */
  WORKSHOP_STARTED = 'WORKSHOP_STARTED',
  /** A member of a winning team named as that team's supervisor. */
  MENTOR_ON_TEAM = 'MENTOR_ON_TEAM',
}

/** A validation finding that names the offending field, so forms can highlight it. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export type MentorshipErrorDetails = Readonly<Record<string, unknown>>;

export class MentorshipDomainError extends Error {
  constructor(
    readonly code: MentorshipErrorCode,
    message: string,
    readonly details: MentorshipErrorDetails = {},
  ) {
    super(message);
    this.name = 'MentorshipDomainError';
  }

  /** One error carrying every field problem at once, so a form shows them all in a single round trip. */
  static invalidInput(
    errors: readonly FieldError[],
    code: MentorshipErrorCode = MentorshipErrorCode.INVALID_INPUT,
  ): MentorshipDomainError {
    const summary = errors.map((error) => `${error.field}: ${error.message}`).join('; ');
    return new MentorshipDomainError(code, `Invalid input: ${summary}`, { errors });
  }
}

/** Throws the collected field errors, if any; keeps validators as pure `FieldError[]` producers. */
export function throwIfInvalid(
  errors: readonly FieldError[],
  code: MentorshipErrorCode = MentorshipErrorCode.INVALID_INPUT,
): void {
  if (errors.length > 0) throw MentorshipDomainError.invalidInput(errors, code);
}
