import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { GraphQLError } from 'graphql';
import { assertUnreachable, badUserInput, publicError, type FieldError } from '@praxis/platform/graphql';
import { ProposalsDomainError, ProposalsErrorCode, type ValidationProblem } from '@praxis/proposals/domain';

/** Domain problems name fields relative to the input object (`criteria[1].weight`); clients see `input.…`. */
function problemFields(details: Record<string, unknown>, prefix = 'input'): FieldError[] {
  const problems = (details.problems ?? []) as ValidationProblem[];
  return problems.map((problem) => ({
    field: `${prefix}.${problem.field}`,
    rule: problem.rule,
    message: problem.message,
  }));
}

/** The one place proposals' codes become GraphQL errors; the switch is exhaustive. */
export function toGraphQLError(error: ProposalsDomainError): GraphQLError {
  const code = error.code;
  const details = { ...error.details };
  switch (code) {
    case ProposalsErrorCode.INVALID_INPUT:
      return badUserInput([...error.fields], error.message);
    case ProposalsErrorCode.NOT_FOUND:
      return publicError('NOT_FOUND', error.message);
    case ProposalsErrorCode.FORBIDDEN:
      return publicError('FORBIDDEN', error.message);
    case ProposalsErrorCode.WRONG_STATE:
    case ProposalsErrorCode.REVIEWS_INCOMPLETE:
      return publicError('FAILED_PRECONDITION', error.message, { reason: code, ...details });
    case ProposalsErrorCode.INVALID_COMPETITION_DATES:
    case ProposalsErrorCode.INVALID_RUBRIC:
    case ProposalsErrorCode.SCORE_OUT_OF_RANGE:
    case ProposalsErrorCode.SCORE_NOT_INTEGER:
    case ProposalsErrorCode.MISSING_CRITERION_SCORE:
    case ProposalsErrorCode.UNKNOWN_CRITERION:
    case ProposalsErrorCode.DUPLICATE_CRITERION_SCORE:
    case ProposalsErrorCode.INVALID_SCORE_SHEET:
      return publicError('BAD_USER_INPUT', error.message, {
        reason: code,
        fields: problemFields(details),
      });
    case ProposalsErrorCode.INVALID_REVIEW_REASON:
      // a mutation argument, not a field of an input object
      return publicError('BAD_USER_INPUT', error.message, {
        reason: code,
        fields: ((details.problems ?? []) as ValidationProblem[]).map(({ field, rule, message }) => ({
          field,
          rule,
          message,
        })),
      });
    case ProposalsErrorCode.NOT_A_NAMED_CONFLICT:
      return publicError('FAILED_PRECONDITION', error.message, { reason: code });
    case ProposalsErrorCode.INVITATION_NOT_FOUND:
      return publicError('NOT_FOUND', error.message, { reason: code });
    case ProposalsErrorCode.INVITATION_ALREADY_ANSWERED:
    case ProposalsErrorCode.NAMED_CONFLICT_ALREADY_REVIEWED:
      return publicError('CONFLICT', error.message, { reason: code, status: details.status });
    case ProposalsErrorCode.ILLEGAL_PHASE_TRANSITION:
      return publicError('FAILED_PRECONDITION', error.message, {
        reason: code,
        rule: details.rule,
        from: details.from,
        to: details.to,
      });
    case ProposalsErrorCode.NOT_ELIGIBLE:
      return publicError('FAILED_PRECONDITION', error.message, { reason: code, failures: details.failures });
    case ProposalsErrorCode.ASSIGNMENT_INFEASIBLE:
      return publicError('FAILED_PRECONDITION', error.message, {
        reason: code,
        additionalJudgesNeeded: details.additionalJudgesNeeded,
        missingReviews: details.missingReviews,
        capacityShortfall: details.capacityShortfall,
        shortEntries: details.shortEntries,
      });
    case ProposalsErrorCode.INVALID_ASSIGNMENT_INPUT:
    case ProposalsErrorCode.INVALID_RANKING_INPUT:
      return publicError('FAILED_PRECONDITION', error.message, { reason: code });
    case ProposalsErrorCode.RESULTS_FROZEN:
      return publicError('FAILED_PRECONDITION', error.message, { reason: code, phase: details.phase });
    case ProposalsErrorCode.CONFLICT_OF_INTEREST:
    case ProposalsErrorCode.LOAD_CAP_EXCEEDED:
    case ProposalsErrorCode.DUPLICATE_ASSIGNMENT:
    case ProposalsErrorCode.REVIEW_ALREADY_STARTED:
      // `fields` names `judgeId` with the rule of each refusal (a HandAssignmentRule) where a hand assignment failed
      return publicError('CONFLICT', error.message, {
        reason: code,
        violations: details.violations,
        fields: details.fields,
      });
    case ProposalsErrorCode.ASSIGNMENT_NOT_FOUND:
      return publicError('NOT_FOUND', error.message, { reason: code });
    default:
      return assertUnreachable(code);
  }
}

@Catch(ProposalsDomainError)
export class ProposalsErrorFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(error: ProposalsDomainError): GraphQLError {
    return toGraphQLError(error);
  }
}
