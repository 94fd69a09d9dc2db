import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { GraphQLError } from 'graphql';
import { assertUnreachable, badUserInput, publicError, type FieldError } from '@praxis/platform/graphql';
import { FundingDomainError, FundingErrorCode } from '@praxis/funding/domain';

/** Domain findings carry `{field, message}`; GraphQL clients get `{field, rule, message}` under `input.`. */
function inputFields(error: FundingDomainError): FieldError[] {
  const errors = error.details.errors;
  if (!Array.isArray(errors))
    return [{ field: 'input', rule: error.code.toLowerCase(), message: error.message }];
  return (errors as Array<{ field: string; message: string }>).map((entry) => ({
    field: entry.field.startsWith('input.') ? entry.field : `input.${entry.field}`,
    rule: error.code.toLowerCase(),
    message: entry.message,
  }));
}

/**
 * The one place funding's errors become GraphQL errors, for queries, mutations, field and reference resolvers
 * alike (the filter below is global to the subgraph). The switch is exhaustive: a new code fails to compile here
 * until it is mapped.
 */
export function fundingErrorToGraphQL(error: FundingDomainError): GraphQLError {
  const code = error.code;
  switch (code) {
    case FundingErrorCode.INVALID_INPUT:
      return badUserInput(inputFields(error), error.message);
    case FundingErrorCode.UNKNOWN_CURRENCY:
    case FundingErrorCode.CURRENCY_MISMATCH:
    case FundingErrorCode.AMOUNT_OUT_OF_RANGE:
    case FundingErrorCode.ILLEGAL_AWARD_TRANSITION:
    case FundingErrorCode.FINAL_REPORT_REQUIRED:
    case FundingErrorCode.BUDGET_LINES_DO_NOT_MATCH_AWARD:
    case FundingErrorCode.BUDGET_LINE_LIMIT_EXCEEDED:
    case FundingErrorCode.FUND_LIMIT_EXCEEDED:
    case FundingErrorCode.AWARD_NOT_ACTIVE:
    case FundingErrorCode.UNKNOWN_BUDGET_LINE:
    case FundingErrorCode.ENTRY_NOT_REVERSIBLE:
    case FundingErrorCode.FUTURE_TIME_LOG:
    case FundingErrorCode.DAY_OVER_24_HOURS:
    case FundingErrorCode.TIME_LOG_LOCKED:
    case FundingErrorCode.EFFORT_PERIOD_NOT_OVER:
    case FundingErrorCode.AWARD_HAS_NO_FUND:
      // the figures (e.g. a line's budgeted, committed, paid and remaining) travel with the refusal
      return publicError('FAILED_PRECONDITION', error.message, { reason: code, details: error.details });
    case FundingErrorCode.NOT_ALLOWED_FOR_ACTOR:
      return publicError('FORBIDDEN', error.message, { reason: code });
    case FundingErrorCode.NOT_FOUND:
      return publicError('NOT_FOUND', error.message, { reason: code });
    case FundingErrorCode.ALREADY_REVERSED:
    case FundingErrorCode.OVERLAPPING_ALLOCATION:
    case FundingErrorCode.ALLOCATION_ALREADY_DECIDED:
    case FundingErrorCode.REPORT_ALREADY_SUBMITTED:
    case FundingErrorCode.EFFORT_ALREADY_CERTIFIED:
      return publicError('CONFLICT', error.message, { reason: code });
    default:
      return assertUnreachable(code);
  }
}

@Catch(FundingDomainError)
export class FundingErrorFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(error: FundingDomainError): GraphQLError {
    return fundingErrorToGraphQL(error);
  }
}
