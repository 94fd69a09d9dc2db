export enum MembershipErrorCode {
  InvalidInput = 'INVALID_INPUT',
  EmailUnavailable = 'EMAIL_UNAVAILABLE',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  MemberNotFound = 'MEMBER_NOT_FOUND',
  InstitutionNotFound = 'INSTITUTION_NOT_FOUND',
  InstitutionExists = 'INSTITUTION_EXISTS',
  LeadNeedsInstitution = 'LEAD_NEEDS_INSTITUTION',
  RoleNotHeld = 'ROLE_NOT_HELD',
  NotAllowed = 'NOT_ALLOWED',
  SessionEnded = 'SESSION_ENDED',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  ProfileChangeNotFound = 'PROFILE_CHANGE_NOT_FOUND',
  ProfileChangeDecided = 'PROFILE_CHANGE_DECIDED',
}

export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

export class MembershipError extends Error {
  constructor(
    readonly code: MembershipErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** For TOO_MANY_REQUESTS: when the caller may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'MembershipError';
  }

  static invalid(fields: FieldProblem[]): MembershipError {
    return new MembershipError(
      MembershipErrorCode.InvalidInput,
      fields.map((field) => `${field.field}: ${field.message}`).join('; '),
      fields,
    );
  }

  static tooManyRequests(what: string, retryAfterSeconds: number): MembershipError {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    return new MembershipError(
      MembershipErrorCode.TooManyRequests,
      `too many ${what}; try again in ${seconds} s`,
      [],
      seconds,
    );
  }
}
