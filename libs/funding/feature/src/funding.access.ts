import { isAdmin, leadInstitutions, type Principal } from '@praxis/platform/auth';
import type { AwardEntity } from '@praxis/funding/data-access';
import { FundingDomainError, FundingErrorCode } from '@praxis/funding/domain';

/**
 * Who sees an award, per record (issue 9, "Who sees what"): admins every award; its principal investigator and
 * team; its supervisor; leads of an institution on the award. Roles come from the member replica (the principal
 * source), so a revoked lead or admin stops seeing at once.
 */
export function canSeeAward(principal: Principal, award: AwardEntity): boolean {
  if (isAdmin(principal)) return true;
  if (award.principalInvestigatorId === principal.memberId) return true;
  if (award.teamMemberIds.includes(principal.memberId)) return true;
  if (award.supervisorId === principal.memberId) return true;
  const leads = leadInstitutions(principal);
  return award.institutionIds.some((institutionId) => leads.includes(institutionId));
}

/** The same rule as SQL over the `award` alias `a`, for lists; parameters are named so they compose. */
export function visibleAwardsClause(principal: Principal): { sql: string; params: Record<string, unknown> } {
  if (isAdmin(principal)) return { sql: 'TRUE', params: {} };
  return {
    sql: `(a.principal_investigator_id = :viewer OR :viewer = ANY(a.team_member_ids) OR a.supervisor_id = :viewer
           OR a.institution_ids && CAST(:leadOf AS uuid[]))`,
    params: { viewer: principal.memberId, leadOf: leadInstitutions(principal) },
  };
}

/** Refuses alike a record that does not exist and one the caller may not see, so ids leak nothing. */
export function notFound(what: string): FundingDomainError {
  return new FundingDomainError(FundingErrorCode.NOT_FOUND, `${what} not found`);
}

export function forbidden(message: string): FundingDomainError {
  return new FundingDomainError(FundingErrorCode.NOT_ALLOWED_FOR_ACTOR, message);
}
