import type { EntityManager } from 'typeorm';
import {
  AwardAcceptedV1,
  AwardActivatedV1,
  AwardClosedV1,
  AwardDeclinedV1,
  AwardOfferedV1,
  type PayloadOf,
} from '@praxis/contracts';
import { memberReplica } from '@praxis/platform/member-replica';
import { appendToOutbox } from '@praxis/platform/messaging';
import type { AwardEntity } from '@praxis/funding/data-access';
import type { AwardAction } from '@praxis/funding/domain';

/** The facts every award event carries (see the contracts): who, where from, how much, when. */
export async function awardFacts(manager: EntityManager, award: AwardEntity, at: Date) {
  const pi = await memberReplica(manager).profile(award.principalInvestigatorId);
  return {
    awardId: award.id,
    principalInvestigatorId: award.principalInvestigatorId,
    teamMemberIds: award.teamMemberIds,
    institutionIds: award.institutionIds,
    institutionId: pi?.institutionId ?? award.institutionIds[0] ?? null,
    fundId: award.fundId,
    competitionId: award.competitionId,
    proposalId: award.proposalId,
    amount: { amountMinor: award.amountMinor, currency: award.currency },
    startsOn: award.startsOn,
    endsOn: award.endsOn,
    at: at.toISOString(),
  };
}

export async function publishAwardOffered(
  manager: EntityManager,
  award: AwardEntity,
  actorId: string | null,
  meta: { correlationId?: string; causationId?: string | null } = {},
): Promise<void> {
  const payload: PayloadOf<typeof AwardOfferedV1> = {
    ...(await awardFacts(manager, award, award.createdAt)),
    requested:
      award.requestedMinor === null ? null : { amountMinor: award.requestedMinor, currency: award.currency },
    cappedReason: award.cappedReason,
    requestedHours: award.requestedHours,
  };
  await appendToOutbox(manager, AwardOfferedV1, award.id, payload, { actorId, ...meta });
}

/** The event of a status change, with what that change adds (the closed award's spend). */
export async function publishAwardTransition(
  manager: EntityManager,
  award: AwardEntity,
  action: AwardAction,
  actorId: string,
  at: Date,
  paidMinor: number,
): Promise<void> {
  const facts = await awardFacts(manager, award, at);
  switch (action) {
    case 'ACCEPT':
      await appendToOutbox(manager, AwardAcceptedV1, award.id, facts, { actorId });
      return;
    case 'DECLINE':
      await appendToOutbox(manager, AwardDeclinedV1, award.id, facts, { actorId });
      return;
    case 'ACTIVATE':
      await appendToOutbox(manager, AwardActivatedV1, award.id, facts, { actorId });
      return;
    case 'CLOSE':
    case 'CANCEL':
      await appendToOutbox(
        manager,
        AwardClosedV1,
        award.id,
        {
          ...facts,
          outcome: action === 'CLOSE' ? 'CLOSED' : 'CANCELLED',
          paid: { amountMinor: paidMinor, currency: award.currency },
        },
        { actorId },
      );
      return;
  }
}
