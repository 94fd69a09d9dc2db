import { Args, Field, InputType, ObjectType, Query, Resolver, registerEnumType } from '@nestjs/graphql';
import { IsIn } from 'class-validator';
import { CAREER_STAGES } from '@praxis/contracts';
import { CurrentPrincipal, Roles, type Principal } from '@praxis/platform/auth';
import { careerStageField, type MetricFigureObject } from '../figures/figure.objects';
import { OverviewResolver } from '../overview/overview.resolver';
import type { GroupMentoringOverviewObject, OverviewCountObject } from '../overview/overview.objects';
import { FundingResolver } from '../funding/funding.resolver';
import { EngagementFunnelInput } from '../metrics/metrics.objects';
import { MetricsService } from '../metrics/metrics.service';
import { ProgrammesResolver } from '../programmes/programmes.resolver';
import { releasedCells, toCsv } from './csv';

export const EXPORT_TABLES = [
  'FUNNEL',
  'PROGRAMMES',
  'PROGRAMME_SESSIONS',
  'PROTECTED_TIME',
  'MONEY',
  'OVERVIEW',
  'GROUP_MENTORING',
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
const ExportTableEnum = Object.fromEntries(EXPORT_TABLES.map((table) => [table, table])) as Record<
  ExportTable,
  ExportTable
>;
registerEnumType(ExportTableEnum, {
  name: 'EngagementExportTable',
  description:
    'FUNNEL (engagementFunnel, with its split), PROGRAMMES and PROGRAMME_SESSIONS (engagementProgrammes), PROTECTED_TIME and MONEY (engagementFunding), OVERVIEW (engagementOverview over the whole period: granularity is not used), GROUP_MENTORING (its groupMentoring counts, over the whole period too); each figure with its career-stage line',
});

@InputType()
export class EngagementExportInput extends EngagementFunnelInput {
  @Field(() => ExportTableEnum)
  @IsIn(EXPORT_TABLES)
  table!: ExportTable;
}

@ObjectType('EngagementCsvExport', {
  description: 'A metric table as CSV, with the same suppression as the query',
})
export class EngagementCsvExportObject {
  @Field({ description: 'A file name for the download, e.g. engagement-funnel-2026-Q1.csv' })
  filename!: string;

  @Field()
  contentType!: string;

  @Field({
    description: 'RFC 4180 CSV, header first; a suppressed cell is empty with its suppressed column true',
  })
  csv!: string;
}

const STAGE_COLUMNS = CAREER_STAGES.map((stage) => stage.toLowerCase());

/** A career-stage line as CSV cells, one per stage: empty when suppressed (or when the figure has no line). */
function stageCells(line: Readonly<Record<string, number | null>> | null | undefined): Array<number | null> {
  return CAREER_STAGES.map((stage) => line?.[careerStageField(stage)] ?? null);
}

function figureRow(prefix: ReadonlyArray<string | null>, figure: MetricFigureObject) {
  return [
    ...prefix,
    figure.figure,
    ...releasedCells(figure.value, figure.suppressed),
    ...releasedCells(figure.networkValue, figure.networkSuppressed),
    ...stageCells(figure.byCareerStage),
  ];
}

function overviewRow(name: string, figure: OverviewCountObject) {
  return [
    name,
    ...releasedCells(figure.count, figure.suppressed),
    ...releasedCells(figure.networkCount, figure.networkSuppressed),
    ...stageCells(figure.byCareerStage),
  ];
}
const OVERVIEW_HEADER = [
  'figure',
  'count',
  'suppressed',
  'network_count',
  'network_suppressed',
  ...STAGE_COLUMNS,
];

/** The group-mentoring counts as rows: the end of the OVERVIEW table and the whole GROUP_MENTORING one. */
function groupMentoringRows(group: GroupMentoringOverviewObject) {
  return [
    overviewRow('WORKSHOPS_HELD', group.workshopsHeld),
    overviewRow('WORKSHOP_PLACES', group.workshopPlaces),
    overviewRow('WORKSHOP_PLACES_TAKEN', group.workshopPlacesTaken),
    overviewRow('WORKSHOP_WAITLISTED', group.workshopWaitlisted),
    overviewRow('MASTERMIND_ATTENDEES', group.mastermindAttendees),
  ];
}

const FIGURE_HEADER = [
  'figure',
  'value',
  'suppressed',
  'network_value',
  'network_suppressed',
  ...STAGE_COLUMNS,
];

@Resolver(() => EngagementCsvExportObject)
export class ExportResolver {
  constructor(
    private readonly metrics: MetricsService,
    private readonly programmes: ProgrammesResolver,
    private readonly funding: FundingResolver,
    private readonly overview: OverviewResolver,
  ) {}

  @Roles('lead', 'admin')
  @Query(() => EngagementCsvExportObject, {
    description:
      'A metric table as CSV for a download or a BI tool: the same figures, scope rules and suppression as its query',
  })
  async engagementExport(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: EngagementExportInput,
  ): Promise<EngagementCsvExportObject> {
    const csv = await this.table(principal, input);
    const scope = input.institutionId?.toLowerCase() ?? 'network';
    const period = `${input.from.toISOString().slice(0, 10)}_${input.to.toISOString().slice(0, 10)}`;
    return {
      filename: `engagement-${input.table.toLowerCase().replace(/_/g, '-')}-${scope}-${period}.csv`,
      contentType: 'text/csv; charset=utf-8',
      csv,
    };
  }

  private async table(principal: Principal, input: EngagementExportInput): Promise<string> {
    switch (input.table) {
      case 'FUNNEL': {
        const funnel = await this.metrics.funnel(principal, {
          institutionId: input.institutionId?.toLowerCase() ?? null,
          from: input.from,
          to: input.to,
          granularity: input.granularity,
          splitBy: input.splitBy ?? 'NONE',
        });
        const rows = funnel.buckets.flatMap((bucket) => [
          ...bucket.steps.map((step) => [
            bucket.label,
            'ALL',
            step.step,
            ...releasedCells(step.count, step.suppressed),
            step.fromPrevious,
            step.fromMembers,
          ]),
          ...bucket.groups.flatMap((group) =>
            group.steps.map((step) => [
              bucket.label,
              group.group,
              step.step,
              ...releasedCells(step.count, step.suppressed),
              step.fromPrevious,
              step.fromMembers,
            ]),
          ),
          ...bucket.network.map((step) => [
            bucket.label,
            'NETWORK',
            step.step,
            ...releasedCells(step.count, step.suppressed),
            null,
            null,
          ]),
        ]);
        return toCsv(
          ['bucket', 'group', 'step', 'count', 'suppressed', 'from_previous', 'from_members'],
          rows,
        );
      }
      case 'PROGRAMMES': {
        const answer = await this.programmes.engagementProgrammes(principal, input);
        return toCsv(
          ['bucket', 'programme_id', 'title', ...FIGURE_HEADER],
          [
            ...answer.buckets.flatMap((bucket) =>
              bucket.figures.map((figure) => figureRow([bucket.label, null, null], figure)),
            ),
            ...answer.programmes.flatMap((programme) =>
              programme.figures.map((figure) =>
                figureRow(['period', programme.programmeId, programme.title], figure),
              ),
            ),
          ],
        );
      }
      case 'PROGRAMME_SESSIONS': {
        const answer = await this.programmes.engagementProgrammes(principal, input);
        return toCsv(
          [
            'programme_id',
            'title',
            'session_id',
            'starts_at',
            'attendees',
            'network_attendees',
            'retained',
            'retention',
            'network_retention',
          ],
          answer.programmes.flatMap((programme) =>
            programme.sessions.map((session) => [
              programme.programmeId,
              programme.title,
              session.sessionId,
              session.startsAt.toISOString(),
              session.attendees,
              session.networkAttendees,
              session.retained,
              session.retention,
              session.networkRetention,
            ]),
          ),
        );
      }
      case 'PROTECTED_TIME': {
        const answer = await this.funding.engagementFunding(principal, input);
        return toCsv(
          ['bucket', ...FIGURE_HEADER],
          answer.buckets.flatMap((bucket) =>
            bucket.figures.map((figure) => figureRow([bucket.label], figure)),
          ),
        );
      }
      case 'MONEY': {
        const answer = await this.funding.engagementFunding(principal, input);
        return toCsv(
          [
            'bucket',
            'measure',
            'fund_id',
            'currency',
            'amount_minor',
            'awards',
            'suppressed',
            'network_amount_minor',
            'network_suppressed',
            ...STAGE_COLUMNS,
          ],
          answer.buckets.flatMap((bucket) =>
            bucket.money.map((line) => [
              bucket.label,
              line.measure,
              line.fundId,
              line.currency,
              line.amount?.amountMinor ?? null,
              line.awards,
              line.suppressed,
              line.networkAmount?.amountMinor ?? null,
              line.networkSuppressed,
              ...stageCells(line.byCareerStage),
            ]),
          ),
        );
      }
      case 'OVERVIEW': {
        const answer = await this.overview.engagementOverview(principal, input);
        return toCsv(OVERVIEW_HEADER, [
          ...answer.figures.map((figure) => overviewRow(figure.figure, figure)),
          ...groupMentoringRows(answer.groupMentoring),
        ]);
      }
      case 'GROUP_MENTORING': {
        const answer = await this.overview.engagementOverview(principal, input);
        return toCsv(OVERVIEW_HEADER, groupMentoringRows(answer.groupMentoring));
      }
    }
  }
}
