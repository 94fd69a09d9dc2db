import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { GraphQLError } from 'graphql';
import { assertUnreachable, badUserInput, publicError, type FieldError } from '@praxis/platform/graphql';
import { MentorshipDomainError, MentorshipErrorCode } from '@praxis/mentorship/domain';

/** Failures that belong to the service (records, access, state), not to a domain rule. */
export enum MentorshipServiceErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  /** The caller's membership profile has not reached the local replica yet; retrying shortly works. */
  MEMBER_NOT_REPLICATED = 'MEMBER_NOT_REPLICATED',
  PROFILE_REQUIRED = 'PROFILE_REQUIRED',
  INVALID_STATE = 'INVALID_STATE',
  INVALID_INPUT = 'INVALID_INPUT',
}

export class MentorshipServiceError extends Error {
  constructor(
    readonly code: MentorshipServiceErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'MentorshipServiceError';
  }

  static notFound(what: string): MentorshipServiceError {
    return new MentorshipServiceError(MentorshipServiceErrorCode.NOT_FOUND, `${what} not found`);
  }

  static forbidden(message: string): MentorshipServiceError {
    return new MentorshipServiceError(MentorshipServiceErrorCode.FORBIDDEN, message);
  }

  static invalid(field: string, rule: string, message: string): MentorshipServiceError {
    return new MentorshipServiceError(MentorshipServiceErrorCode.INVALID_INPUT, `${field}: ${message}`, [
      { field, rule, message },
    ]);
  }

  static state(message: string): MentorshipServiceError {
    return new MentorshipServiceError(MentorshipServiceErrorCode.INVALID_STATE, message);
  }
}

/** Domain findings carry `{field, message}`; GraphQL clients get `{field, rule, message}` under `input.`. */
function domainFields(error: MentorshipDomainError): FieldError[] {
  const errors = error.details.errors;
  if (Array.isArray(errors)) {
    return (errors as Array<{ field: string; message: string }>).map((entry) => ({
      field: entry.field.startsWith('input.') ? entry.field : `input.${entry.field}`,
      rule: error.code.toLowerCase(),
      message: entry.message,
    }));
  }
  const field = typeof error.details.field === 'string' ? error.details.field : error.message.split(':')[0];
  return [{ field: `input.${field}`, rule: error.code.toLowerCase(), message: error.message }];
}

/** The one place mentorship's domain errors become GraphQL errors; the switch is exhaustive. */
export function domainErrorToGraphQL(error: MentorshipDomainError): GraphQLError {
  const code = error.code;
  switch (code) {
    case MentorshipErrorCode.INVALID_INPUT:
    case MentorshipErrorCode.INVALID_RATING:
    case MentorshipErrorCode.GROUP_SIZE:
    case MentorshipErrorCode.COACH_NOT_ELIGIBLE:
      return badUserInput(domainFields(error), error.message);
    case MentorshipErrorCode.INVALID_MATCH_WEIGHTS:
      // configuration is validated at boot; reaching here is a defect, so it stays an internal error
      return publicError('FAILED_PRECONDITION', 'match weights are misconfigured');
    case MentorshipErrorCode.MENTOR_AT_CAPACITY:
    case MentorshipErrorCode.MENTOR_PAUSED:
    case MentorshipErrorCode.NOT_A_MENTOR:
    case MentorshipErrorCode.MENTOR_NOT_ACCEPTING_REQUESTS:
    case MentorshipErrorCode.NOT_ELIGIBLE_STAGE:
    case MentorshipErrorCode.WORKSHOP_FULL:
    case MentorshipErrorCode.COACH_CANNOT_ENROL:
    case MentorshipErrorCode.SELF_MENTORING:
    case MentorshipErrorCode.WORKSHOP_STARTED:
    case MentorshipErrorCode.MENTOR_ON_TEAM:
      return publicError('FAILED_PRECONDITION', error.message, { reason: code });
    case MentorshipErrorCode.ALREADY_MENTORING:
    case MentorshipErrorCode.FEEDBACK_ALREADY_GIVEN:
    case MentorshipErrorCode.ALREADY_GROUP_MEMBER:
    case MentorshipErrorCode.SESSION_ALREADY_RATED:
    case MentorshipErrorCode.NEXT_STEP_ALREADY_DONE:
    case MentorshipErrorCode.ALREADY_ENROLLED:
      return publicError('CONFLICT', error.message, { reason: code });
    case MentorshipErrorCode.NOT_A_PARTICIPANT:
    case MentorshipErrorCode.NOT_GROUP_MEMBER:
    case MentorshipErrorCode.NOT_AN_ATTENDEE:
    case MentorshipErrorCode.NEXT_STEP_NOT_OWNER:
    case MentorshipErrorCode.NOT_ENROLLED:
      return publicError('FORBIDDEN', error.message, { reason: code });
    default:
      return assertUnreachable(code);
  }
}

export function serviceErrorToGraphQL(error: MentorshipServiceError): GraphQLError {
  const code = error.code;
  switch (code) {
    case MentorshipServiceErrorCode.NOT_FOUND:
      return publicError('NOT_FOUND', error.message);
    case MentorshipServiceErrorCode.FORBIDDEN:
      return publicError('FORBIDDEN', error.message);
    case MentorshipServiceErrorCode.MEMBER_NOT_REPLICATED:
      return publicError('FAILED_PRECONDITION', error.message, { reason: code, retryable: true });
    case MentorshipServiceErrorCode.PROFILE_REQUIRED:
    case MentorshipServiceErrorCode.INVALID_STATE:
      return publicError('FAILED_PRECONDITION', error.message, { reason: code });
    case MentorshipServiceErrorCode.INVALID_INPUT:
      return badUserInput(error.fields, error.message);
    default:
      return assertUnreachable(code);
  }
}

@Catch(MentorshipDomainError, MentorshipServiceError)
export class MentorshipErrorFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(error: MentorshipDomainError | MentorshipServiceError): GraphQLError {
    return error instanceof MentorshipDomainError
      ? domainErrorToGraphQL(error)
      : serviceErrorToGraphQL(error);
  }
}
