import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Roles, type Principal } from '@praxis/platform/auth';
import { releaseCount } from '@praxis/engagement/domain';
import { ENGAGEMENT_OPTIONS, type EngagementOptions } from '../engagement.options';
import { EngagementMetricsInput } from '../metrics/metrics.objects';
import { metricScope } from '../figures/figure.scope';
import type { MetricFigure } from '../figures/figure.objects';
import { FigureTable, rateOf } from '../figures/figure.release';
import { EngagementProgrammesObject } from './programmes.objects';
import { programmeFigureRows, programmesIn, sessionFigureRows } from './programmes.query';

const PROGRAMME_FIGURES: readonly MetricFigure[] = [
  'APPLICANTS',
  'SELECTED',
  'WAITLISTED',
  'ATTENDEES',
  'CERTIFIED',
];

@Resolver(() => EngagementProgrammesObject)
export class ProgrammesResolver {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(ENGAGEMENT_OPTIONS) private readonly options: EngagementOptions,
  ) {}

  @Roles('lead', 'admin')
  @Query(() => EngagementProgrammesObject, {
    description:
      'Programmes: applications, selection, attendance per session and retention across the series, certificates, reflection counts; an institution beside the network, small counts suppressed',
  })
  async engagementProgrammes(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: EngagementMetricsInput,
  ): Promise<EngagementProgrammesObject> {
    const { institutionId, buckets, span } = metricScope(principal, input);
    const threshold = this.options.suppressionThreshold;
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const perBucket = new FigureTable(
        await programmeFigureRows(manager, buckets, 'BUCKET'),
        institutionId,
        threshold,
      );
      const programmes = await programmesIn(manager, span);
      const perProgramme = new FigureTable(
        await programmeFigureRows(
          manager,
          [{ label: 'period', start: span.from, end: span.to }],
          'PROGRAMME',
        ),
        institutionId,
        threshold,
      );
      const perSession = new FigureTable(
        await sessionFigureRows(
          manager,
          programmes.map((programme) => programme.programmeId),
        ),
        institutionId,
        threshold,
      );
      return {
        institutionId,
        granularity: input.granularity,
        suppressionThreshold: threshold,
        buckets: buckets.map((bucket, index) => {
          const figures = perBucket.release(String(index), PROGRAMME_FIGURES);
          return { ...bucket, figures, rates: [rateOf('SELECTION_RATE', figures, 'SELECTED', 'APPLICANTS')] };
        }),
        programmes: programmes.map((programme) => {
          const figures = perProgramme.release(programme.programmeId, PROGRAMME_FIGURES);
          const reflections = releaseCount(programme.reflections, threshold);
          const first = programme.sessions[0];
          const firstAttendees = first ? perSession.release(first.sessionId, ['ATTENDEES']) : [];
          return {
            programmeId: programme.programmeId,
            title: programme.title,
            figures,
            rates: [rateOf('SELECTION_RATE', figures, 'SELECTED', 'APPLICANTS')],
            reflections: reflections.count,
            reflectionsSuppressed: reflections.suppressed,
            sessions: programme.sessions.map((session) => {
              const [attendees, retained] = perSession.release(session.sessionId, ['ATTENDEES', 'RETAINED']);
              const retention = rateOf(
                'RETENTION',
                [retained, ...firstAttendees].filter((figure) => figure !== undefined),
                'RETAINED',
                'ATTENDEES',
              );
              return {
                ...session,
                attendees: attendees?.value ?? null,
                networkAttendees: attendees?.networkValue ?? null,
                retained: retained?.value ?? null,
                retention: retention.value,
                networkRetention: retention.networkValue,
              };
            }),
          };
        }),
      };
    });
  }
}
