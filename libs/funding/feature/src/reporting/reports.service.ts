import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { OutputRecordedV1, ReportSubmittedV1 } from '@praxis/contracts';
import { isAdmin, type Principal } from '@praxis/platform/auth';
import { memberReplica } from '@praxis/platform/member-replica';
import { appendToOutbox } from '@praxis/platform/messaging';
import { AwardOutputEntity, AwardReportEntity, type AwardEntity } from '@praxis/funding/data-access';
import {
  dayInZone,
  FundingDomainError,
  FundingErrorCode,
  reportSchedule,
  reportStatuses,
  throwIfInvalid,
  validateOutput,
  validateProgressReport,
  type IsoDay,
  type ReportStatus,
} from '@praxis/funding/domain';
import { canSeeAward, forbidden, notFound } from '../funding.access';
import { lockAward } from '../ledger/ledger.records';
import type { RecordOutputInput, SubmitReportInput } from './reporting.objects';

/** Progress reports every six months unless the admin activating the award says otherwise. */
export const DEFAULT_REPORT_EVERY_MONTHS = 6;

/** The reports due on an award, written when it is activated (inside the activation's transaction). */
export async function scheduleReports(
  manager: EntityManager,
  award: AwardEntity,
  activatedOn: IsoDay,
  everyMonths: number,
): Promise<void> {
  throwIfInvalid(
    Number.isInteger(everyMonths) && everyMonths >= 1 && everyMonths <= 24
      ? []
      : [{ field: 'reportEveryMonths', message: 'must be a whole number from 1 to 24' }],
  );
  // an award activated after its end date owes only the final report
  const from = activatedOn <= award.endsOn ? activatedOn : award.endsOn;
  const schedule = reportSchedule({ activatedOn: from, endsOn: award.endsOn, everyMonths });
  await manager.insert(
    AwardReportEntity,
    schedule.map((report) => ({ awardId: award.id, ...report })),
  );
}

function onTeam(award: AwardEntity, principal: Principal): boolean {
  return (
    award.principalInvestigatorId === principal.memberId || award.teamMemberIds.includes(principal.memberId)
  );
}

export interface ReportRow extends ReportStatus {
  readonly row: AwardReportEntity;
}

