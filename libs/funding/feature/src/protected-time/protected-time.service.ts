import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProtectedTimeApprovedV1, TimeLoggedV1 } from '@praxis/contracts';
import { isAdmin, leadInstitutions, type Principal } from '@praxis/platform/auth';
import { memberReplica } from '@praxis/platform/member-replica';
import { appendToOutbox } from '@praxis/platform/messaging';
import { AllocationEntity, AwardEntity, TimeLogEntity } from '@praxis/funding/data-access';
import {
  addDays,
  assertCanDecideAllocation,
  assessErosion,
  dayInZone,
  isIsoDay,
  isoWeekOf,
  throwIfInvalid,
  validateTimeLog,
  type UtilisationRow,
} from '@praxis/funding/domain';
import { forbidden, notFound } from '../funding.access';
import { FUNDING_OPTIONS, type FundingOptions } from '../funding.options';
import { allocationFacts } from './allocation.records';
import { utilisationOf } from './utilisation.records';
import type { LogTimeInput } from './protected-time.objects';

/** Protected research time: the institution (a lead) or an admin approves; the member logs; utilisation follows. */
@Injectable()
export class ProtectedTimeService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(FUNDING_OPTIONS) private readonly options: FundingOptions,
  ) {}

  /** A lead of the member's institution (not the member) or an admin releases the time; decided once. */
  async approve(allocationId: string, principal: Principal): Promise<AllocationEntity> {
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
      allocation.status = 'APPROVED';
      allocation.decidedBy = principal.memberId;
      allocation.decidedAt = new Date();
      await manager.save(allocation);
      await appendToOutbox(
        manager,
        ProtectedTimeApprovedV1,
        allocation.id,
        {
          ...allocationFacts(allocation),
          approvedBy: principal.memberId,
          approverRole: isAdmin(principal) ? 'ADMIN' : 'LEAD',
          approvedAt: allocation.decidedAt.toISOString(),
        },
        { actorId: principal.memberId },
      );
      return allocation;
    });
  }

  /** The member's own log: no future days, 24 h a day in all (checked under a per-member lock), 14-day window. */
  async logTime(input: LogTimeInput, principal: Principal): Promise<TimeLogEntity> {
    return this.dataSource.transaction(async (manager) => {
      // one member's entries are decided one at a time, so two tabs cannot both fill the same day past 24 h
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('funding:time-log:' || $1))`, [
        principal.memberId,
      ]);
      const rows: Array<{ minutes: number }> = isIsoDay(input.date)
        ? await manager.query(
            `SELECT coalesce(sum(minutes), 0)::int AS minutes FROM time_log WHERE member_id = $1 AND day = $2`,
            [principal.memberId, input.date],
          )
        : [{ minutes: 0 }];
      const entry = validateTimeLog(input, dayInZone(new Date()), rows[0]?.minutes ?? 0);
      const saved = await manager.save(
        manager.create(TimeLogEntity, {
          memberId: principal.memberId,
          day: entry.date,
          minutes: entry.minutes,
          activity: entry.activity,
          note: entry.note,
        }),
      );
      const member = await memberReplica(manager).profile(principal.memberId);
      await appendToOutbox(
        manager,
        TimeLoggedV1,
        saved.id,
        {
          entryId: saved.id,
          memberId: saved.memberId,
          institutionId: member?.institutionId ?? null,
          day: saved.day,
          week: isoWeekOf(saved.day).key,
          minutes: saved.minutes,
          activity: saved.activity,
          loggedAt: saved.createdAt.toISOString(),
        },
        { actorId: principal.memberId },
      );
      return saved;
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

  /** Weekly utilisation of approved allocations over [from, to] and whether the member is AT_RISK now. */
  async utilisation(
    memberId: string,
    from: string,
    to: string,
  ): Promise<{ weeks: UtilisationRow[]; atRisk: boolean }> {
    throwIfInvalid([
      ...(isIsoDay(from) ? [] : [{ field: 'from', message: 'must be a date YYYY-MM-DD' }]),
      ...(isIsoDay(to) ? [] : [{ field: 'to', message: 'must be a date YYYY-MM-DD' }]),
      ...(isIsoDay(from) && isIsoDay(to) && (to < from || addDays(from, 7 * 106) < to)
        ? [{ field: 'to', message: 'must be after from and at most two years later' }]
        : []),
    ]);
    const weeks = await utilisationOf(
      this.dataSource.manager,
      memberId,
      { from, to },
      dayInZone(new Date()),
      'WEEK',
    );
    return { weeks, atRisk: assessErosion(weeks, this.options.erosion).status === 'AT_RISK' };
  }

  allocationsOf(awardId: string): Promise<AllocationEntity[]> {
    return this.dataSource
      .getRepository(AllocationEntity)
      .find({ where: { awardId }, order: { fromDay: 'ASC' } });
  }
}
