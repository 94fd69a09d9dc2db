import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@praxis/platform/auth';
import { IdArg, requestLoader } from '@praxis/platform/graphql';
import type { AwardOutputEntity } from '@praxis/funding/data-access';
import { AwardObject } from '../award/award.objects';
import { memberRef } from '../funding.refs';
import {
  AwardOutputObject,
  AwardReportObject,
  RecordOutputInput,
  SubmitReportInput,
} from './reporting.objects';
import { ReportsService, type ReportRow } from './reports.service';

function toReportObject(report: ReportRow): AwardReportObject {
  return {
    id: report.row.id,
    kind: report.kind,
    sequence: report.sequence,
    dueOn: report.dueOn,
    state: report.state,
    daysLate: report.daysLate,
    submittedAt: report.row.submittedAt,
    submittedBy: report.row.submittedBy === null ? null : memberRef(report.row.submittedBy),
    progress: report.row.progress,
    problems: report.row.problems,
    nextSteps: report.row.nextSteps,
  };
}

function toOutputObject(output: AwardOutputEntity): AwardOutputObject {
  return {
    id: output.id,
    kind: output.kind,
    title: output.title,
    doi: output.doi,
    url: output.url,
    recordedBy: memberRef(output.recordedBy),
    recordedAt: output.recordedAt,
  };
}

/**
 * Reports and outputs of an award. Writing is per record in the service (the team submits reports; the team
 * or an admin records outputs); reading goes with the award, which its own resolvers have already authorised.
 */
@Resolver(() => AwardObject)
export class ReportsResolver {
  constructor(private readonly service: ReportsService) {}

  @Mutation(() => AwardReportObject, {
    description:
      'The principal investigator or a team member submits a report of an active award (the final one lets an admin close it)',
  })
  async submitReport(
    @CurrentPrincipal() principal: Principal,
    @IdArg('awardId') awardId: string,
    @Args('input') input: SubmitReportInput,
  ): Promise<AwardReportObject> {
    const saved = await this.service.submit(awardId, input, principal);
    const rows = (await this.service.reportsOf([awardId])).get(awardId) ?? [];
    const row = rows.find((candidate) => candidate.row.id === saved.id);
    if (!row) throw new Error('a submitted report vanished');
    return toReportObject(row);
  }

  @Mutation(() => AwardOutputObject, { description: "The award's team or an admin links an output to it" })
  async recordOutput(
    @CurrentPrincipal() principal: Principal,
    @IdArg('awardId') awardId: string,
    @Args('input') input: RecordOutputInput,
  ): Promise<AwardOutputObject> {
    return toOutputObject(await this.service.recordOutput(awardId, input, principal));
  }

  @ResolveField(() => [AwardReportObject], {
    description: 'Reports due (scheduled at activation), in due order, with overdue ones flagged',
  })
  async reports(@Parent() award: AwardObject, @Context('req') request: object): Promise<AwardReportObject[]> {
    const loader = requestLoader(
      request,
      'award-reports',
      async (ids) => {
        const byAward = await this.service.reportsOf(ids);
        return ids.map((id) => ({ id, rows: byAward.get(id) ?? [] }));
      },
      (group) => group.id,
    );
    return ((await loader.load(award.id))?.rows ?? []).map(toReportObject);
  }

  @ResolveField(() => [AwardOutputObject], { description: 'Outputs linked to the award, newest first' })
  async outputs(@Parent() award: AwardObject, @Context('req') request: object): Promise<AwardOutputObject[]> {
    const loader = requestLoader(
      request,
      'award-outputs',
      async (ids) => {
        const rows = await this.service.outputsOf(ids);
        return ids.map((id) => ({ id, rows: rows.filter((row) => row.awardId === id) }));
      },
      (group) => group.id,
    );
    return ((await loader.load(award.id))?.rows ?? []).map(toOutputObject);
  }
}
