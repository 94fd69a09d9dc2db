import type { EntityManager } from 'typeorm';
import type { CareerStage } from '@praxis/contracts';
import type { Bucket } from '@praxis/engagement/domain';
import { queryFigures } from '../figures/figure.query';
import type { FigureRow } from '../figures/figure.release';

const DAY = (column: string) => `(${column} AT TIME ZONE 'UTC')::date`;

/**
 * Protected time per bucket (`key` the bucket's index), by the member's institution and career stage:
 * - allocated: approved allocations' weekly minutes × the days they cover in the bucket ÷ 7; an allocation
 *   replaced by an approved one ends the day before its replacement starts;
 * - logged: time entries (as they now stand) dated in the bucket;
 * - at risk: members with an erosion episode open at any time in the bucket.
 */
export function protectedTimeRows(manager: EntityManager, buckets: readonly Bucket[]): Promise<FigureRow[]> {
  return queryFigures(
    manager,
    buckets,
    `, alloc AS (
       SELECT al.member_id, al.weekly_minutes, al.from_day,
         LEAST(al.to_day, (SELECT min(r.from_day) - 1 FROM engagement_allocation r
           WHERE r.replaces_allocation_id = al.allocation_id AND r.approved_at IS NOT NULL)) AS to_day
       FROM engagement_allocation al WHERE al.approved_at IS NOT NULL
     ), alloc_b AS (
       SELECT b.idx, alloc.member_id,
         alloc.weekly_minutes * (LEAST(alloc.to_day, ${DAY('b.end_at')} - 1)
           - GREATEST(alloc.from_day, ${DAY('b.start_at')}) + 1) / 7.0 AS minutes
       FROM b JOIN alloc ON alloc.to_day >= alloc.from_day
         AND alloc.from_day < ${DAY('b.end_at')} AND alloc.to_day >= ${DAY('b.start_at')}
     ), logged_b AS (
       SELECT b.idx, t.member_id, t.minutes FROM b JOIN engagement_time_entry t
         ON t.minutes > 0 AND t.day >= ${DAY('b.start_at')} AND t.day < ${DAY('b.end_at')}
     )
     SELECT 'MEMBERS_WITH_PROTECTED_TIME' AS figure, (x.idx - 1)::text AS key, m.institution, m.stage,
            count(DISTINCT x.member_id) AS value, count(DISTINCT x.member_id) AS contributors
       FROM alloc_b x JOIN m ON m.member_id = x.member_id GROUP BY 1, 2, 3, 4
     UNION ALL
     SELECT 'MINUTES_ALLOCATED', (x.idx - 1)::text, m.institution, m.stage,
            round(sum(x.minutes)), count(DISTINCT x.member_id)
       FROM alloc_b x JOIN m ON m.member_id = x.member_id GROUP BY 1, 2, 3, 4
     UNION ALL
     SELECT 'MEMBERS_LOGGING_TIME', (x.idx - 1)::text, m.institution, m.stage,
            count(DISTINCT x.member_id), count(DISTINCT x.member_id)
       FROM logged_b x JOIN m ON m.member_id = x.member_id GROUP BY 1, 2, 3, 4
     UNION ALL
     SELECT 'MINUTES_LOGGED', (x.idx - 1)::text, m.institution, m.stage, sum(x.minutes), count(DISTINCT x.member_id)
       FROM logged_b x JOIN m ON m.member_id = x.member_id GROUP BY 1, 2, 3, 4
     UNION ALL
     SELECT 'MEMBERS_AT_RISK', (b.idx - 1)::text, m.institution, m.stage,
            count(DISTINCT r.member_id), count(DISTINCT r.member_id)
       FROM b JOIN engagement_time_risk r ON r.detected_at < b.end_at
         AND (r.recovered_at IS NULL OR r.recovered_at >= b.start_at)
       JOIN m ON m.member_id = r.member_id GROUP BY 1, 2, 3, 4`,
  );
}

export const FUNDING_MEASURES = ['AWARDED', 'ACCEPTED', 'COMMITTED', 'PAID'] as const;
export type FundingMeasure = (typeof FUNDING_MEASURES)[number];

