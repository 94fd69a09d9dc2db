/**
 * Every rule the engagement domain can refuse, as a stable string: the service maps each code to a GraphQL error
 * in one place. Values equal keys so logs and clients read the same.
 */
export enum EngagementErrorCode {
  /** Shape or range problems in caller input; `details.errors` lists `{ field, rule, message }`. */
  INVALID_INPUT = 'INVALID_INPUT',
  /** The caller may not see this institution's (or the network's) figures, or this member's record. */
  FORBIDDEN_SCOPE = 'FORBIDDEN_SCOPE',
  /** No such record (or none the caller may know exists). */
  NOT_FOUND = 'NOT_FOUND',
  /** Configuration, not user input: the service refuses to start rather than answer. */
  INVALID_CONFIGURATION = 'INVALID_CONFIGURATION',
}

/** A validation finding naming the offending field and the rule it broke, so forms can highlight it. */
export interface FieldError {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

export class EngagementDomainError extends Error {
  constructor(
    readonly code: EngagementErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'EngagementDomainError';
  }

  static invalidInput(errors: readonly FieldError[]): EngagementDomainError {
    const summary = errors.map((error) => `${error.field}: ${error.message}`).join('; ');
    return new EngagementDomainError(EngagementErrorCode.INVALID_INPUT, `Invalid input: ${summary}`, {
      errors,
    });
  }
}

export function throwIfInvalid(errors: readonly FieldError[]): void {
  if (errors.length > 0) throw EngagementDomainError.invalidInput(errors);
}
