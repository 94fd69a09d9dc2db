import type { ValidationProblem } from './validation-problem';

/**
 * Everything proposals can refuse, the domain's rules and the service's records, access and timing alike. The
 * service maps each code to one GraphQL error in a single exhaustive place, so codes are stable API: add new
 * ones, never rename.
 */
export enum ProposalsErrorCode {
  /** The record does not exist (or the caller may not know that it does). */
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  /** Input broke a rule the schema cannot express; `details.fields` names each field with its full path. */
  INVALID_INPUT = 'INVALID_INPUT',
  /** The operation is not possible in the competition's (or proposal's) current state. */
  WRONG_STATE = 'WRONG_STATE',
  /** Results cannot be published while assigned reviews are missing. */
  REVIEWS_INCOMPLETE = 'REVIEWS_INCOMPLETE',
  ILLEGAL_PHASE_TRANSITION = 'ILLEGAL_PHASE_TRANSITION',
  INVALID_COMPETITION_DATES = 'INVALID_COMPETITION_DATES',
  INVALID_RUBRIC = 'INVALID_RUBRIC',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  CONFLICT_OF_INTEREST = 'CONFLICT_OF_INTEREST',
  LOAD_CAP_EXCEEDED = 'LOAD_CAP_EXCEEDED',
  DUPLICATE_ASSIGNMENT = 'DUPLICATE_ASSIGNMENT',
  ASSIGNMENT_NOT_FOUND = 'ASSIGNMENT_NOT_FOUND',
  REVIEW_ALREADY_STARTED = 'REVIEW_ALREADY_STARTED',
  ASSIGNMENT_INFEASIBLE = 'ASSIGNMENT_INFEASIBLE',
  INVALID_ASSIGNMENT_INPUT = 'INVALID_ASSIGNMENT_INPUT',
  SCORE_OUT_OF_RANGE = 'SCORE_OUT_OF_RANGE',
  SCORE_NOT_INTEGER = 'SCORE_NOT_INTEGER',
  MISSING_CRITERION_SCORE = 'MISSING_CRITERION_SCORE',
  UNKNOWN_CRITERION = 'UNKNOWN_CRITERION',
  DUPLICATE_CRITERION_SCORE = 'DUPLICATE_CRITERION_SCORE',
  /** A score sheet broke more than one kind of rule; `details.problems` carries each one with its own code. */
  INVALID_SCORE_SHEET = 'INVALID_SCORE_SHEET',
  INVALID_RANKING_INPUT = 'INVALID_RANKING_INPUT',
  /** Results are published: the judge pool, assignments, conflicts, scores and entries no longer change. */
  RESULTS_FROZEN = 'RESULTS_FROZEN',
  /** Only a conflict the applicants named is reviewed by an admin. */
  NOT_A_NAMED_CONFLICT = 'NOT_A_NAMED_CONFLICT',
  /** The named conflict was already accepted or overruled (perhaps a moment ago, by another admin). */
  NAMED_CONFLICT_ALREADY_REVIEWED = 'NAMED_CONFLICT_ALREADY_REVIEWED',
  INVALID_REVIEW_REASON = 'INVALID_REVIEW_REASON',
  INVITATION_NOT_FOUND = 'INVITATION_NOT_FOUND',
  INVITATION_ALREADY_ANSWERED = 'INVITATION_ALREADY_ANSWERED',
}

export type ProposalsErrorDetails = Readonly<Record<string, unknown>>;

export class ProposalsDomainError extends Error {
  constructor(
    readonly code: ProposalsErrorCode,
    message: string,
    readonly details: ProposalsErrorDetails = {},
  ) {
    super(message);
    this.name = 'ProposalsDomainError';
  }

  /** The fields an INVALID_INPUT refusal names (empty for other codes). */
  get fields(): readonly ValidationProblem[] {
    return Array.isArray(this.details.fields) ? (this.details.fields as ValidationProblem[]) : [];
  }

  static notFound(what: string): ProposalsDomainError {
    return new ProposalsDomainError(ProposalsErrorCode.NOT_FOUND, `${what} not found`);
  }

  static forbidden(message: string): ProposalsDomainError {
    return new ProposalsDomainError(ProposalsErrorCode.FORBIDDEN, message);
  }

  /** `fields` carry their full path as the client sent it (`reason`, `input.title`). */
  static invalid(fields: readonly ValidationProblem[]): ProposalsDomainError {
    return new ProposalsDomainError(
      ProposalsErrorCode.INVALID_INPUT,
      fields.map((field) => `${field.field}: ${field.message}`).join('; '),
      { fields },
    );
  }

  static wrongState(message: string, details: ProposalsErrorDetails = {}): ProposalsDomainError {
    return new ProposalsDomainError(ProposalsErrorCode.WRONG_STATE, message, details);
  }
}

export function isProposalsDomainError(value: unknown): value is ProposalsDomainError {
  return value instanceof ProposalsDomainError;
}
