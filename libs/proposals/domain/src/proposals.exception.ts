/**
 * Every rule the proposals domain can refuse. The service maps each code to one GraphQL error in a single
 * place, so codes are stable API: add new ones, never rename.
 */
export enum ProposalsErrorCode {
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
}

export function isProposalsDomainError(value: unknown): value is ProposalsDomainError {
  return value instanceof ProposalsDomainError;
}
