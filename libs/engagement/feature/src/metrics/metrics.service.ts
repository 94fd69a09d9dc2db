import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource, type EntityManager } from 'typeorm';
import { funnelVersion, type Queryable } from '@praxis/engagement/data-access';
import { isAdmin, isLeadOf, type Principal } from '@praxis/platform/auth';
import { poolQuery } from '@praxis/platform/database';
import {
  ACTIVITIES,
  assertDemographicGranularity,
  bucketsCovering,
  EngagementDomainError,
  EngagementErrorCode,
  releaseBeside,
  releaseSplitFunnel,
  zeroCounts,
  type Activity,
  type ActivityCounts,
  type Bucket,
  type Granularity,
} from '@praxis/engagement/domain';
import { ENGAGEMENT_OPTIONS, type EngagementOptions } from '../engagement.options';
import { institutionRef } from '../engagement.refs';
import { DEMOGRAPHIC_DIMENSIONS, fixedGroups, type Dimension } from './dimensions';
import {
  countFunnel,
  knownInstitutions,
  rollupFunnel,
  ROLLUP_DIMENSIONS,
  type FunnelCounts,
} from './funnel.query';
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

/** Released funnels kept per (scope, buckets, granularity, split), each with the funnel version it was read at. */
export const FUNNEL_CACHE_ENTRIES = 1000;

@Injectable()
export class MetricsService {
  private readonly answers = new LRUCache<string, { version: string; answer: EngagementFunnelObject }>({
    max: FUNNEL_CACHE_ENTRIES,
  });
  /** The version check of a cached answer, once per request: on the pg pool, without TypeORM's query runner. */
  private readonly pool: Queryable = {
    query: (sql, parameters) => poolQuery(this.dataSource, sql, parameters ?? []),
  };

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ENGAGEMENT_OPTIONS) private readonly options: EngagementOptions,
  ) {}

  /**
   * The funnel, authorised first. A split the roll-up holds (none, career stage, institution) is read from it and
   * its released answer kept until the projections next commit a change to it (the funnel version, read in one
   * small query, names the roll-up's state); a demographic split scans the members and activities each time.
   */
  async funnel(principal: Principal, query: FunnelQuery): Promise<EngagementFunnelObject> {
    assertMaySee(principal, query.institutionId);
    const buckets = bucketsCovering({ from: query.from, to: query.to }, query.granularity);
    if (DEMOGRAPHIC_DIMENSIONS.has(query.splitBy)) assertDemographicGranularity(query.granularity);
    if (!ROLLUP_DIMENSIONS.has(query.splitBy)) {
      return this.dataSource.transaction('REPEATABLE READ', (manager) =>
        this.releaseFunnel(manager, query, buckets, 'scan'),
      );
    }
    const key = JSON.stringify([
      query.institutionId,
      buckets[0]?.start,
      buckets[buckets.length - 1]?.end,
      query.granularity,
      query.splitBy,
    ]);
    const cached = this.answers.get(key);
    if (cached && cached.version === (await funnelVersion(this.pool))) return cached.answer;
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // the version of this transaction's snapshot: a commit after it makes the answer stale, and changes it
      const version = await funnelVersion(manager);
      const answer = await this.releaseFunnel(manager, query, buckets, 'rollup');
      this.answers.set(key, { version, answer });
      return answer;
    });
  }

  /** The funnel released from one snapshot (the caller's transaction), so its tables agree with each other. */
  private async releaseFunnel(
    manager: EntityManager,
    query: FunnelQuery,
    buckets: Bucket[],
    source: 'rollup' | 'scan',
  ): Promise<EngagementFunnelObject> {
    const threshold = this.options.suppressionThreshold;
    const { institutionId, splitBy, granularity } = query;
    const count = (scope: { institutionId: string | null; dimension: Dimension }) =>
      source === 'rollup'
        ? rollupFunnel(manager, { ...scope, buckets, granularity })
        : countFunnel(manager, { ...scope, buckets });
    const groups =
      splitBy === 'INSTITUTION' ? await knownInstitutions(manager, institutionId) : fixedGroups(splitBy);
    const counts = await count({ institutionId, dimension: splitBy });
    const network = institutionId ? await count({ institutionId: null, dimension: 'NONE' }) : null;
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
                institution: splitBy === 'INSTITUTION' ? institutionRef(group.group) : null,
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
  }
}
