import type { ConflictOfInterest } from './conflicts';
import { ProposalsDomainError, ProposalsErrorCode } from './proposals.exception';

/**
 * Why a judge of the pool cannot be given an entry by hand: the rule a refusal names (`fields[].rule` of the
 * error, and what a judge picker shows beside a judge it does not offer).
 */
export enum HandAssignmentRule {
  /** In the pool, but no longer holding the judge role (automatic assignment skips them too). */
  NO_JUDGE_ROLE = 'NO_JUDGE_ROLE',
  ALREADY_ASSIGNED = 'ALREADY_ASSIGNED',
  /** Any conflict of interest `findConflicts` finds: on the team, same institution, declared or named. */
  CONFLICT_OF_INTEREST = 'CONFLICT_OF_INTEREST',
  LOAD_CAP_REACHED = 'LOAD_CAP_REACHED',
}

export interface ManualAssignmentRequest {
  readonly entryId: string;
  readonly judgeId: string;
  /** Whether the judge still holds the judge role (the member replica says so). */
  readonly holdsJudgeRole: boolean;
  /** Judges currently assigned to the entry, started or not. */
  readonly currentJudgeIds: readonly string[];
  /** Reviews the judge currently holds in this competition. */
  readonly judgeLoad: number;
  /** The judge's cap, or null when uncapped. */
  readonly judgeMaxLoad: number | null;
  /** Conflicts between this judge and this entry, from `findConflicts` (the one rule every path applies). */
  readonly conflicts: readonly ConflictOfInterest[];
}

export interface ManualAssignmentViolation {
  readonly code:
    | ProposalsErrorCode.INVALID_INPUT
    | ProposalsErrorCode.DUPLICATE_ASSIGNMENT
    | ProposalsErrorCode.CONFLICT_OF_INTEREST
    | ProposalsErrorCode.LOAD_CAP_EXCEEDED;
  readonly rule: HandAssignmentRule;
  readonly message: string;
}

/**
 * Every reason an organiser cannot add this judge to this entry by hand; empty when allowed. The server's refusal
 * and the judge picker both come from here, so the picker never offers a judge the server would refuse.
 */
export function checkManualAssignment(request: ManualAssignmentRequest): ManualAssignmentViolation[] {
  const violations: ManualAssignmentViolation[] = [];
  if (!request.holdsJudgeRole) {
    violations.push({
      code: ProposalsErrorCode.INVALID_INPUT,
      rule: HandAssignmentRule.NO_JUDGE_ROLE,
      message: `Judge "${request.judgeId}" no longer holds the judge role.`,
    });
  }
  if (request.currentJudgeIds.includes(request.judgeId)) {
    violations.push({
      code: ProposalsErrorCode.DUPLICATE_ASSIGNMENT,
      rule: HandAssignmentRule.ALREADY_ASSIGNED,
      message: `Judge "${request.judgeId}" is already assigned to entry "${request.entryId}".`,
    });
  }
  if (request.conflicts.length > 0) {
    violations.push({
      code: ProposalsErrorCode.CONFLICT_OF_INTEREST,
      rule: HandAssignmentRule.CONFLICT_OF_INTEREST,
      message: `Judge "${request.judgeId}" has a conflict of interest with entry "${request.entryId}": ${request.conflicts
        .map((conflict) => conflict.reason)
        .join(' ')}`,
    });
  }
  if (request.judgeMaxLoad !== null && request.judgeLoad + 1 > request.judgeMaxLoad) {
    violations.push({
      code: ProposalsErrorCode.LOAD_CAP_EXCEEDED,
      rule: HandAssignmentRule.LOAD_CAP_REACHED,
      message: `Judge "${request.judgeId}" already has ${request.judgeLoad} reviews; their load cap is ${request.judgeMaxLoad}.`,
    });
  }
  return violations;
}

/**
 * Throws the first violation's code (role, duplicate, conflict, then load cap); `details.violations` has all, and
 * `details.fields` names `judgeId` with each violation's rule.
 */
export function assertCanAssign(request: ManualAssignmentRequest): void {
  const violations = checkManualAssignment(request);
  if (violations.length > 0) {
    throw new ProposalsDomainError(
      violations[0].code,
      violations.map((violation) => violation.message).join(' '),
      {
        entryId: request.entryId,
        judgeId: request.judgeId,
        violations,
        conflicts: request.conflicts,
        fields: violations.map((violation) => ({
          field: 'judgeId',
          rule: violation.rule,
          message: violation.message,
        })),
      },
    );
  }
}

export interface ManualUnassignmentRequest {
  readonly entryId: string;
  readonly judgeId: string;
  readonly currentJudgeIds: readonly string[];
  /** Whether the judge has started (saved any score for) this review. */
  readonly reviewStarted: boolean;
  /**
   * Started work is lost on unassignment, so it needs an explicit decision (e.g. a conflict surfaced
   * mid-review).
   */
  readonly discardStartedReview?: boolean;
}

export function assertCanUnassign(request: ManualUnassignmentRequest): void {
  if (!request.currentJudgeIds.includes(request.judgeId)) {
    throw new ProposalsDomainError(
      ProposalsErrorCode.ASSIGNMENT_NOT_FOUND,
      `Judge "${request.judgeId}" is not assigned to entry "${request.entryId}".`,
      { entryId: request.entryId, judgeId: request.judgeId },
    );
  }
  if (request.reviewStarted && request.discardStartedReview !== true) {
    throw new ProposalsDomainError(
      ProposalsErrorCode.REVIEW_ALREADY_STARTED,
      `Judge "${request.judgeId}" has already started reviewing entry "${request.entryId}"; confirm discarding the started review to unassign them.`,
      { entryId: request.entryId, judgeId: request.judgeId },
    );
  }
}
