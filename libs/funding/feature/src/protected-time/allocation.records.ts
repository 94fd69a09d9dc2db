import type { EntityManager } from 'typeorm';
import { ProtectedTimeAllocatedV1 } from '@praxis/contracts';
import { memberReplica } from '@praxis/platform/member-replica';
import { appendToOutbox } from '@praxis/platform/messaging';
import { AllocationEntity } from '@praxis/funding/data-access';
import { assertNoOverlap, type TimeUnit } from '@praxis/funding/domain';

/**
 * A PROPOSED allocation for a member on an award and its event, in the caller's transaction (which holds the
 * award's row lock, so two proposals for one member and award cannot both pass the overlap check).
 */
export async function proposeAllocation(
  manager: EntityManager,
  proposal: {
    awardId: string;
    memberId: string;
    weeklyMinutes: number;
    unit: TimeUnit;
    from: string;
    to: string;
    replacesAllocationId?: string | null;
  },
  actorId: string | null,
): Promise<AllocationEntity> {
  const existing = await manager.find(AllocationEntity, {
    where: { awardId: proposal.awardId, memberId: proposal.memberId },
  });
  assertNoOverlap(
    existing
      // rejected and superseded time is no longer protected; a change overlaps only what it replaces
      .filter(
        (allocation) =>
          (allocation.status === 'PROPOSED' || allocation.status === 'APPROVED') &&
          allocation.id !== proposal.replacesAllocationId,
      )
      .map((allocation) => ({
        id: allocation.id,
        memberId: allocation.memberId,
        awardId: allocation.awardId,
        weeklyMinutes: allocation.weeklyMinutes,
        from: allocation.fromDay,
        to: allocation.toDay,
      })),
    { memberId: proposal.memberId, awardId: proposal.awardId, from: proposal.from, to: proposal.to },
  );
  const member = await memberReplica(manager).profile(proposal.memberId);
  const allocation = await manager.save(
    manager.create(AllocationEntity, {
      awardId: proposal.awardId,
      memberId: proposal.memberId,
      institutionId: member?.institutionId ?? null,
      weeklyMinutes: proposal.weeklyMinutes,
      unit: proposal.unit,
      fromDay: proposal.from,
      toDay: proposal.to,
      status: 'PROPOSED',
      decidedBy: null,
      decidedAt: null,
      replacesAllocationId: proposal.replacesAllocationId ?? null,
    }),
  );
  await appendToOutbox(
    manager,
    ProtectedTimeAllocatedV1,
    allocation.id,
    {
      ...allocationFacts(allocation),
      replacesAllocationId: allocation.replacesAllocationId,
      allocatedAt: allocation.createdAt.toISOString(),
    },
    { actorId },
  );
  return allocation;
}

export function allocationFacts(allocation: AllocationEntity) {
  return {
    allocationId: allocation.id,
    awardId: allocation.awardId,
    memberId: allocation.memberId,
    institutionId: allocation.institutionId,
    weeklyMinutes: allocation.weeklyMinutes,
    unit: allocation.unit,
    from: allocation.fromDay,
    to: allocation.toDay,
  };
}
