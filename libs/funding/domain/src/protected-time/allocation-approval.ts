import { daysInclusive, type IsoDay } from '../calendar/iso-day';
import { FundingDomainError, FundingErrorCode } from '../funding.exception';
import { HOURS_STEP_MINUTES, MAX_WEEKLY_PROTECTED_MINUTES } from './allocation';

/** SUPERSEDED: replaced from its first day by a mid-period change (a change from a later day shortens it instead). */
export const ALLOCATION_STATUSES = ['PROPOSED', 'APPROVED', 'REJECTED', 'SUPERSEDED'] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];

/**
 * The weekly allocation proposed when an award is accepted: the hours the winner asked for, spread evenly over
 * the award's weeks (calendar days ÷ 7), rounded up to a quarter hour so the proposal never protects less than
 * was asked, and capped at 48 hours a week. `null` when no hours were asked for (nothing to propose).
 */
export function proposedWeeklyMinutes(requestedHours: number, from: IsoDay, to: IsoDay): number | null {
  if (!Number.isFinite(requestedHours) || requestedHours <= 0) return null;
  const days = daysInclusive(from, to);
  if (days === 0) return null;
  const perWeek = (requestedHours * 60 * 7) / days;
  const rounded = Math.ceil(perWeek / HOURS_STEP_MINUTES - 1e-9) * HOURS_STEP_MINUTES;
  return Math.min(Math.max(rounded, HOURS_STEP_MINUTES), MAX_WEEKLY_PROTECTED_MINUTES);
}

export interface AllocationApprover {
  readonly memberId: string;
  readonly isAdmin: boolean;
  /** Institutions this member is a `lead` of (lead roles are scoped to an institution). */
  readonly leadOfInstitutionIds: readonly string[];
}

/**
 * The institution releases the time, so a lead of the member's own institution approves it (or an admin). A
 * lead cannot approve their own allocation: releasing yourself from clinical work is exactly the decision the
 * approval exists to check.
 */
export function assertCanDecideAllocation(
  approver: AllocationApprover,
  allocation: {
    readonly memberId: string;
    readonly memberInstitutionId: string | null;
    readonly status: AllocationStatus;
  },
): void {
  if (allocation.status !== 'PROPOSED') {
    throw new FundingDomainError(
      FundingErrorCode.ALLOCATION_ALREADY_DECIDED,
      `This allocation is already ${allocation.status}`,
      { status: allocation.status },
    );
  }
  if (approver.isAdmin) return;
  const isLeadOfInstitution =
    allocation.memberInstitutionId !== null &&
    approver.leadOfInstitutionIds.includes(allocation.memberInstitutionId);
  if (!isLeadOfInstitution || approver.memberId === allocation.memberId) {
    throw new FundingDomainError(
      FundingErrorCode.NOT_ALLOWED_FOR_ACTOR,
      approver.memberId === allocation.memberId && isLeadOfInstitution
        ? 'A lead cannot approve their own protected time; another lead or an admin must'
        : "Only a lead of the member's institution or an admin can approve protected time",
      { memberId: allocation.memberId },
    );
  }
}