/** Reports and outputs of an award: the team writes them; whoever may see the award reads them. */
@Injectable()
export class ReportsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The PI or a team member submits a report of an active award; the final one lets an admin close it. */
  async submit(awardId: string, input: SubmitReportInput, principal: Principal): Promise<AwardReportEntity> {
    const text = validateProgressReport(input);
    return this.dataSource.transaction(async (manager) => {
      const award = await lockAward(manager, awardId);
      if (!award || !canSeeAward(principal, award)) throw notFound('award');
      if (!onTeam(award, principal)) {
        throw forbidden("Only the award's principal investigator and team submit its reports");
      }
      if (award.status !== 'ACTIVE') {
        throw new FundingDomainError(
          FundingErrorCode.AWARD_NOT_ACTIVE,
          `Reports are submitted while the award is ACTIVE; it is ${award.status}`,
          { awardId, status: award.status },
        );
      }
      const reports = await manager.find(AwardReportEntity, {
        where: { awardId },
        order: { sequence: 'ASC' },
      });
      const report =
        input.sequence === null || input.sequence === undefined
          ? (reports.find((candidate) => candidate.submittedAt === null) ?? reports[reports.length - 1])
          : reports.find((candidate) => candidate.sequence === input.sequence);
      if (!report) throw notFound('report');
      if (report.submittedAt !== null) {
        throw new FundingDomainError(
          FundingErrorCode.REPORT_ALREADY_SUBMITTED,
          `Report ${report.sequence} (${report.kind}) was already submitted`,
          { awardId, sequence: report.sequence },
        );
      }
      const submittedAt = new Date();
      Object.assign(report, { ...text, submittedBy: principal.memberId, submittedAt });
      await manager.save(report);
      if (report.kind === 'FINAL') {
        award.finalReportSubmitted = true;
        await manager.save(award);
      }
      const [status] = reportStatuses(
        [report],
        [{ sequence: report.sequence, submittedOn: dayInZone(submittedAt) }],
        dayInZone(submittedAt),
      );
      const pi = await memberReplica(manager).profile(award.principalInvestigatorId);
      await appendToOutbox(
        manager,
        ReportSubmittedV1,
        award.id,
        {
          reportId: report.id,
          awardId: award.id,
          principalInvestigatorId: award.principalInvestigatorId,
          institutionId: pi?.institutionId ?? award.institutionIds[0] ?? null,
          kind: report.kind,
          dueOn: report.dueOn,
          daysLate: status?.daysLate ?? 0,
          submittedAt: submittedAt.toISOString(),
        },
        { actorId: principal.memberId },
      );
      return report;
    });
  }

  /** The PI, a team member or an admin links an output to an accepted, active or closed award. */
  async recordOutput(
    awardId: string,
    input: RecordOutputInput,
    principal: Principal,
  ): Promise<AwardOutputEntity> {
    const output = validateOutput(input);
    return this.dataSource.transaction(async (manager) => {
      const award = await lockAward(manager, awardId);
      if (!award || !canSeeAward(principal, award)) throw notFound('award');
      if (!isAdmin(principal) && !onTeam(award, principal)) {
        throw forbidden("Only the award's team and admins record its outputs");
      }
      if (!['ACCEPTED', 'ACTIVE', 'CLOSED'].includes(award.status)) {
        throw new FundingDomainError(
          FundingErrorCode.AWARD_NOT_ACTIVE,
          `Outputs belong to accepted, active or closed awards; this one is ${award.status}`,
          { awardId, status: award.status },
        );
      }
      const saved = await manager.save(
        manager.create(AwardOutputEntity, { awardId, ...output, recordedBy: principal.memberId }),
      );
      const pi = await memberReplica(manager).profile(award.principalInvestigatorId);
      await appendToOutbox(
        manager,
        OutputRecordedV1,
        award.id,
        {
          outputId: saved.id,
          awardId: award.id,
          principalInvestigatorId: award.principalInvestigatorId,
          institutionId: pi?.institutionId ?? award.institutionIds[0] ?? null,
          kind: saved.kind,
          doi: saved.doi,
          url: saved.url,
          recordedBy: principal.memberId,
          recordedAt: saved.recordedAt.toISOString(),
        },
        { actorId: principal.memberId },
      );
      return saved;
    });
  }

  /** Each award's reports with their state today (OVERDUE from the day after due), in due order. */
  async reportsOf(awardIds: readonly string[]): Promise<Map<string, ReportRow[]>> {
    const rows = await this.dataSource.getRepository(AwardReportEntity).find({
      where: { awardId: In([...awardIds]) },
      order: { sequence: 'ASC' },
    });
    const today = dayInZone(new Date());
    const byAward = new Map<string, ReportRow[]>(awardIds.map((id) => [id, []]));
    for (const id of awardIds) {
      const mine = rows.filter((row) => row.awardId === id);
      const statuses = reportStatuses(
        mine,
        mine.flatMap((row) =>
          row.submittedAt === null
            ? []
            : [{ sequence: row.sequence, submittedOn: dayInZone(row.submittedAt) }],
        ),
        today,
      );
      byAward.set(
        id,
        statuses.map((status, index) => ({ ...status, row: mine[index] as AwardReportEntity })),
      );
    }
    return byAward;
  }

  async outputsOf(awardIds: readonly string[]): Promise<AwardOutputEntity[]> {
    return this.dataSource.getRepository(AwardOutputEntity).find({
      where: { awardId: In([...awardIds]) },
      order: { recordedAt: 'DESC', id: 'DESC' },
    });
  }
}
