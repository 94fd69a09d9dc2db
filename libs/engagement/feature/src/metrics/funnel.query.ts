import type { EntityManager } from 'typeorm';
import {
  ALL_INSTITUTIONS,
  ALL_STAGES,
  countsFromRollup,
  FLOW_STEPS,
  STOCK_STEPS,
  type Activity,
  type BucketCounts,
  type Bucket,
  type Granularity,
} from '@praxis/engagement/domain';
import { GROUP_EXPRESSION, type Dimension } from './dimensions';

/** Raw counts: bucket index → group → activity → distinct members. */
export type FunnelCounts = BucketCounts;

/** The splits the roll-up answers (its cells are per institution and career stage); the others scan. */
export const ROLLUP_DIMENSIONS: ReadonlySet<Dimension> = new Set(['NONE', 'CAREER_STAGE', 'INSTITUTION']);

/**
 * The funnel's counts from the roll-up, for one institution (or the network when null): the cells of the
 * buckets' granularity in the period, and the stocks' deltas before it summed into one row per group and step
 * (a bucket's stock is every delta up to it). A few hundred cells, however long the history.
 */
export async function rollupFunnel(
  manager: EntityManager,
  scope: {
    institutionId: string | null;
    buckets: readonly Bucket[];
    granularity: Granularity;
    dimension: Dimension;
  },
): Promise<FunnelCounts> {
  const first = scope.buckets[0];
  const last = scope.buckets[scope.buckets.length - 1];
  if (!first || !last) return new Map();
  // which cells: an institution's (or every institution's, split by institution) or the network's, each for all
  // stages or per stage
  const byInstitution = scope.dimension === 'INSTITUTION';
  const institution = scope.institutionId ?? (byInstitution ? null : ALL_INSTITUTIONS);
  const perStage = scope.dimension === 'CAREER_STAGE';
  const group = scope.dimension === 'NONE' ? `'ALL'` : perStage ? 'career_stage' : 'institution_id::text';
  const rows: Array<{ bucket_start: Date; step: Activity; grp: string; value: number }> = await manager.query(
    `SELECT GREATEST(bucket_start, $2::timestamptz) AS bucket_start, step, ${group} AS grp, sum(value)::int AS value
       FROM engagement_funnel_rollup
      WHERE granularity = $1 AND bucket_start < $3::timestamptz
        AND (bucket_start >= $2::timestamptz OR step = ANY($4::text[]))
        AND (CASE WHEN $5::uuid IS NULL THEN institution_id <> $6::uuid ELSE institution_id = $5::uuid END)
        AND (CASE WHEN $7::boolean THEN career_stage <> $8 ELSE career_stage = $8 END)
      GROUP BY 1, 2, 3`,
    [
      scope.granularity,
      first.start.toISOString(),
      last.end.toISOString(),
      STOCK_STEPS,
      institution,
      ALL_INSTITUTIONS,
      perStage,
      ALL_STAGES,
    ],
  );
  return countsFromRollup(
    rows.map((row) => ({
      bucketStart: new Date(row.bucket_start),
      step: row.step,
      group: row.grp,
      value: Number(row.value),
    })),
    scope.buckets,
  );
}

/**
 * Distinct members per bucket, group and step, for one institution (or the network when null). `MEMBERS` is
 * the stock registered by a bucket's end; `MENTORED` counts mentees with a mentoring relationship active at
 * any time in the bucket; every other step counts members with that activity in the bucket.
 */
export async function countFunnel(
  manager: EntityManager,
  scope: { institutionId: string | null; buckets: readonly Bucket[]; dimension: Dimension },
): Promise<FunnelCounts> {
  const rows: Array<{ idx: string; activity: Activity; grp: string; n: string }> = await manager.query(
    `WITH b AS (
       SELECT * FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS b(start_at, end_at, idx)
     ), m AS (
       SELECT em.member_id, em.registered_at, ${GROUP_EXPRESSION[scope.dimension]} AS grp
       FROM engagement_member em LEFT JOIN engagement_demographics d ON d.member_id = em.member_id
       WHERE $3::uuid IS NULL OR em.institution_id = $3::uuid
     )
     SELECT b.idx, 'MEMBERS' AS activity, m.grp, count(*) AS n
       FROM b JOIN m ON m.registered_at < b.end_at GROUP BY 1, 2, 3
     UNION ALL
     SELECT b.idx, a.activity, m.grp, count(DISTINCT a.member_id)
       FROM b JOIN engagement_activity a ON a.occurred_at >= b.start_at AND a.occurred_at < b.end_at
       JOIN m ON m.member_id = a.member_id
       WHERE a.activity = ANY($4::text[]) GROUP BY 1, 2, 3
     UNION ALL
     SELECT b.idx, 'MENTORED', m.grp, count(DISTINCT r.mentee_id)
       FROM b JOIN engagement_relationship r ON r.kind = 'MENTORING' AND r.started_at < b.end_at
         AND (r.ended_at IS NULL OR r.ended_at >= b.start_at)
       JOIN m ON m.member_id = r.mentee_id GROUP BY 1, 2, 3`,
    [
      scope.buckets.map((bucket) => bucket.start.toISOString()),
      scope.buckets.map((bucket) => bucket.end.toISOString()),
      scope.institutionId,
      FLOW_STEPS,
    ],
  );
  const counts: FunnelCounts = new Map();
  for (const row of rows) {
    const bucket = Number(row.idx) - 1;
    const groups = counts.get(bucket) ?? new Map<string, Map<Activity, number>>();
    counts.set(bucket, groups);
    const steps = groups.get(row.grp) ?? new Map<Activity, number>();
    groups.set(row.grp, steps);
    steps.set(row.activity, Number(row.n));
  }
  return counts;
}

/** Institutions with members, in a stable order (the groups of the INSTITUTION dimension). */
export async function knownInstitutions(
  manager: EntityManager,
  institutionId: string | null,
): Promise<string[]> {
  const rows: Array<{ institution_id: string }> = await manager.query(
    `SELECT DISTINCT institution_id FROM engagement_member
     WHERE $1::uuid IS NULL OR institution_id = $1::uuid ORDER BY institution_id`,
    [institutionId],
  );
  return rows.map((row) => row.institution_id);
}
