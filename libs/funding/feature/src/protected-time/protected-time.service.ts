import { Inject, Injectable } from '@nestjs/common';
import { Between, DataSource, In, type EntityManager } from 'typeorm';
import { ProtectedTimeApprovedV1, TimeLoggedV1 } from '@praxis/contracts';
import { isAdmin, leadInstitutions, type Principal } from '@praxis/platform/auth';
import { paginate, type Connection, type PageRequest } from '@praxis/platform/graphql';
import { memberReplica } from '@praxis/platform/member-replica';
import { appendToOutbox } from '@praxis/platform/messaging';
import { AllocationEntity, AwardEntity, TimeLogEntity } from '@praxis/funding/data-access';
import {
  addDays,
  assertCanDecideAllocation,
  assertTimeLogEditable,
  changeAllocation,
  FundingDomainError,
  FundingErrorCode,
  validateAllocationInput,
  assessErosion,
  dayInZone,
  isIsoDay,
  isoWeekOf,
  throwIfInvalid,
  validateTimeLog,
  validateTimeLogEdit,
  validateWeekEntry,
  type TimeLogEntry,
  type UtilisationRow,
} from '@praxis/funding/domain';
import { canSeeAward, forbidden, notFound } from '../funding.access';
import { lockAward } from '../ledger/ledger.records';
import { FUNDING_OPTIONS, type FundingOptions } from '../funding.options';
import { allocationFacts, proposeAllocation } from './allocation.records';
import { institutionUtilisationOf, utilisationOf } from './utilisation.records';
import type {
  AllocateProtectedTimeInput,
  ChangeProtectedTimeInput,
  LogTimeInput,
} from './protected-time.objects';

/** What a member has logged on each of some days, in all. */
async function loggedByDay(manager: EntityManager, memberId: string, days: readonly string[]) {
  const rows: Array<{ day: string; minutes: number }> = await manager.query(
    `SELECT day::text AS day, sum(minutes)::int AS minutes FROM time_log
      WHERE member_id = $1 AND day = ANY($2::date[]) GROUP BY day`,
    [memberId, [...new Set(days)]],
  );
  return new Map(rows.map((row) => [row.day, row.minutes]));
}

/**
 * `funding.time.logged.v1` for an entry as it now stands (created, edited, or removed as 0 minutes): hours and
 * activity, never the note. The entry is the aggregate, so its versions reach consumers in order.
 */
async function publishEntry(
  manager: EntityManager,
  entry: Pick<TimeLogEntity, 'id' | 'memberId' | 'day' | 'minutes' | 'activity'>,
  at: Date,
): Promise<void> {
  const member = await memberReplica(manager).profile(entry.memberId);
  await appendToOutbox(
    manager,
    TimeLoggedV1,
    entry.id,
    {
      entryId: entry.id,
      memberId: entry.memberId,
      institutionId: member?.institutionId ?? null,
      day: entry.day,
      week: isoWeekOf(entry.day).key,
      minutes: entry.minutes,
      activity: entry.activity,
      loggedAt: at.toISOString(),
    },
    { actorId: entry.memberId },
  );
}

/** A range of days: two dates, `to` not before `from` and at most `maxDays` after it (`limit` says so). */
function assertDayRange(from: string, to: string, maxDays: number, limit: string): void {
  throwIfInvalid([
    ...(isIsoDay(from) ? [] : [{ field: 'from', message: 'must be a date YYYY-MM-DD' }]),
    ...(isIsoDay(to) ? [] : [{ field: 'to', message: 'must be a date YYYY-MM-DD' }]),
    ...(isIsoDay(from) && isIsoDay(to) && (to < from || addDays(from, maxDays) < to)
      ? [{ field: 'to', message: `must be after from and at most ${limit} later` }]
      : []),
  ]);
}

/** A utilisation range: at most two years. */
const assertUtilisationRange = (from: string, to: string) => assertDayRange(from, to, 7 * 106, 'two years');

