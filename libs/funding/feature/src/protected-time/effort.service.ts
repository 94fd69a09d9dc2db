import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@praxis/platform/auth';
import { AllocationEntity, AwardEntity, EffortCertificationEntity } from '@praxis/funding/data-access';
import {
  awardPeriods,
  certifyEffortStatement,
  dayInZone,
  effortFiguresDigest,
  effortStatement,
  FundingDomainError,
  FundingErrorCode,
  type EffortStatement,
  type TimeActivity,
} from '@praxis/funding/domain';
import { canSeeAward, notFound } from '../funding.access';
import { DEFAULT_REPORT_EVERY_MONTHS } from '../reporting/reports.service';
import { ProtectedTimeService } from './protected-time.service';

/** Effort is stated per award period, the same six months progress reports cover by default. */
export const EFFORT_PERIOD_MONTHS = DEFAULT_REPORT_EVERY_MONTHS;

export interface EffortStatementRow {
  statement: EffortStatement;
  certification: EffortCertificationEntity | null;
  /** The certified digest still matches today's figures (false after a correction to a certified period). */
  matches: boolean | null;
}

/** Effort statements of a member on an award, as effort-reporting tools keep them, and the member's certification. */
@Injectable()
export class EffortService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: ProtectedTimeService,
  ) {}

  /** Each period of the award with the member's allocated and logged time: whoever may read their time. */
  async statements(awardId: string, memberId: string, principal: Principal): Promise<EffortStatementRow[]> {
    const award = await this.dataSource.getRepository(AwardEntity).findOneBy({ id: awardId });
    if (!award || !canSeeAward(principal, award)) throw notFound('award');
    await this.time.assertCanReadTimeOf(memberId, principal);
    const statements = await this.compute(award, memberId);
    const certified = await this.dataSource
      .getRepository(EffortCertificationEntity)
      .findBy({ awardId, memberId });
    return statements.map((statement) => {
      const certification = certified.find((row) => row.periodIndex === statement.period.index) ?? null;
      return {
        statement,
        certification,
        matches:
          certification === null ? null : certification.figuresDigest === effortFiguresDigest(statement),
      };
    });
  }

  /** The member confirms their own figures for a period that has ended, once; the digest keeps what was signed. */
  async certify(awardId: string, periodIndex: number, principal: Principal): Promise<EffortStatementRow> {
    const award = await this.dataSource.getRepository(AwardEntity).findOneBy({ id: awardId });
    if (!award || !canSeeAward(principal, award)) throw notFound('award');
    const statement = (await this.compute(award, principal.memberId)).find(
      (candidate) => candidate.period.index === periodIndex,
    );
    if (!statement) throw notFound('effort period');
    const certification = certifyEffortStatement(statement, principal.memberId, dayInZone(new Date()));
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(EffortCertificationEntity)
      .values({
        awardId,
        memberId: principal.memberId,
        periodIndex,
        periodStart: statement.period.start,
        periodEnd: statement.period.end,
        figures: {
          allocatedMinutes: statement.allocatedMinutes,
          loggedMinutes: statement.loggedMinutes,
          loggedByActivity: statement.loggedByActivity,
        },
        figuresDigest: certification.figuresDigest,
        certifiedOn: certification.certifiedOn,
      })
      .orIgnore()
      .returning('*')
      .execute();
    if (inserted.identifiers.length === 0 || !inserted.identifiers[0]) {
      throw new FundingDomainError(
        FundingErrorCode.EFFORT_ALREADY_CERTIFIED,
        `Period ${periodIndex} (${statement.period.start} to ${statement.period.end}) is already certified`,
        { awardId, periodIndex },
      );
    }
    const row = await this.dataSource
      .getRepository(EffortCertificationEntity)
      .findOneByOrFail({ awardId, memberId: principal.memberId, periodIndex });
    return { statement, certification: row, matches: true };
  }

  private async compute(award: AwardEntity, memberId: string): Promise<EffortStatement[]> {
    const onAward = award.principalInvestigatorId === memberId || award.teamMemberIds.includes(memberId);
    if (!onAward) throw notFound('member on this award');
    // every award's approved time counts: a day covered by two awards is shared between them
    const allocations = await this.dataSource
      .getRepository(AllocationEntity)
      .findBy({ memberId, status: 'APPROVED' });
    const logs: Array<{ day: string; minutes: number; activity: TimeActivity }> = await this.dataSource.query(
      `SELECT day::text AS day, minutes, activity FROM time_log WHERE member_id = $1 AND day BETWEEN $2 AND $3`,
      [memberId, award.startsOn, award.endsOn],
    );
    const mapped = allocations.map((a) => ({
      id: a.id,
      memberId: a.memberId,
      awardId: a.awardId,
      weeklyMinutes: a.weeklyMinutes,
      from: a.fromDay,
      to: a.toDay,
    }));
    const activityLogs = logs.map((log) => ({ date: log.day, minutes: log.minutes, activity: log.activity }));
    return awardPeriods(award.startsOn, award.endsOn, EFFORT_PERIOD_MONTHS).map((period) =>
      effortStatement(award.id, memberId, period, mapped, activityLogs),
    );
  }
}
