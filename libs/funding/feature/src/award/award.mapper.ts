import { isAdmin, type Principal } from '@praxis/platform/auth';
import { toMoneyObject } from '@praxis/platform/graphql';
import type { AwardEntity, AwardTransitionEntity } from '@praxis/funding/data-access';
import { actionsAvailable, money, type BudgetLine } from '@praxis/funding/domain';
import { memberRef } from '../funding.refs';
import type { AwardObject, AwardTransitionObject } from './award.objects';

export function toAwardObject(
  award: AwardEntity,
  lines: readonly BudgetLine[],
  viewer: Principal,
): AwardObject {
  const amount = money(award.amountMinor, award.currency);
  return {
    id: award.id,
    title: award.title,
    status: award.status,
    amount: toMoneyObject(amount),
    requested:
      award.requestedMinor === null
        ? null
        : toMoneyObject({ amountMinor: award.requestedMinor, currency: award.currency }),
    cappedReason: award.cappedReason,
    requestedHours: award.requestedHours,
    fundId: award.fundId,
    principalInvestigator: memberRef(award.principalInvestigatorId),
    team: award.teamMemberIds.map(memberRef),
    supervisor: award.supervisorId === null ? null : memberRef(award.supervisorId),
    competitionId: award.competitionId,
    proposalId: award.proposalId,
    startsOn: award.startsOn,
    endsOn: award.endsOn,
    budgetLines: lines.map((line) => ({ category: line.category, budgeted: toMoneyObject(line.budgeted) })),
    availableActions: actionsAvailable(
      {
        id: award.id,
        status: award.status,
        principalInvestigatorId: award.principalInvestigatorId,
        amount,
        budgetLines: lines,
        finalReportSubmitted: award.finalReportSubmitted,
      },
      { memberId: viewer.memberId, isAdmin: isAdmin(viewer) },
    ),
    finalReportSubmitted: award.finalReportSubmitted,
  };
}

export function toTransitionObject(row: AwardTransitionEntity): AwardTransitionObject {
  return {
    action: row.action,
    from: row.fromStatus,
    to: row.toStatus,
    by: row.by === null ? null : memberRef(row.by),
    at: row.at,
    reason: row.reason,
  };
}
