import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { GraphQLError } from 'graphql';
import { assertUnreachable, badUserInput, publicError, type FieldError } from '@praxis/platform/graphql';
import { MentorshipDomainError, MentorshipErrorCode } from '@praxis/mentorship/domain';

/** Domain findings carry `{field, message}`; GraphQL clients get `{field, rule, message}` under `input.`. */
function domainFields(error: MentorshipDomainError): FieldError[] {
  // refusals of an argument already carry the path the client sent and their rule
  if (error.fields.length > 0) return [...error.fields];
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

/** The one place mentorship's errors become GraphQL errors; the switch is exhaustive. */
export function toGraphQLError(error: MentorshipDomainError): GraphQLError {
  const code = error.code;
  switch (code) {
    case MentorshipErrorCode.NOT_FOUND:
      return publicError('NOT_FOUND', error.message);
    case MentorshipErrorCode.FORBIDDEN:
      return publicError('FORBIDDEN', error.message);
    case MentorshipErrorCode.MEMBER_NOT_REPLICATED:
      return publicError('FAILED_PRECONDITION', error.message, { reason: code, retryable: true });
    case MentorshipErrorCode.INVALID_STATE:
      return publicError('FAILED_PRECONDITION', error.message, { reason: code });
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

@Catch(MentorshipDomainError)
export class MentorshipErrorFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(error: MentorshipDomainError): GraphQLError {
    return toGraphQLError(error);
  }
}
