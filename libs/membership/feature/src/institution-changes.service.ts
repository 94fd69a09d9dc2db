import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { MemberProfileUpdatedV1 } from '@praxis/contracts';
import { isAdmin, leadInstitutions, type Principal } from '@praxis/platform/auth';
import { isPlainText } from '@praxis/platform/graphql';
import { appendToOutbox } from '@praxis/platform/messaging';
import { InstitutionChangeEntity, MemberEntity } from '@praxis/membership/data-access';
import { MembershipError, MembershipErrorCode } from '@praxis/membership/domain';

/** The public profile as member events carry it: a full snapshot, the newest by sequence wins downstream. */
export async function appendProfileUpdated(
  manager: EntityManager,
  member: MemberEntity,
  changedFields: string[],
): Promise<void> {
  await appendToOutbox(manager, MemberProfileUpdatedV1, member.id, {
    memberId: member.id,
    displayName: member.displayName,
    careerStage: member.careerStage,
    institutionId: member.institutionId,
    specialty: member.specialty,
    interests: member.interests,
    changedFields,
  });
}

const MAX_LISTED = 200;

/**
 * Institution decides eligibility, conflicts of interest and which lead sees a member's private fields, so a
 * member cannot just declare another one: the request waits for a lead of the new institution (or an admin).
 * Until then nothing changes, here or in any other service (no event); the confirmation changes the member and
 * publishes their profile in one transaction. Every request stays as history.
 */
@Injectable()
export class InstitutionChangesService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Called with the member row locked: asks to move to `toInstitutionId` (replacing a pending request), or
   * withdraws the pending request when the member names the institution they already have.
   */
  async request(manager: EntityManager, member: MemberEntity, toInstitutionId: string): Promise<void> {
    const pending = await manager.findOneBy(InstitutionChangeEntity, {
      memberId: member.id,
      status: 'PENDING',
    });
    if (pending?.toInstitutionId === toInstitutionId) return;
    if (pending) {
      await manager.update(
        InstitutionChangeEntity,
        { id: pending.id },
        { status: 'WITHDRAWN', decidedAt: new Date(), decidedBy: member.id },
      );
    }
    if (toInstitutionId === member.institutionId) return;
    await manager.insert(InstitutionChangeEntity, {
      memberId: member.id,
      fromInstitutionId: member.institutionId,
      toInstitutionId,
    });
  }

  /** Newest first: the member's requests and what became of them. */
  async history(memberId: string): Promise<InstitutionChangeEntity[]> {
    return this.dataSource.getRepository(InstitutionChangeEntity).find({
      where: { memberId },
      order: { requestedAt: 'DESC', id: 'DESC' },
      take: MAX_LISTED,
    });
  }

  /** Pending requests the caller may decide: an admin's are all of them, a lead's those into their institutions. */
  async toConfirm(decider: Principal): Promise<InstitutionChangeEntity[]> {
    const where = isAdmin(decider)
      ? { status: 'PENDING' as const }
      : { status: 'PENDING' as const, toInstitutionId: In(leadInstitutions(decider)) };
    return this.dataSource.getRepository(InstitutionChangeEntity).find({
      where,
      order: { requestedAt: 'ASC', id: 'ASC' },
      take: MAX_LISTED,
    });
  }

  async confirm(changeId: string, decider: Principal): Promise<InstitutionChangeEntity> {
    return this.decide(changeId, decider, async (manager, change) => {
      const member = await manager.findOne(MemberEntity, {
        where: { id: change.memberId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!member) throw new MembershipError(MembershipErrorCode.MemberNotFound, 'member not found');
      member.institutionId = change.toInstitutionId;
      await manager.save(member);
      await appendProfileUpdated(manager, member, ['institutionId']);
      return { status: 'CONFIRMED', reason: null };
    });
  }

  async reject(changeId: string, decider: Principal, reason: string): Promise<InstitutionChangeEntity> {
    const trimmed = reason.trim();
    if (!trimmed || trimmed.length > 500 || !isPlainText(trimmed)) {
      throw MembershipError.invalid([
        { field: 'reason', rule: 'reason', message: 'must be 1 to 500 characters of plain text' },
      ]);
    }
    return this.decide(changeId, decider, async () => ({ status: 'REJECTED', reason: trimmed }));
  }

  /** One decision per request: the row is locked, so of two deciders at once the second finds it decided. */
  private async decide(
    changeId: string,
    decider: Principal,
    effect: (
      manager: EntityManager,
      change: InstitutionChangeEntity,
    ) => Promise<{ status: 'CONFIRMED' | 'REJECTED'; reason: string | null }>,
  ): Promise<InstitutionChangeEntity> {
    return this.dataSource.transaction(async (manager) => {
      const change = await manager.findOne(InstitutionChangeEntity, {
        where: { id: changeId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!change) {
        throw new MembershipError(
          MembershipErrorCode.InstitutionChangeNotFound,
          'institution change not found',
        );
      }
      const mayDecide =
        isAdmin(decider) ||
        (decider.memberId !== change.memberId && leadInstitutions(decider).includes(change.toInstitutionId));
      if (!mayDecide) {
        throw new MembershipError(
          MembershipErrorCode.NotAllowed,
          'only a lead of the institution the member is moving to, or an admin, decides this change',
        );
      }
      if (change.status !== 'PENDING') {
        throw new MembershipError(
          MembershipErrorCode.InstitutionChangeDecided,
          `this change is already ${change.status.toLowerCase()}`,
        );
      }
      const outcome = await effect(manager, change);
      Object.assign(change, outcome, { decidedBy: decider.memberId, decidedAt: new Date() });
      await manager.save(change);
      return change;
    });
  }
}
