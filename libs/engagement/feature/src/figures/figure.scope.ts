import type { Principal } from '@praxis/platform/auth';
import { bucketsCovering, spanOf, type Bucket, type Period } from '@praxis/engagement/domain';
import { assertMaySee } from '../metrics/metrics.service';
import type { EngagementMetricsInput } from '../metrics/metrics.objects';

export interface MetricScope {
  institutionId: string | null;
  buckets: Bucket[];
  span: Period;
}

/** What every metric does first: who may see the scope, and the whole buckets the period covers. */
export function metricScope(principal: Principal, input: EngagementMetricsInput): MetricScope {
  const institutionId = input.institutionId?.toLowerCase() ?? null;
  assertMaySee(principal, institutionId);
  const buckets = bucketsCovering({ from: input.from, to: input.to }, input.granularity);
  return { institutionId, buckets, span: spanOf(buckets) };
}
