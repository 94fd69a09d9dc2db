/**
 * Every refusal of the community service: its domain rules and the service's own (records not found, access,
 * state). The service maps each code to one GraphQL error in a single place, so codes are stable API: add new
 * ones, never rename. Values equal keys so logs and clients read the same.
 */
export enum CommunityErrorCode {
  /**
   * Shape or range problems in caller input: `details.errors` lists `{ field, message }` of the input object
   * (domain validators), or `details.fields` lists `{ field, rule, message }` as the client sees them.
   */
  INVALID_INPUT = 'INVALID_INPUT',

  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  /** The caller's membership profile has not reached the community replica yet; retrying shortly works. */
  MEMBER_NOT_REPLICATED = 'MEMBER_NOT_REPLICATED',
  INVALID_STATE = 'INVALID_STATE',
  ALREADY_APPLIED = 'ALREADY_APPLIED',
  ALREADY_SELECTED = 'ALREADY_SELECTED',
  NAME_TAKEN = 'NAME_TAKEN',
  REFLECTION_ALREADY_SUBMITTED = 'REFLECTION_ALREADY_SUBMITTED',
  /** The token was spent but the reflection could not be stored: the member is told plainly. */
  REFLECTION_NOT_SAVED = 'REFLECTION_NOT_SAVED',
  NOT_ELIGIBLE_FOR_CERTIFICATE = 'NOT_ELIGIBLE_FOR_CERTIFICATE',

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

  /** Field problems exactly as the client sees them (`{ field, rule, message }`), e.g. an argument. */
  get fields(): ReadonlyArray<FieldError & { readonly rule: string }> {
    return Array.isArray(this.details.fields)
      ? (this.details.fields as Array<FieldError & { readonly rule: string }>)
      : [];
  }

  static notFound(what: string): CommunityDomainError {
    return new CommunityDomainError(CommunityErrorCode.NOT_FOUND, `${what} not found`);
  }

  static forbidden(message: string): CommunityDomainError {
    return new CommunityDomainError(CommunityErrorCode.FORBIDDEN, message);
  }

  /** One refused argument or input field, named as the client sent it (`seed`, `input.moderatorIds`). */
  static invalid(field: string, rule: string, message: string): CommunityDomainError {
    return new CommunityDomainError(CommunityErrorCode.INVALID_INPUT, `${field}: ${message}`, {
      fields: [{ field, rule, message }],
    });
  }

  static state(message: string): CommunityDomainError {
    return new CommunityDomainError(CommunityErrorCode.INVALID_STATE, message);
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
