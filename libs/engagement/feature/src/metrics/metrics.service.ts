import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isAdmin, isLeadOf, type Principal } from '@praxis/platform/auth';
import {
  ACTIVITIES,
  bucketsCovering,
  EngagementDomainError,
  EngagementErrorCode,
  releaseBeside,
  releaseSplitFunnel,
  zeroCounts,
  type Activity,
  type ActivityCounts,
  type Granularity,
} from '@praxis/engagement/domain';
import { ENGAGEMENT_OPTIONS, type EngagementOptions } from '../engagement.options';
import { fixedGroups, type Dimension } from './dimensions';
import { countFunnel, knownInstitutions, type FunnelCounts } from './funnel.query';
import type { EngagementFunnelObject, FunnelBucketObject } from './metrics.objects';

export interface FunnelQuery {
  institutionId: string | null;
  from: Date;
  to: Date;
  granularity: Granularity;
  splitBy: Dimension;
}

/**
 * Who may see which figures: a lead their own institution's (as membership's current roles say, through the
 * replica), an admin any institution's and the network's.
 */
export function assertMaySee(principal: Principal, institutionId: string | null): void {
  if (isAdmin(principal)) return;
  if (institutionId === null) {
    throw new EngagementDomainError(
      EngagementErrorCode.FORBIDDEN_SCOPE,
      'only admins see the whole network; give your institutionId',
    );
  }
  if (!isLeadOf(principal, institutionId)) {
    throw new EngagementDomainError(
      EngagementErrorCode.FORBIDDEN_SCOPE,
      'you may see the figures of the institution you lead only',
    );
  }
}

function countsOf(counts: FunnelCounts, bucket: number, group: string): ActivityCounts {
  const steps = counts.get(bucket)?.get(group);
  const result = zeroCounts();
  for (const step of ACTIVITIES) result[step] = steps?.get(step) ?? 0;
  return result;
}

function networkTotal(counts: FunnelCounts, bucket: number, step: Activity): number {
  let total = 0;
  for (const steps of counts.get(bucket)?.values() ?? []) total += steps.get(step) ?? 0;
  return total;
}

@Injectable()
export class MetricsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(ENGAGEMENT_OPTIONS) private readonly options: EngagementOptions,
  ) {}

  async funnel(principal: Principal, query: FunnelQuery): Promise<EngagementFunnelObject> {
    assertMaySee(principal, query.institutionId);
    const buckets = bucketsCovering({ from: query.from, to: query.to }, query.granularity);
    const threshold = this.options.suppressionThreshold;
    const { institutionId, splitBy } = query;
    // one snapshot for every figure of the answer, so its tables agree with each other
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const groups =
        splitBy === 'INSTITUTION' ? await knownInstitutions(manager, institutionId) : fixedGroups(splitBy);
      const counts = await countFunnel(manager, { institutionId, buckets, dimension: splitBy });
      const network = institutionId
        ? await countFunnel(manager, { institutionId: null, buckets, dimension: 'NONE' })
        : null;
      const result: FunnelBucketObject[] = buckets.map((bucket, index) => {
        const released = releaseSplitFunnel(groups, (group) => countsOf(counts, index, group), threshold);
        return {
          label: bucket.label,
          start: bucket.start,
          end: bucket.end,
          steps: released.total.map((step) => ({ ...step, ...step.count })),
          groups:
            splitBy === 'NONE'
              ? []
              : released.groups.map((group) => ({
                  group: group.group,
                  steps: group.steps.map((step) => ({ ...step, ...step.count })),
                })),
          network: network
            ? ACTIVITIES.map((step) => {
                const own = groups.reduce((sum, group) => sum + countsOf(counts, index, group)[step], 0);
                const beside = releaseBeside(own, networkTotal(network, index, step), threshold);
                return { step, ...beside.network };
              })
            : [],
        };
      });
      return {
        institutionId,
        granularity: query.granularity,
        splitBy,
        suppressionThreshold: threshold,
        buckets: result,
      };
    });
  }
}