export interface MoneyRow {
  measure: FundingMeasure;
  bucket: number;
  institution: string | null;
  fundId: string | null;
  currency: string;
  /** The PI's current career stage (OTHER until engagement has seen the PI's registration) */
  stage: CareerStage;
  amountMinor: number;
  awards: number;
}

/**
 * Money per bucket, fund, currency and institution (the award's PI's institution as funding stated it, else
 * the PI's current one): awarded (offers made), accepted (offers accepted), committed and paid (the spend
 * ledger's commitment and payment entries dated in the bucket, reversals netted). Which payment settles which
 * commitment is not on the events (its reference is private), so committed is what was committed in the bucket,
 * not what is still open. `awards` counts the awards behind each sum (its contributors). Each sum is also split by
 * the PI's current career stage (an award has one PI, so the stages partition the fund's awards; a PI whose
 * registration engagement has not yet seen counts under OTHER until it arrives).
 */
export async function moneyRows(manager: EntityManager, buckets: readonly Bucket[]): Promise<MoneyRow[]> {
  const rows: Array<Record<string, string | null>> = await manager.query(
    `WITH b AS (
       SELECT * FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS b(start_at, end_at, idx)
     ), money AS (
       SELECT 'AWARDED' AS measure, aw.award_id, aw.institution_id, aw.principal_investigator_id AS pi,
              aw.fund_id, aw.currency, aw.amount_minor AS amount, aw.offered_at AS at
         FROM engagement_award aw WHERE aw.offered_at IS NOT NULL
       UNION ALL
       SELECT 'ACCEPTED', aw.award_id, aw.institution_id, aw.principal_investigator_id, aw.fund_id, aw.currency,
              aw.amount_minor, aw.accepted_at
         FROM engagement_award aw WHERE aw.accepted_at IS NOT NULL
       UNION ALL
       SELECT CASE s.kind WHEN 'PAYMENT' THEN 'PAID' ELSE 'COMMITTED' END, s.award_id, s.institution_id, s.principal_investigator_id, s.fund_id, s.currency,
              s.amount_minor, s.spent_on::timestamp AT TIME ZONE 'UTC'
         FROM engagement_spend s
     )
     SELECT x.measure, b.idx - 1 AS bucket, COALESCE(x.institution_id, em.institution_id)::text AS institution,
            x.fund_id::text AS fund_id, x.currency, COALESCE(em.career_stage, 'OTHER') AS stage,
            sum(x.amount) AS amount, count(DISTINCT x.award_id) AS awards
     FROM b JOIN money x ON x.at >= b.start_at AND x.at < b.end_at
     LEFT JOIN engagement_member em ON em.member_id = x.pi
     GROUP BY 1, 2, 3, 4, 5, 6`,
    [buckets.map((bucket) => bucket.start.toISOString()), buckets.map((bucket) => bucket.end.toISOString())],
  );
  return rows.map((row) => ({
    measure: row.measure as FundingMeasure,
    bucket: Number(row.bucket),
    institution: row.institution ?? null,
    fundId: row.fund_id ?? null,
    currency: String(row.currency),
    stage: String(row.stage) as CareerStage,
    amountMinor: Number(row.amount),
    awards: Number(row.awards),
  }));
}

export interface AtRiskRow {
  memberId: string;
  episodeStartedWeek: string;
  detectedAt: Date;
}

/** Members of the scope whose protected time is at risk at `at` (an episode detected and not recovered). */
export async function membersAtRisk(
  manager: EntityManager,
  scope: { institutionId: string | null; at: Date },
): Promise<AtRiskRow[]> {
  const rows: Array<{ member_id: string; episode_started_week: string; detected_at: Date }> =
    await manager.query(
      `SELECT r.member_id, r.episode_started_week, r.detected_at FROM engagement_time_risk r
     JOIN engagement_member em ON em.member_id = r.member_id
     WHERE r.detected_at < $2 AND (r.recovered_at IS NULL OR r.recovered_at >= $2)
       AND ($1::uuid IS NULL OR em.institution_id = $1::uuid)
     ORDER BY r.detected_at, r.member_id`,
      [scope.institutionId, scope.at.toISOString()],
    );
  return rows.map((row) => ({
    memberId: row.member_id,
    episodeStartedWeek: row.episode_started_week,
    detectedAt: row.detected_at,
  }));
}
