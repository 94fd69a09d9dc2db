import { Injectable } from '@nestjs/common';
import {
  DataSource,
  In,
  Raw,
  type EntityManager,
  type EntityTarget,
  type FindOptionsOrder,
  type FindOptionsWhere,
} from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { MemberProfileUpdatedV1, type CareerStage } from '@praxis/contracts';
import { isAdmin, leadInstitutions, type Principal } from '@praxis/platform/auth';
import { isPlainText, paginate, type Connection, type PageRequest } from '@praxis/platform/graphql';
import { appendToOutbox } from '@praxis/platform/messaging';
import {
  CareerStageChangeEntity,
  InstitutionChangeEntity,
  MemberEntity,
  RegistrationConfirmationEntity,
  type ProfileChangeRecord,
} from '@praxis/membership/data-access';
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
    institutionConfirmed: member.institutionConfirmed,
    careerStageConfirmed: member.careerStageConfirmed,
    changedFields,
  });
}

const MAX_LISTED = 200;

/** A pending confirmation of the member's institution and stage as they are now, unless one is pending already. */
async function openRegistrationConfirmation(manager: EntityManager, member: MemberEntity): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(RegistrationConfirmationEntity)
    .values({ memberId: member.id, institutionId: member.institutionId, careerStage: member.careerStage })
    .orIgnore()
    .execute();
}

/** Pending requests of members of these institutions, not the lead's own: a lead decides for their people. */
function membersOfInstitutions(
  institutionIds: string[],
  leadId: string,
): FindOptionsWhere<ProfileChangeRecord> {
  return {
    memberId: Raw(
      (column) =>
        `${column} IN (SELECT id FROM member WHERE institution_id = ANY(CAST(:institutionIds AS uuid[]))) AND ${column} <> :leadId`,
      { institutionIds, leadId },
    ),
  };
}

/**
 * Requests about a member that a lead of the right institution or an admin decides, once: listing them for the
 * deciders, confirming or rejecting with a reason, and the history. Subclasses say what a confirmation changes
 * and whose leads decide.
 */
@Injectable()
abstract class DecidedRequests<E extends ProfileChangeRecord> {
  protected abstract readonly entity: EntityTarget<E>;
  /** Who may decide, for the refusal's message. */
  protected abstract readonly deciders: string;
  /** The institution whose leads decide, read with the member locked. */
  protected abstract decidingInstitution(change: E, member: MemberEntity): string;
  /** Pending requests a lead of these institutions (not the member themself) decides. */
  protected abstract pendingForLeads(institutionIds: string[], leadId: string): FindOptionsWhere<E>;
  /** What confirming changes, with the member and the request locked: the member, and its event. */
  protected abstract applyConfirmation(
    manager: EntityManager,
    change: E,
    member: MemberEntity,
  ): Promise<void>;

  constructor(protected readonly dataSource: DataSource) {}

  /**
   * Each of these members' requests and what became of them, newest first, at most `max` a member: one query for
   * a page of members (ranked per member by a window function, so the cap holds per member, not for the page).
   */
  async historyOf(memberIds: readonly string[], max: number = MAX_LISTED): Promise<E[]> {
    if (memberIds.length === 0) return [];
    const repository = this.dataSource.getRepository(this.entity);
    const ranked = repository
      .createQueryBuilder('ranked')
      .select('ranked.id', 'id')
      .addSelect(
        'row_number() OVER (PARTITION BY ranked.member_id ORDER BY ranked.requested_at DESC, ranked.id DESC)',
        'newest_rank',
      )
      .where('ranked.member_id = ANY(CAST(:memberIds AS uuid[]))', { memberIds: [...memberIds] });
    return repository
      .createQueryBuilder('request')
      .innerJoin(
        `(${ranked.getQuery()})`,
        'newest',
        'newest.id = request.id AND newest.newest_rank <= :max',
        { max },
      )
      .setParameters(ranked.getParameters())
      .orderBy('request.requested_at', 'DESC')
      .addOrderBy('request.id', 'DESC')
      .getMany();
  }

  /**
   * Pending requests the caller may decide, a page at a time, oldest first (the longest waiting at the top): an
   * admin's are all of them, a lead's those their leads decide.
   */
  async toConfirm(decider: Principal, page: PageRequest): Promise<Connection<E>> {
    const where = isAdmin(decider)
      ? this.where({ status: 'PENDING' })
      : {
          ...this.pendingForLeads(leadInstitutions(decider), decider.memberId),
          ...this.where({ status: 'PENDING' }),
        };
    const query = this.dataSource
      .getRepository(this.entity)
      .createQueryBuilder('request')
      .setFindOptions({ where });
    return paginate(query, page, ['requestedAt', 'id'] as (keyof E & string)[], 'ASC');
  }

