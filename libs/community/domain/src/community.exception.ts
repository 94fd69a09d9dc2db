/**
 * Every rule the community domain can refuse. The service maps each code to one GraphQL error in a single
 * place, so codes are stable API: add new ones, never rename. Values equal keys so logs and clients read the same.
 */
export enum CommunityErrorCode {
  /** Shape or range problems in caller input; `details.errors` lists `{ field, message }`. */
  INVALID_INPUT = 'INVALID_INPUT',

  NOT_IN_AUDIENCE = 'NOT_IN_AUDIENCE',
  APPLICATION_WINDOW_CLOSED = 'APPLICATION_WINDOW_CLOSED',
  ILLEGAL_APPLICATION_TRANSITION = 'ILLEGAL_APPLICATION_TRANSITION',
  OFFER_EXPIRED = 'OFFER_EXPIRED',

  SESSION_CODE_INVALID = 'SESSION_CODE_INVALID',
  SESSION_CODE_NOT_VALID_NOW = 'SESSION_CODE_NOT_VALID_NOW',
  ATTENDANCE_WINDOW_CLOSED = 'ATTENDANCE_WINDOW_CLOSED',
  NOT_AN_ATTENDEE = 'NOT_AN_ATTENDEE',

  REFLECTION_WINDOW_CLOSED = 'REFLECTION_WINDOW_CLOSED',
  INVALID_REFLECTION_TOKEN = 'INVALID_REFLECTION_TOKEN',
}

/** A validation finding that names the offending field, so forms can highlight it. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export type CommunityErrorDetails = Readonly<Record<string, unknown>>;

export class CommunityDomainError extends Error {
  constructor(
    readonly code: CommunityErrorCode,
    message: string,
    readonly details: CommunityErrorDetails = {},
  ) {
    super(message);
    this.name = 'CommunityDomainError';
  }

  /** One error carrying every field problem at once, so a form shows them all in a single round trip. */
  static invalidInput(errors: readonly FieldError[]): CommunityDomainError {
    const summary = errors.map((error) => `${error.field}: ${error.message}`).join('; ');
    return new CommunityDomainError(CommunityErrorCode.INVALID_INPUT, `Invalid input: ${summary}`, {
      errors,
    });
  }
}

export function isCommunityDomainError(value: unknown): value is CommunityDomainError {
  return value instanceof CommunityDomainError;
}

/** Throws the collected field errors, if any; keeps validators as pure `FieldError[]` producers. */
export function throwIfInvalid(errors: readonly FieldError[]): void {
  if (errors.length > 0) throw CommunityDomainError.invalidInput(errors);
}
