import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { GraphQLError } from 'graphql';
import { assertUnreachable, badUserInput, publicError, type FieldError } from '@praxis/platform/graphql';
import { CommunityDomainError, CommunityErrorCode } from '@praxis/community/domain';

/**
 * Domain findings carry `{field, message}` of the input object; GraphQL clients get `{field, rule, message}`
 * under `input.`. Service refusals name the field as the client sent it already.
 */
function domainFields(error: CommunityDomainError): FieldError[] {
  if (error.fields.length > 0) return [...error.fields];
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

/** The one place community's errors become GraphQL errors; the switch is exhaustive. */
export function toGraphQLError(error: CommunityDomainError): GraphQLError {
  const code = error.code;
  switch (code) {
    case CommunityErrorCode.INVALID_INPUT:
    case CommunityErrorCode.SESSION_CODE_INVALID:
    case CommunityErrorCode.INVALID_REFLECTION_TOKEN:
      return badUserInput(domainFields(error), error.message);
    case CommunityErrorCode.NOT_FOUND:
      return publicError('NOT_FOUND', error.message);
    case CommunityErrorCode.FORBIDDEN:
      return publicError('FORBIDDEN', error.message);
    case CommunityErrorCode.MEMBER_NOT_REPLICATED:
      return publicError('FAILED_PRECONDITION', error.message, { reason: code, retryable: true });
    case CommunityErrorCode.INVALID_STATE:
    case CommunityErrorCode.NOT_ELIGIBLE_FOR_CERTIFICATE:
    case CommunityErrorCode.REFLECTION_NOT_SAVED:
    case CommunityErrorCode.NOT_IN_AUDIENCE:
    case CommunityErrorCode.APPLICATION_WINDOW_CLOSED:
    case CommunityErrorCode.ILLEGAL_APPLICATION_TRANSITION:
    case CommunityErrorCode.OFFER_EXPIRED:
    case CommunityErrorCode.SESSION_CODE_NOT_VALID_NOW:
    case CommunityErrorCode.ATTENDANCE_WINDOW_CLOSED:
    case CommunityErrorCode.REFLECTION_WINDOW_CLOSED:
      return publicError('FAILED_PRECONDITION', error.message, { reason: code });
    case CommunityErrorCode.ALREADY_APPLIED:
    case CommunityErrorCode.ALREADY_SELECTED:
    case CommunityErrorCode.NAME_TAKEN:
    case CommunityErrorCode.REFLECTION_ALREADY_SUBMITTED:
      return publicError('CONFLICT', error.message, { reason: code });
    case CommunityErrorCode.NOT_AN_ATTENDEE:
      return error.details.errors === undefined
        ? publicError('FORBIDDEN', error.message, { reason: code })
        : badUserInput(domainFields(error), error.message);
    default:
      return assertUnreachable(code);
  }
}

@Catch(CommunityDomainError)
export class CommunityErrorFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(error: CommunityDomainError): GraphQLError {
    return toGraphQLError(error);
  }
}
