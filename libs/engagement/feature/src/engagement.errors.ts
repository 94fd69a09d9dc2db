import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { GraphQLError } from 'graphql';
import { assertUnreachable, badUserInput, publicError, type FieldError } from '@praxis/platform/graphql';
import { EngagementDomainError, EngagementErrorCode } from '@praxis/engagement/domain';

/** The one place engagement's errors become GraphQL errors; the switch is exhaustive. */
export function engagementErrorToGraphQL(error: EngagementDomainError): GraphQLError {
  const code = error.code;
  switch (code) {
    case EngagementErrorCode.INVALID_INPUT: {
      const errors = (error.details.errors ?? []) as FieldError[];
      return badUserInput(
        errors.map((entry) => ({ ...entry, field: `input.${entry.field}` })),
        error.message,
      );
    }
    case EngagementErrorCode.FORBIDDEN_SCOPE:
      return publicError('FORBIDDEN', error.message);
    case EngagementErrorCode.NOT_FOUND:
      return publicError('NOT_FOUND', error.message);
    case EngagementErrorCode.INVALID_CONFIGURATION:
      // validated at boot; reaching here is a defect
      return publicError('FAILED_PRECONDITION', 'engagement is misconfigured');
    default:
      return assertUnreachable(code);
  }
}

@Catch(EngagementDomainError)
export class EngagementErrorFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(error: EngagementDomainError): GraphQLError {
    return engagementErrorToGraphQL(error);
  }
}
