/**
 * Every rule the funding domain can refuse. The service maps each code to one GraphQL error in a single place,
 * so codes are stable API: add new ones, never rename. Values equal keys so logs and clients read the same.
 */
export enum FundingErrorCode {
  /** Shape or range problems in caller input; `details.errors` lists `{ field, message }`. */
  INVALID_INPUT = 'INVALID_INPUT',
  UNKNOWN_CURRENCY = 'UNKNOWN_CURRENCY',
  /** Two amounts in different currencies met in one sum or comparison; `details` names both. */
  CURRENCY_MISMATCH = 'CURRENCY_MISMATCH',
  /** An integer result left the range where JavaScript numbers are exact. */
  AMOUNT_OUT_OF_RANGE = 'AMOUNT_OUT_OF_RANGE',

  ILLEGAL_AWARD_TRANSITION = 'ILLEGAL_AWARD_TRANSITION',
  NOT_ALLOWED_FOR_ACTOR = 'NOT_ALLOWED_FOR_ACTOR',
  FINAL_REPORT_REQUIRED = 'FINAL_REPORT_REQUIRED',
  BUDGET_LINES_DO_NOT_MATCH_AWARD = 'BUDGET_LINES_DO_NOT_MATCH_AWARD',

  /** A spend would take a budget line past its budget; `details` carries the figures. Overridable. */
  BUDGET_LINE_LIMIT_EXCEEDED = 'BUDGET_LINE_LIMIT_EXCEEDED',
  /** A spend or award would take the fund below zero; `details` carries the figures. Never overridable. */
  FUND_LIMIT_EXCEEDED = 'FUND_LIMIT_EXCEEDED',
  AWARD_NOT_ACTIVE = 'AWARD_NOT_ACTIVE',
  UNKNOWN_BUDGET_LINE = 'UNKNOWN_BUDGET_LINE',
  ENTRY_NOT_REVERSIBLE = 'ENTRY_NOT_REVERSIBLE',
  ALREADY_REVERSED = 'ALREADY_REVERSED',

  OVERLAPPING_ALLOCATION = 'OVERLAPPING_ALLOCATION',
  ALLOCATION_ALREADY_DECIDED = 'ALLOCATION_ALREADY_DECIDED',
  FUTURE_TIME_LOG = 'FUTURE_TIME_LOG',
  DAY_OVER_24_HOURS = 'DAY_OVER_24_HOURS',
  TIME_LOG_LOCKED = 'TIME_LOG_LOCKED',
  EFFORT_PERIOD_NOT_OVER = 'EFFORT_PERIOD_NOT_OVER',

  /** The record does not exist, or the caller may not see it (the two are not told apart). */
  NOT_FOUND = 'NOT_FOUND',
  /** An award must draw on a fund before it is activated or spends. */
  AWARD_HAS_NO_FUND = 'AWARD_HAS_NO_FUND',
  /** The report was already submitted (a submission is final; outputs and later reports add to it). */
  REPORT_ALREADY_SUBMITTED = 'REPORT_ALREADY_SUBMITTED',
  /** The member already certified their effort for this award period. */
  EFFORT_ALREADY_CERTIFIED = 'EFFORT_ALREADY_CERTIFIED',
}

/** A validation finding that names the offending field, so forms can highlight it. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export type FundingErrorDetails = Readonly<Record<string, unknown>>;

export class FundingDomainError extends Error {
  constructor(
    readonly code: FundingErrorCode,
    message: string,
    readonly details: FundingErrorDetails = {},
  ) {
    super(message);
    this.name = 'FundingDomainError';
  }

  /** One error carrying every field problem at once, so a form shows them all in a single round trip. */
  static invalidInput(errors: readonly FieldError[]): FundingDomainError {
    const summary = errors.map((error) => `${error.field}: ${error.message}`).join('; ');
    return new FundingDomainError(FundingErrorCode.INVALID_INPUT, `Invalid input: ${summary}`, { errors });
  }
}

export function isFundingDomainError(value: unknown): value is FundingDomainError {
  return value instanceof FundingDomainError;
}

/** Throws the collected field errors, if any; keeps validators as pure `FieldError[]` producers. */
export function throwIfInvalid(errors: readonly FieldError[]): void {
  if (errors.length > 0) throw FundingDomainError.invalidInput(errors);
}