/** Protected research time: the institution (a lead) or an admin approves; the member logs; utilisation follows. */
@Injectable()
export class ProtectedTimeService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(FUNDING_OPTIONS) private readonly options: FundingOptions,
  ) {}

  /**
   * Protected time for a member of an accepted or active award: an admin for anyone on its team, the principal
   * investigator for their team. It is PROPOSED until a lead of the member's institution or an admin approves.
   */
  async allocate(input: AllocateProtectedTimeInput, principal: Principal): Promise<AllocationEntity> {
    const allocation = validateAllocationInput(input);
    return this.dataSource.transaction(async (manager) => {
      const award = await this.awardToAllocateOn(manager, input.awardId, principal);
      if (award.principalInvestigatorId !== input.memberId && !award.teamMemberIds.includes(input.memberId)) {
        throw FundingDomainError.invalidInput([
          { field: 'memberId', message: "must be the award's principal investigator or on its team" },
        ]);
      }
      return proposeAllocation(
        manager,
        { awardId: award.id, memberId: input.memberId, unit: input.weekly.unit, ...allocation },
        principal.memberId,
      );
    });
  }

  /**
   * A change of weekly amount from a day inside the allocation: a new PROPOSED allocation from that day to the
   * old end, which, once approved, ends the old one the day before (history kept: what was protected in March
   * stays what it was).
   */
  async change(allocationId: string, input: ChangeProtectedTimeInput, principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOneBy(AllocationEntity, { id: allocationId });
      if (!current) throw notFound('allocation');
      const award = await this.awardToAllocateOn(manager, current.awardId, principal);
      if (current.status !== 'APPROVED' && current.status !== 'PROPOSED') {
        throw new FundingDomainError(
          FundingErrorCode.ALLOCATION_ALREADY_DECIDED,
          `This allocation is ${current.status}; change the one that replaced it`,
          { allocationId, status: current.status },
        );
      }
      const { next } = changeAllocation(
        {
          id: current.id,
          memberId: current.memberId,
          awardId: current.awardId,
          weeklyMinutes: current.weeklyMinutes,
          from: current.fromDay,
          to: current.toDay,
        },
        input.weekly,
        input.effectiveFrom,
      );
      return proposeAllocation(
        manager,
        {
          awardId: award.id,
          memberId: next.memberId,
          weeklyMinutes: next.weeklyMinutes,
          unit: input.weekly.unit,
          from: next.from,
          to: next.to,
          replacesAllocationId: current.id,
        },
        principal.memberId,
      );
    });
  }

  /** The award, locked, if the caller may allocate time on it (admins, its PI) and it is accepted or active. */
  private async awardToAllocateOn(manager: EntityManager, awardId: string, principal: Principal) {
    const award = await lockAward(manager, awardId);
    if (!award || !canSeeAward(principal, award)) throw notFound('award');
    if (!isAdmin(principal) && award.principalInvestigatorId !== principal.memberId) {
      throw forbidden("Only admins and the award's principal investigator allocate its protected time");
    }
    if (award.status !== 'ACCEPTED' && award.status !== 'ACTIVE') {
      throw new FundingDomainError(
        FundingErrorCode.AWARD_NOT_ACTIVE,
        `Protected time is allocated on accepted or active awards; this one is ${award.status}`,
        { awardId, status: award.status },
      );
    }
    return award;
  }

  /** A lead of the member's institution (not the member) or an admin releases the time; decided once. */
  async approve(allocationId: string, principal: Principal): Promise<AllocationEntity> {
    return this.decide(allocationId, principal, async (manager, allocation) => {
      allocation.status = 'APPROVED';
      await manager.save(allocation);
      // a mid-period change takes effect when approved: the allocation it replaces ends the day before
      if (allocation.replacesAllocationId !== null) {
        const replaced = await manager.findOneBy(AllocationEntity, { id: allocation.replacesAllocationId });
        if (replaced && replaced.status === 'APPROVED') {
          if (replaced.fromDay >= allocation.fromDay) replaced.status = 'SUPERSEDED';
          else replaced.toDay = addDays(allocation.fromDay, -1);
          await manager.save(replaced);
        }
      }
      await appendToOutbox(
        manager,
        ProtectedTimeApprovedV1,
        allocation.id,
        {
          ...allocationFacts(allocation),
          approvedBy: principal.memberId,
          approverRole: isAdmin(principal) ? 'ADMIN' : 'LEAD',
          approvedAt: (allocation.decidedAt as Date).toISOString(),
        },
        { actorId: principal.memberId },
      );
    });
  }

  /**
   * Whoever may approve may instead decline to release the time, with the reason kept on the allocation (a
   * change that is rejected leaves the allocation it would have replaced as it was). Nothing is published: a
   * proposal never approved never counted as protected time anywhere.
   */
  async reject(allocationId: string, reason: string, principal: Principal): Promise<AllocationEntity> {
    const trimmed = reason.trim();
    throwIfInvalid(
      trimmed === '' || trimmed.length > 1000
        ? [{ field: 'reason', message: 'must say why, in at most 1,000 characters' }]
        : [],
    );
    return this.decide(allocationId, principal, async (manager, allocation) => {
      allocation.status = 'REJECTED';
      allocation.decisionReason = trimmed;
      await manager.save(allocation);
    });
  }

  /** A PROPOSED allocation, locked, decided once by a lead of the member's institution (not the member) or an admin. */
  private decide(
    allocationId: string,
    principal: Principal,
    apply: (manager: EntityManager, allocation: AllocationEntity) => Promise<void>,
  ): Promise<AllocationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const allocation = await manager
        .getRepository(AllocationEntity)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.id = :id', { id: allocationId })
        .getOne();
      if (!allocation) throw notFound('allocation');
      const member = await memberReplica(manager).profile(allocation.memberId);
      const institutionId = member?.institutionId ?? allocation.institutionId;
      assertCanDecideAllocation(
        {
          memberId: principal.memberId,
          isAdmin: isAdmin(principal),
          leadOfInstitutionIds: leadInstitutions(principal),
        },
        { memberId: allocation.memberId, memberInstitutionId: institutionId, status: allocation.status },
      );
      allocation.decidedBy = principal.memberId;
      allocation.decidedAt = this.options.clock.now();
      await apply(manager, allocation);
      return allocation;
    });
  }

  /**
   * The PROPOSED allocations the caller may decide, oldest first: every one for admins; for leads, those of
   * members of an institution they lead, never their own. The rule of `decide` as SQL: the member's institution
   * is the replica's, else the one recorded when the time was allocated.
   */
  toApprove(principal: Principal, page: PageRequest): Promise<Connection<AllocationEntity>> {
    const query = this.dataSource
      .getRepository(AllocationEntity)
      .createQueryBuilder('t')
      .where('t.status = :proposed', { proposed: 'PROPOSED' });
    if (!isAdmin(principal)) {
      query.andWhere(
        `COALESCE((SELECT m.institution_id FROM member_replica m WHERE m.member_id = t.member_id), t.institution_id)
           = ANY(CAST(:leadOf AS uuid[])) AND t.member_id <> :viewer`,
        { leadOf: leadInstitutions(principal), viewer: principal.memberId },
      );
    }
    return paginate(query, page, ['createdAt', 'id'], 'ASC');
  }

  /** The member's own log: no future days, 24 h a day in all (checked under a per-member lock), 14-day window. */
  async logTime(input: LogTimeInput, principal: Principal): Promise<TimeLogEntity> {
    const [saved] = await this.writeLogs(principal.memberId, async (manager) => {
      const existing = isIsoDay(input.date)
        ? await loggedByDay(manager, principal.memberId, [input.date])
        : new Map();
      return [validateTimeLog(input, dayInZone(this.options.clock.now()), existing.get(input.date) ?? 0)];
    });
    return saved as TimeLogEntity;
  }

  /** Bulk entry for one ISO week, all or nothing, added to what the week already holds. */
  async logWeek(
    weekStart: string,
    entries: readonly LogTimeInput[],
    principal: Principal,
  ): Promise<TimeLogEntity[]> {
    return this.writeLogs(principal.memberId, async (manager) => {
      const days = entries.map((entry) => entry.date).filter(isIsoDay);
      const existing = await loggedByDay(manager, principal.memberId, days);
      return validateWeekEntry(weekStart, entries, dayInZone(this.options.clock.now()), existing);
    });
  }

  /**
   * Writes a member's entries and their `funding.time.logged.v1` events (hours and activity, never the note).
   * One member's entries are decided one at a time, so two tabs cannot both fill the same day past 24 h.
   */
  private writeLogs(
    memberId: string,
    decide: (manager: EntityManager) => Promise<TimeLogEntry[]>,
  ): Promise<TimeLogEntity[]> {
    return this.underMemberLock(memberId, async (manager) => {
      const entries = await decide(manager);
      const saved: TimeLogEntity[] = [];
      for (const entry of entries) {
        const row = await manager.save(
          manager.create(TimeLogEntity, {
            memberId,
            day: entry.date,
            minutes: entry.minutes,
            activity: entry.activity,
            note: entry.note,
          }),
        );
        await publishEntry(manager, row, row.createdAt);
        saved.push(row);
      }
      return saved;
    });
  }

  /**
   * The member corrects one of their entries (day, hours, activity, note) while its day and the new one are
   * within the 14-day window; 24 h a day still holds on the new day. The weekly roll-up follows by its trigger;
   * `funding.time.logged.v1` is published again for the entry as it now stands (consumers keep the newest).
   */
  async editTimeLog(entryId: string, input: LogTimeInput, principal: Principal): Promise<TimeLogEntity> {
    return this.underMemberLock(principal.memberId, async (manager) => {
      const entry = await this.ownEntry(manager, entryId, principal);
      const others = isIsoDay(input.date)
        ? ((await loggedByDay(manager, principal.memberId, [input.date])).get(input.date) ?? 0) -
          (entry.day === input.date ? entry.minutes : 0)
        : 0;
      const next = validateTimeLogEdit(entry.day, input, dayInZone(this.options.clock.now()), others);
      entry.day = next.date;
      entry.minutes = next.minutes;
      entry.activity = next.activity;
      entry.note = next.note;
      const saved = await manager.save(entry);
      await publishEntry(manager, saved, saved.updatedAt);
      return saved;
    });
  }

  /**
   * The member removes one of their entries while its day is within the window. The entry is republished with
   * 0 minutes, which is how consumers of `funding.time.logged.v1` learn that it no longer counts.
   */
  async deleteTimeLog(entryId: string, principal: Principal): Promise<TimeLogEntity> {
    return this.underMemberLock(principal.memberId, async (manager) => {
      const entry = await this.ownEntry(manager, entryId, principal);
      assertTimeLogEditable(entry.day, dayInZone(this.options.clock.now()));
      const removed = { ...entry };
      await manager.delete(TimeLogEntity, { id: entry.id });
      await publishEntry(manager, { ...removed, minutes: 0 }, this.options.clock.now());
      return removed;
    });
  }

  /** The caller's own entries over at most 31 days, oldest first, with their notes. */
  myTimeLogs(from: string, to: string, principal: Principal): Promise<TimeLogEntity[]> {
    assertDayRange(from, to, 30, '30 days');
    return this.dataSource.getRepository(TimeLogEntity).find({
      where: { memberId: principal.memberId, day: Between(from, to) },
      order: { day: 'ASC', createdAt: 'ASC' },
    });
  }

  /** An entry of the caller's, locked; anyone else's does not exist for them (notes and days are private). */
  private async ownEntry(manager: EntityManager, entryId: string, principal: Principal) {
    const entry = await manager
      .getRepository(TimeLogEntity)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.id = :id', { id: entryId })
      .getOne();
    if (!entry || entry.memberId !== principal.memberId) throw notFound('time-log entry');
    return entry;
  }

  /** One member's time-log writes, one at a time (the 24-hour day is checked against what is committed). */
  private underMemberLock<T>(memberId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('funding:time-log:' || $1))`, [memberId]);
      return work(manager);
    });
  }

  /**
   * Who may read a member's utilisation: the member, admins, leads of the member's institution (replica), and
   * the supervisor of an award the member leads.
   */
  async assertCanReadTimeOf(memberId: string, principal: Principal): Promise<void> {
    if (principal.memberId === memberId || isAdmin(principal)) return;
    const member = await memberReplica(this.dataSource.manager).profile(memberId);
    if (member && leadInstitutions(principal).includes(member.institutionId)) return;
    const supervised = await this.dataSource
      .getRepository(AwardEntity)
      .existsBy({ principalInvestigatorId: memberId, supervisorId: principal.memberId });
    if (!supervised) throw forbidden("You may not read this member's protected time");
  }

  /**
   * Utilisation of approved allocations over [from, to] by ISO week and by month, whether the member is AT_RISK
   * now, and how many of the member's entries carry a note (the notes themselves stay the member's).
   */
  async utilisation(
    memberId: string,
    from: string,
    to: string,
  ): Promise<{ weeks: UtilisationRow[]; months: UtilisationRow[]; atRisk: boolean; notes: number }> {
    assertUtilisationRange(from, to);
    const manager = this.dataSource.manager;
    const today = dayInZone(this.options.clock.now());
    const weeks = await utilisationOf(manager, memberId, { from, to }, today, 'WEEK');
    const months = await utilisationOf(manager, memberId, { from, to }, today, 'MONTH');
    const [notes] = await manager.query(
      `SELECT count(*)::int AS notes FROM time_log WHERE member_id = $1 AND day BETWEEN $2 AND $3 AND note IS NOT NULL`,
      [memberId, from, to],
    );
    return {
      weeks,
      months,
      atRisk: assessErosion(weeks, this.options.erosion).status === 'AT_RISK',
      notes: (notes as { notes: number }).notes,
    };
  }

  /**
   * The institution's members' utilisation per ISO week over [from, to] (at most two years): leads of that
   * institution and admins; anyone else is FORBIDDEN.
   */
  async institutionUtilisation(institutionId: string, from: string, to: string, principal: Principal) {
    if (!isAdmin(principal) && !leadInstitutions(principal).includes(institutionId)) {
      throw forbidden("Only the institution's leads and admins read its members' utilisation");
    }
    assertUtilisationRange(from, to);
    const today = dayInZone(this.options.clock.now());
    const weeks = await institutionUtilisationOf(this.dataSource.manager, institutionId, { from, to }, today);
    return weeks.map((week) => ({ ...week, complete: addDays(week.weekStart, 6) < today }));
  }

  /** The titles of these awards by id, from one query (for the allocations a caller was already shown). */
  async awardTitles(awardIds: readonly string[]): Promise<Array<{ id: string; title: string }>> {
    return this.dataSource
      .getRepository(AwardEntity)
      .find({ select: { id: true, title: true }, where: { id: In([...awardIds]) } });
  }

  /** The protected time of each of these awards, earliest first, from one query. */
  allocationsOf(awardIds: readonly string[]): Promise<AllocationEntity[]> {
    return this.dataSource
      .getRepository(AllocationEntity)
      .find({ where: { awardId: In([...awardIds]) }, order: { fromDay: 'ASC', id: 'ASC' } });
  }
}