  async confirm(changeId: string, decider: Principal): Promise<E> {
    return this.decide(changeId, decider, async (manager, change, member) => {
      await this.applyConfirmation(manager, change, member);
      return { status: 'CONFIRMED', reason: null };
    });
  }

  async reject(changeId: string, decider: Principal, reason: string): Promise<E> {
    const trimmed = reason.trim();
    if (!trimmed || trimmed.length > 500 || !isPlainText(trimmed)) {
      throw MembershipError.invalid([
        { field: 'reason', rule: 'reason', message: 'must be 1 to 500 characters of plain text' },
      ]);
    }
    return this.decide(changeId, decider, async () => ({ status: 'REJECTED', reason: trimmed }));
  }

  /**
   * One decision per request. The member row is locked before the request's row, in the order a profile update
   * takes them, so a decision and a new request never deadlock; of two deciders at once the second finds it
   * decided.
   */
  private async decide(
    changeId: string,
    decider: Principal,
    effect: (
      manager: EntityManager,
      change: E,
      member: MemberEntity,
    ) => Promise<{ status: 'CONFIRMED' | 'REJECTED'; reason: string | null }>,
  ): Promise<E> {
    return this.dataSource.transaction(async (manager) => {
      const notFound = () =>
        new MembershipError(MembershipErrorCode.ProfileChangeNotFound, 'change not found');
      const unlocked = await manager.findOneBy(this.entity, this.where({ id: changeId }));
      if (!unlocked) throw notFound();
      const member = await manager.findOne(MemberEntity, {
        where: { id: unlocked.memberId },
        lock: { mode: 'pessimistic_write' },
      });
      const change = await manager.findOne(this.entity, {
        where: this.where({ id: changeId }),
        lock: { mode: 'pessimistic_write' },
      });
      if (!member || !change) throw notFound();
      const mayDecide =
        isAdmin(decider) ||
        (decider.memberId !== change.memberId &&
          leadInstitutions(decider).includes(this.decidingInstitution(change, member)));
      if (!mayDecide) {
        throw new MembershipError(
          MembershipErrorCode.NotAllowed,
          `only ${this.deciders} decides this change`,
        );
      }
      if (change.status !== 'PENDING') {
        throw new MembershipError(
          MembershipErrorCode.ProfileChangeDecided,
          `this change is already ${change.status.toLowerCase()}`,
        );
      }
      const outcome = await effect(manager, change, member);
      Object.assign(change, outcome, { decidedBy: decider.memberId, decidedAt: new Date() });
      await manager.save(change);
      return change;
    });
  }

  protected where(where: FindOptionsWhere<ProfileChangeRecord>): FindOptionsWhere<E> {
    return where as FindOptionsWhere<E>;
  }

  protected order(direction: 'ASC' | 'DESC'): FindOptionsOrder<E> {
    return { requestedAt: direction, id: direction } as FindOptionsOrder<E>;
  }
}

/**
 * A profile field that eligibility, conflicts of interest or a lead's scope rest on cannot be changed at will:
 * the member's request waits for someone entitled to confirm it. Until then nothing changes, here or in any other
 * service (no event); the confirmation changes the member and publishes their profile in one transaction. Every
 * request stays as history. Subclasses say which field and what a request holds.
 */
@Injectable()
abstract class ProfileChanges<E extends ProfileChangeRecord, V extends string> extends DecidedRequests<E> {
  /** The member field the change sets, also the event's `changedFields` entry. */
  protected abstract readonly field: 'institutionId' | 'careerStage';
  protected abstract requested(change: E): V;
  protected abstract newRequest(member: MemberEntity, value: V): QueryDeepPartialEntity<E>;

  /**
   * Called with the member row locked: asks for `value` (replacing a pending request), or withdraws the pending
   * request when the member names what they already have.
   */
  async request(manager: EntityManager, member: MemberEntity, value: V): Promise<void> {
    const pending = await manager.findOneBy(
      this.entity,
      this.where({ memberId: member.id, status: 'PENDING' }),
    );
    if (pending && this.requested(pending) === value) return;
    if (pending) {
      const withdrawn: QueryDeepPartialEntity<ProfileChangeRecord> = {
        status: 'WITHDRAWN',
        decidedAt: new Date(),
        decidedBy: member.id,
      };
      await manager.update(this.entity, pending.id, withdrawn as QueryDeepPartialEntity<E>);
    }
    if (value === member[this.field]) return;
    await manager.insert(this.entity, this.newRequest(member, value));
  }

