import type { ConflictOfInterest } from './conflicts';
import { ProposalsDomainError, ProposalsErrorCode } from './proposals.exception';

export interface ManualAssignmentRequest {
  readonly entryId: string;
  readonly judgeId: string;
  /** Judges currently assigned to the entry, started or not. */
  readonly currentJudgeIds: readonly string[];
  /** Reviews the judge currently holds in this competition. */
  readonly judgeLoad: number;
  /** The judge's cap, or null when uncapped. */
  readonly judgeMaxLoad: number | null;
  /** Conflicts between this judge and this entry, e.g. from `findConflicts`. */
  readonly conflicts: readonly ConflictOfInterest[];
}

export interface ManualAssignmentViolation {
  readonly code:
    | ProposalsErrorCode.DUPLICATE_ASSIGNMENT
    | ProposalsErrorCode.CONFLICT_OF_INTEREST
    | ProposalsErrorCode.LOAD_CAP_EXCEEDED;
  readonly message: string;
}

/** Every reason an organiser cannot add this judge to this entry by hand; empty when allowed. */
export function checkManualAssignment(request: ManualAssignmentRequest): ManualAssignmentViolation[] {
  const violations: ManualAssignmentViolation[] = [];
  if (request.currentJudgeIds.includes(request.judgeId)) {
    violations.push({
      code: ProposalsErrorCode.DUPLICATE_ASSIGNMENT,
      message: `Judge "${request.judgeId}" is already assigned to entry "${request.entryId}".`,
    });
  }
  if (request.conflicts.length > 0) {
    violations.push({
      code: ProposalsErrorCode.CONFLICT_OF_INTEREST,
      message: `Judge "${request.judgeId}" has a conflict of interest with entry "${request.entryId}": ${request.conflicts
        .map((conflict) => conflict.reason)
        .join(' ')}`,
    });
  }
  if (request.judgeMaxLoad !== null && request.judgeLoad + 1 > request.judgeMaxLoad) {
    violations.push({
      code: ProposalsErrorCode.LOAD_CAP_EXCEEDED,
      message: `Judge "${request.judgeId}" already has ${request.judgeLoad} reviews; their load cap is ${request.judgeMaxLoad}.`,
    });
  }
  return violations;
}

/** Throws the first violation's code (duplicate, then conflict, then load cap); `details.violations` has all. */
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
