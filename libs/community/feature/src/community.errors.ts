import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { GraphQLError } from 'graphql';
import { assertUnreachable, badUserInput, publicError, type FieldError } from '@praxis/platform/graphql';
import { CommunityDomainError, CommunityErrorCode } from '@praxis/community/domain';

/** Failures that belong to the service (records, access, state), not to a domain rule. */
export enum CommunityServiceErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  /** The caller's membership profile has not reached the community replica yet; retrying shortly works. */
  MEMBER_NOT_REPLICATED = 'MEMBER_NOT_REPLICATED',
  INVALID_STATE = 'INVALID_STATE',
  INVALID_INPUT = 'INVALID_INPUT',
  ALREADY_APPLIED = 'ALREADY_APPLIED',
  ALREADY_SELECTED = 'ALREADY_SELECTED',
  NAME_TAKEN = 'NAME_TAKEN',
  REFLECTION_ALREADY_SUBMITTED = 'REFLECTION_ALREADY_SUBMITTED',
  /** The token was spent but the reflection could not be stored: the member is told plainly. */
  REFLECTION_NOT_SAVED = 'REFLECTION_NOT_SAVED',
  NOT_ELIGIBLE_FOR_CERTIFICATE = 'NOT_ELIGIBLE_FOR_CERTIFICATE',
}

export class CommunityServiceError extends Error {
  constructor(
    readonly code: CommunityServiceErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'CommunityServiceError';
  }

  static notFound(what: string): CommunityServiceError {
    return new CommunityServiceError(CommunityServiceErrorCode.NOT_FOUND, `${what} not found`);
  }

  static forbidden(message: string): CommunityServiceError {
    return new CommunityServiceError(CommunityServiceErrorCode.FORBIDDEN, message);
  }

  static invalid(field: string, rule: string, message: string): CommunityServiceError {
    return new CommunityServiceError(CommunityServiceErrorCode.INVALID_INPUT, `${field}: ${message}`, [
      { field, rule, message },
    ]);
  }

  static state(message: string): CommunityServiceError {
    return new CommunityServiceError(CommunityServiceErrorCode.INVALID_STATE, message);
  }
}

/** Domain findings carry `{field, message}`; GraphQL clients get `{field, rule, message}` under `input.`. */
function domainFields(error: CommunityDomainError): FieldError[] {
  const errors = error.details.errors;
  if (Array.isArray(errors)) {
    return (errors as Array<{ field: string; message: string }>).map((entry) => ({
      field: entry.field.startsWith('input.') ? entry.field : `input.${entry.field}`,
      rule: error.code.toLowerCase(),
      message: entry.message,
    }));
  }
  return [{ field: 'input', rule: error.code.toLowerCase(), message: error.message }];
}

/** The one place community's domain errors become GraphQL errors; the switch is exhaustive. */
export function domainErrorToGraphQL(error: CommunityDomainError): GraphQLError {
  const code = error.code;
  switch (code) {
    case CommunityErrorCode.INVALID_INPUT:
    case CommunityErrorCode.SESSION_CODE_INVALID:
    case CommunityErrorCode.INVALID_REFLECTION_TOKEN:
      return badUserInput(domainFields(error), error.message);
    case CommunityErrorCode.NOT_IN_AUDIENCE:
    case CommunityErrorCode.APPLICATION_WINDOW_CLOSED:
    case CommunityErrorCode.ILLEGAL_APPLICATION_TRANSITION:
    case CommunityErrorCode.OFFER_EXPIRED:
    case CommunityErrorCode.SESSION_CODE_NOT_VALID_NOW:
    case CommunityErrorCode.ATTENDANCE_WINDOW_CLOSED:
    case CommunityErrorCode.REFLECTION_WINDOW_CLOSED:
      return publicError('FAILED_PRECONDITION', error.message, { reason: code });
    case CommunityErrorCode.NOT_AN_ATTENDEE:
      return error.details.errors === undefined
        ? publicError('FORBIDDEN', error.message, { reason: code })
        : badUserInput(domainFields(error), error.message);
    default:
      return assertUnreachable(code);
  }
}

export function serviceErrorToGraphQL(error: CommunityServiceError): GraphQLError {
  const code = error.code;
  switch (code) {
    case CommunityServiceErrorCode.NOT_FOUND:
      return publicError('NOT_FOUND', error.message);
    case CommunityServiceErrorCode.FORBIDDEN:
      return publicError('FORBIDDEN', error.message);
    case CommunityServiceErrorCode.MEMBER_NOT_REPLICATED:
      return publicError('FAILED_PRECONDITION', error.message, { reason: code, retryable: true });
    case CommunityServiceErrorCode.INVALID_STATE:
    case CommunityServiceErrorCode.NOT_ELIGIBLE_FOR_CERTIFICATE:
    case CommunityServiceErrorCode.REFLECTION_NOT_SAVED:
      return publicError('FAILED_PRECONDITION', error.message, { reason: code });
    case CommunityServiceErrorCode.ALREADY_APPLIED:
    case CommunityServiceErrorCode.ALREADY_SELECTED:
    case CommunityServiceErrorCode.NAME_TAKEN:
    case CommunityServiceErrorCode.REFLECTION_ALREADY_SUBMITTED:
      return publicError('CONFLICT', error.message, { reason: code });
    case CommunityServiceErrorCode.INVALID_INPUT:
      return badUserInput(error.fields, error.message);
    default:
      return assertUnreachable(code);
  }
}

@Catch(CommunityDomainError, CommunityServiceError)
export class CommunityErrorFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(error: CommunityDomainError | CommunityServiceError): GraphQLError {
    return error instanceof CommunityDomainError ? domainErrorToGraphQL(error) : serviceErrorToGraphQL(error);
  }
}
