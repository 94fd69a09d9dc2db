import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { GraphQLError } from 'graphql';
import { assertUnreachable, badUserInput, publicError } from '@praxis/platform/graphql';
import { MembershipError, MembershipErrorCode } from '@praxis/membership/domain';

/** The one place membership's domain errors become GraphQL errors; the switch is exhaustive. */
export function toGraphQLError(error: MembershipError): GraphQLError {
  const code = error.code;
  switch (code) {
    case MembershipErrorCode.InvalidInput:
    case MembershipErrorCode.EmailUnavailable:
    case MembershipErrorCode.LeadNeedsInstitution:
    case MembershipErrorCode.InstitutionNotFound:
    case MembershipErrorCode.RoleNotHeld:
      return badUserInput(error.fields, error.message);
    case MembershipErrorCode.InstitutionExists:
      return publicError('CONFLICT', error.message, { fields: error.fields });
    case MembershipErrorCode.InvalidCredentials:
    case MembershipErrorCode.SessionEnded:
      return publicError('UNAUTHENTICATED', error.message);
    case MembershipErrorCode.TooManyRequests:
      return publicError('TOO_MANY_REQUESTS', error.message, { retryAfterSeconds: error.retryAfterSeconds });
    case MembershipErrorCode.MemberNotFound:
    case MembershipErrorCode.ProfileChangeNotFound:
      return publicError('NOT_FOUND', error.message);
    case MembershipErrorCode.ProfileChangeDecided:
      return publicError('FAILED_PRECONDITION', error.message);
    case MembershipErrorCode.NotAllowed:
      return publicError('FORBIDDEN', error.message);
    default:
      return assertUnreachable(code);
  }
}

@Catch(MembershipError)
export class MembershipErrorFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(error: MembershipError): GraphQLError {
    return toGraphQLError(error);
  }
}