  /** The confirmed value counts, and is confirmed (a new member's choice too, when they changed it). */
  protected async applyConfirmation(manager: EntityManager, change: E, member: MemberEntity): Promise<void> {
    if (this.field === 'institutionId') {
      member.institutionId = this.requested(change);
      member.institutionConfirmed = true;
    } else {
      member.careerStage = this.requested(change) as CareerStage;
      member.careerStageConfirmed = true;
    }
    await manager.save(member);
    await appendProfileUpdated(manager, member, [this.field]);
  }
}

/** Institution decides eligibility, conflicts of interest and which lead sees a member's private fields. */
@Injectable()
export class InstitutionChangesService extends ProfileChanges<InstitutionChangeEntity, string> {
  protected readonly entity = InstitutionChangeEntity;
  protected readonly field = 'institutionId';
  protected readonly deciders = 'a lead of the institution the member is moving to, or an admin,';

  protected requested(change: InstitutionChangeEntity): string {
    return change.toInstitutionId;
  }

  protected newRequest(member: MemberEntity, toInstitutionId: string) {
    return { memberId: member.id, fromInstitutionId: member.institutionId, toInstitutionId };
  }

  protected decidingInstitution(change: InstitutionChangeEntity): string {
    return change.toInstitutionId;
  }

  protected pendingForLeads(institutionIds: string[]): FindOptionsWhere<InstitutionChangeEntity> {
    return { toInstitutionId: In(institutionIds) };
  }

  /**
   * The new institution's lead confirmed the institution. A new member whose registration was rejected (or is
   * still pending) keeps an unconfirmed career stage: it waits for the leads of the institution they are now at.
   */
  protected override async applyConfirmation(
    manager: EntityManager,
    change: InstitutionChangeEntity,
    member: MemberEntity,
  ): Promise<void> {
    await super.applyConfirmation(manager, change, member);
    if (!member.careerStageConfirmed) await openRegistrationConfirmation(manager, member);
  }
}

/**
 * Career stage decides eligibility for stage-limited competitions, mentors' stage rules and who may coach, so a
 * lead of the member's institution (the people who know their staff and students) or an admin confirms it.
 */
@Injectable()
export class CareerStageChangesService extends ProfileChanges<CareerStageChangeEntity, CareerStage> {
  protected readonly entity = CareerStageChangeEntity;
  protected readonly field = 'careerStage';
  protected readonly deciders = "a lead of the member's institution, or an admin,";

  protected requested(change: CareerStageChangeEntity): CareerStage {
    return change.toStage;
  }

  protected newRequest(member: MemberEntity, toStage: CareerStage) {
    return { memberId: member.id, fromStage: member.careerStage, toStage };
  }

  protected decidingInstitution(_change: CareerStageChangeEntity, member: MemberEntity): string {
    return member.institutionId;
  }

  protected pendingForLeads(
    institutionIds: string[],
    leadId: string,
  ): FindOptionsWhere<CareerStageChangeEntity> {
    return this.where(membersOfInstitutions(institutionIds, leadId));
  }
}

/**
 * A new member's institution and career stage are theirs to name, but count for eligibility and conflicts only
 * once a lead of that institution (who knows their staff and students) or an admin confirms them. Until then the
 * member does everything that concerns only themselves; member events say the choice is unconfirmed.
 */
@Injectable()
export class RegistrationConfirmationsService extends DecidedRequests<RegistrationConfirmationEntity> {
  protected readonly entity = RegistrationConfirmationEntity;
  protected readonly deciders = "a lead of the member's institution, or an admin,";

  /** In the registration's transaction: the member is new, so unconfirmed, and waits for a decision. */
  async open(manager: EntityManager, member: MemberEntity): Promise<void> {
    await openRegistrationConfirmation(manager, member);
  }

  /** The member's newest registration confirmation: pending, confirmed or rejected with the reason. */
  /** The latest confirmation of each of these members (at most one each), from one query. */
  latestOf(memberIds: readonly string[]): Promise<RegistrationConfirmationEntity[]> {
    return this.historyOf(memberIds, 1);
  }

  protected decidingInstitution(_change: RegistrationConfirmationEntity, member: MemberEntity): string {
    return member.institutionId;
  }

  protected pendingForLeads(
    institutionIds: string[],
    leadId: string,
  ): FindOptionsWhere<RegistrationConfirmationEntity> {
    return this.where(membersOfInstitutions(institutionIds, leadId));
  }

  /** Confirms what the member has now (a confirmed move since registration changed the institution already). */
  protected async applyConfirmation(
    manager: EntityManager,
    _change: RegistrationConfirmationEntity,
    member: MemberEntity,
  ): Promise<void> {
    member.institutionConfirmed = true;
    member.careerStageConfirmed = true;
    await manager.save(member);
    await appendProfileUpdated(manager, member, ['institutionConfirmed', 'careerStageConfirmed']);
  }
}
