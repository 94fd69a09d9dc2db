import { Args, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Roles, type Principal } from '@praxis/platform/auth';
import {
  bucketsCovering,
  releaseBeside,
  releaseCount,
  releasedRate,
  type ReleasedCount,
} from '@praxis/engagement/domain';
import { ENGAGEMENT_OPTIONS, type EngagementOptions } from '../engagement.options';
import { institutionRef } from '../engagement.refs';
import { assertMaySee } from '../metrics/metrics.service';
import { careerStageLine } from '../figures/figure.release';
import {
  collaborationEdges,
  countOverview,
  type OverviewCounts,
  type OverviewFigures,
} from './overview.query';
import {
  EngagementOverviewInput,
  EngagementOverviewObject,
  OVERVIEW_FIGURES,
  type OverviewFigureKind,
  type OverviewRateObject,
} from './overview.objects';

const FIGURE_OF: Record<OverviewFigureKind, keyof OverviewCounts> = {
  ENTRIES: 'entries',
  INTER_INSTITUTIONAL_ENTRIES: 'interInstitutionalEntries',
  REVIEWS_SUBMITTED: 'reviews',
  MEMBERS: 'members',
  ACTIVE_MENTEES: 'activeMentees',
  REQUESTS_ACCEPTED: 'requestsAccepted',
  REQUESTS_DECLINED: 'requestsDeclined',
  AT_RISK_RELATIONSHIPS: 'atRisk',
  CHECK_INS_HELD: 'checkInsHeld',
  CHECK_INS_EXPECTED: 'checkInsExpected',
  FEEDBACK_RATINGS: 'ratings',
};

/**
 * The scope's count of `field` by career stage, one suppressed line whose total is the unsplit count (released
 * on the same rule: a small total hides the line); a count is its own contributors.
 */
function stageLine(figures: OverviewFigures, field: keyof OverviewCounts, threshold: number) {
  return careerStageLine(
    [...figures.byStage].map(([stage, counts]) => ({
      stage,
      value: counts[field],
      contributors: counts[field],
    })),
    threshold,
  );
}

function rates(
  released: Map<OverviewFigureKind, ReleasedCount>,
  ratingSum: number,
): Map<OverviewRateObject['rate'], number | null> {
  const get = (kind: OverviewFigureKind) => released.get(kind) ?? { count: null, suppressed: true };
  const ratings = get('FEEDBACK_RATINGS');
  return new Map([
    ['INTER_INSTITUTIONAL_SHARE', releasedRate(get('INTER_INSTITUTIONAL_ENTRIES'), get('ENTRIES'))],
    ['MENTORED_SHARE', releasedRate(get('ACTIVE_MENTEES'), get('MEMBERS'))],
    ['CHECK_IN_ADHERENCE', releasedRate(get('CHECK_INS_HELD'), get('CHECK_INS_EXPECTED'))],
    // an average of fewer ratings than the threshold is withheld with their count
    [
      'AVERAGE_FEEDBACK_RATING',
      ratings.count === null || ratings.count === 0
        ? null
        : Math.round((ratingSum / ratings.count) * 100) / 100,
    ],
  ]);
}

@Resolver(() => EngagementOverviewObject)
export class OverviewResolver {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(ENGAGEMENT_OPTIONS) private readonly options: EngagementOptions,
  ) {}

  @Roles('lead', 'admin')
  @Query(() => EngagementOverviewObject, {
    description:
      'Competitions (entries, inter-institutional share, judging progress, the collaboration network) and mentoring (share with an active mentor, requests accepted and declined, at-risk relationships, check-in adherence against the agreed cadence, feedback ratings, coaching-workshop fill and waitlist, mastermind attendance) for an institution beside the network; small counts suppressed',
  })
  async engagementOverview(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: EngagementOverviewInput,
  ): Promise<EngagementOverviewObject> {
    const institutionId = input.institutionId?.toLowerCase() ?? null;
    assertMaySee(principal, institutionId);
    bucketsCovering({ from: input.from, to: input.to }, 'YEAR'); // the same period rules as the funnel
    const threshold = this.options.suppressionThreshold;
    const scope = { from: input.from, to: input.to };
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const ownFigures = await countOverview(manager, { ...scope, institutionId });
      const own = ownFigures.total;
      const network = institutionId
        ? (await countOverview(manager, { ...scope, institutionId: null })).total
        : own;
      const beside = (field: keyof OverviewCounts) => {
        const released = institutionId
          ? releaseBeside(own[field], network[field], threshold)
          : {
              institution: releaseCount(own[field], threshold),
              network: releaseCount(own[field], threshold),
            };
        return {
          released,
          object: {
            count: released.institution.count,
            suppressed: released.institution.suppressed,
            networkCount: released.network.count,
            networkSuppressed: released.network.suppressed,
            byCareerStage: stageLine(ownFigures, field, threshold),
          },
        };
      };
      const ownReleased = new Map<OverviewFigureKind, ReleasedCount>();
      const networkReleased = new Map<OverviewFigureKind, ReleasedCount>();
      const figures = OVERVIEW_FIGURES.map((figure) => {
        const { released, object } = beside(FIGURE_OF[figure]);
        ownReleased.set(figure, released.institution);
        networkReleased.set(figure, released.network);
        return { figure, ...object };
      });
      const places = beside('workshopPlaces');
      const taken = beside('workshopPlacesTaken');
      const groupMentoring = {
        workshopsHeld: beside('workshops').object,
        workshopPlaces: places.object,
        workshopPlacesTaken: taken.object,
        workshopWaitlisted: beside('workshopWaitlisted').object,
        workshopFill: releasedRate(taken.released.institution, places.released.institution),
        networkWorkshopFill: releasedRate(taken.released.network, places.released.network),
        mastermindAttendees: beside('mastermindAttendees').object,
      };
      const ownRates = rates(ownReleased, own.ratingSum);
      const networkRates = rates(networkReleased, network.ratingSum);
      const edges = await collaborationEdges(manager, { ...scope, institutionId });
      return {
        institutionId,
        suppressionThreshold: threshold,
        figures,
        groupMentoring,
        rates: [...ownRates.keys()].map((rate) => ({
          rate,
          value: ownRates.get(rate) ?? null,
          networkValue: networkRates.get(rate) ?? null,
        })),
        collaboration: edges.map((edge) => ({
          institutionAId: edge.institutionA,
          institutionBId: edge.institutionB,
          institutionA: institutionRef(edge.institutionA),
          institutionB: institutionRef(edge.institutionB),
          proposals: releaseCount(edge.proposals, threshold).count,
        })),
      };
    });
  }
}
