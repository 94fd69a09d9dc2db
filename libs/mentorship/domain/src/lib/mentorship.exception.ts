/**
 * Everything mentorship can refuse (the domain's rules and the service's records, access and state), as a
 * stable string so the service maps each code to a GraphQL error in exactly one place. Values equal keys so
 * logs and clients read the same.
 */
export enum MentorshipErrorCode {
  /** The record does not exist, or the caller may not know that it does. */
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  /** The member has not reached mentorship's replica yet; retrying shortly works. */
  MEMBER_NOT_REPLICATED = 'MEMBER_NOT_REPLICATED',
  /** Not possible in the record's current state. */
  INVALID_STATE = 'INVALID_STATE',
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

  /** The arguments a refusal names with their rules (`invalid`); empty otherwise. */
  get fields(): ReadonlyArray<FieldError & { readonly rule: string }> {
    return Array.isArray(this.details.fields)
      ? (this.details.fields as Array<FieldError & { readonly rule: string }>)
      : [];
  }

  static notFound(what: string): MentorshipDomainError {
    return new MentorshipDomainError(MentorshipErrorCode.NOT_FOUND, `${what} not found`);
  }

  static forbidden(message: string): MentorshipDomainError {
    return new MentorshipDomainError(MentorshipErrorCode.FORBIDDEN, message);
  }

  /** A refused argument, named as the client sent it (`response`, `input.heldAt`), with its rule. */
  static invalid(field: string, rule: string, message: string): MentorshipDomainError {
    return new MentorshipDomainError(MentorshipErrorCode.INVALID_INPUT, `${field}: ${message}`, {
      fields: [{ field, rule, message }],
    });
  }

  static state(message: string): MentorshipDomainError {
    return new MentorshipDomainError(MentorshipErrorCode.INVALID_STATE, message);
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
