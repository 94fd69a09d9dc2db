import type { EntityManager } from 'typeorm';
import type { CareerStage } from '@praxis/contracts';

/** Raw figures of one scope (an institution, or the network when null) over `[from, to)`. */
export interface OverviewCounts {
  entries: number;
  interInstitutionalEntries: number;
  reviews: number;
  activeMentees: number;
  members: number;
  requestsAccepted: number;
  requestsDeclined: number;
  atRisk: number;
  checkInsHeld: number;
  checkInsExpected: number;
  ratings: number;
  ratingSum: number;
  workshops: number;
  workshopPlaces: number;
  workshopPlacesTaken: number;
  workshopWaitlisted: number;
  mastermindAttendees: number;
}

/** Every figure is split by career stage (the rating sum too, for the average's line). */
export type StagedCount = keyof OverviewCounts;

/**
 * One scope's figures: the totals, and each figure by the career stage of the member it belongs to: the member,
 * the mentee of a relationship, a workshop's coach, a mastermind attendee, an entry's lead applicant (a review by
 * the lead of the entry it scores). The stage is the member's current one, OTHER for a member engagement has not
 * seen register yet and for an entry whose lead no event has named (a blind competition's entries until the
 * results name the winners; entries projected before the lead was recorded, until a rebuild). The stages of a
 * figure add up to its total.
 */
export interface OverviewFigures {
  total: OverviewCounts;
  byStage: ReadonlyMap<CareerStage, Readonly<Record<StagedCount, number>>>;
}

export interface CollaborationEdge {
  institutionA: string;
  institutionB: string;
  proposals: number;
}

/** Mentorship's default check-in cadence, for relationships whose pair agreed none (as far as events tell). */
const DEFAULT_CADENCE_DAYS = 30;

const STAGED: Record<string, StagedCount> = {
  entries: 'entries',
  inter: 'interInstitutionalEntries',
  reviews: 'reviews',
  members: 'members',
  mentees: 'activeMentees',
  accepted: 'requestsAccepted',
  declined: 'requestsDeclined',
  at_risk: 'atRisk',
  held: 'checkInsHeld',
  expected: 'checkInsExpected',
  ratings: 'ratings',
  rating_sum: 'ratingSum',
  workshops: 'workshops',
  places: 'workshopPlaces',
  taken: 'workshopPlacesTaken',
  waitlisted: 'workshopWaitlisted',
  mastermind: 'mastermindAttendees',
};

/**
 * Competition and mentoring figures. An entry belongs to an institution when one of its team's institutions is
 * it (a review to its entry's); a relationship to the mentee's institution; a coaching workshop to its coach's; mastermind attendance to
 * the attendee's. A relationship's cadence is the one its pair had agreed at its latest check-in before the
 * period's end (check-in events carry it), else mentorship's default of 30 days. Check-ins expected: one per
 * cadence active in the period; at risk: active at the period's end with no check-in (or start) for two cadences,
 * as mentorship's health rule says. Every figure comes as rows `(figure, stage, n)`, one statement.
 */
export async function countOverview(
  manager: EntityManager,
  scope: { institutionId: string | null; from: Date; to: Date },
): Promise<OverviewFigures> {
  const params = [
    scope.institutionId,
    scope.from.toISOString(),
    scope.to.toISOString(),
    DEFAULT_CADENCE_DAYS,
  ];
  const staged: Array<{ figure: string; stage: CareerStage; n: string | null }> = await manager.query(
    `WITH r AS (
       SELECT r.*, em.career_stage AS stage FROM engagement_relationship r
       JOIN engagement_member em ON em.member_id = r.mentee_id
       WHERE r.kind = 'MENTORING' AND ($1::uuid IS NULL OR em.institution_id = $1::uuid)
     ), active AS (
       SELECT r.*, COALESCE((SELECT c.agreed_cadence_days FROM engagement_check_in c
           WHERE c.relationship_id = r.relationship_id AND c.agreed_cadence_days IS NOT NULL AND c.held_at < $3
           ORDER BY c.held_at DESC LIMIT 1), $4::int) AS cadence
       FROM r WHERE r.started_at < $3 AND (r.ended_at IS NULL OR r.ended_at >= $2)
     ), p AS (
       SELECT p.proposal_id, p.institution_ids, p.submitted_at, p.withdrawn_at,
         COALESCE(lead.career_stage, 'OTHER') AS stage
       FROM engagement_proposal p LEFT JOIN engagement_member lead ON lead.member_id = p.lead_member_id
       WHERE $1::uuid IS NULL OR $1::uuid = ANY(p.institution_ids)
     ), entry AS (
       SELECT * FROM p WHERE p.submitted_at >= $2 AND p.submitted_at < $3 AND p.withdrawn_at IS NULL
     ), w AS (
       SELECT w.*, COALESCE(em.career_stage, 'OTHER') AS stage
       FROM engagement_workshop w LEFT JOIN engagement_member em ON em.member_id = w.coach_id
       WHERE w.held_at >= $2 AND w.held_at < $3 AND ($1::uuid IS NULL OR em.institution_id = $1::uuid)
     )
     SELECT 'members' AS figure, em.career_stage AS stage, count(*) AS n FROM engagement_member em
       WHERE em.registered_at < $3 AND ($1::uuid IS NULL OR em.institution_id = $1::uuid) GROUP BY 2
     UNION ALL SELECT 'entries', stage, count(*) FROM entry GROUP BY 2
     UNION ALL SELECT 'inter', stage, count(*) FROM entry WHERE cardinality(institution_ids) > 1 GROUP BY 2
     UNION ALL SELECT 'reviews', p.stage, count(*) FROM engagement_review rv
       JOIN p ON p.proposal_id = rv.proposal_id WHERE rv.submitted_at >= $2 AND rv.submitted_at < $3 GROUP BY 2
     UNION ALL SELECT 'mentees', stage, count(DISTINCT mentee_id) FROM active GROUP BY 2
     UNION ALL SELECT 'accepted', stage, count(*) FROM r
       WHERE r.origin = 'REQUEST' AND r.started_at >= $2 AND r.started_at < $3 GROUP BY 2
     UNION ALL SELECT 'declined', stage, count(*) FROM r
       WHERE r.status = 'DECLINED' AND r.ended_at >= $2 AND r.ended_at < $3 GROUP BY 2
     UNION ALL SELECT 'at_risk', a.stage, count(*) FROM active a WHERE (a.ended_at IS NULL OR a.ended_at >= $3)
       AND GREATEST(a.started_at, (SELECT max(c.held_at) FROM engagement_check_in c
              WHERE c.relationship_id = a.relationship_id AND c.held_at < $3))
           < $3::timestamptz - make_interval(days => 2 * a.cadence) GROUP BY 2
     UNION ALL SELECT 'held', a.stage, count(*) FROM engagement_check_in c
       JOIN active a ON a.relationship_id = c.relationship_id WHERE c.held_at >= $2 AND c.held_at < $3 GROUP BY 2
     UNION ALL SELECT 'expected', a.stage, sum(floor(EXTRACT(EPOCH FROM (LEAST(COALESCE(a.ended_at, $3), $3::timestamptz)
         - GREATEST(a.started_at, $2::timestamptz))) / 86400 / a.cadence)) FROM active a GROUP BY 2
     UNION ALL SELECT 'ratings', r.stage, count(*) FROM engagement_feedback f
       JOIN r ON r.relationship_id = f.relationship_id
       WHERE f.period >= to_char($2::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM')
         AND f.period < to_char($3::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM') GROUP BY 2
     UNION ALL SELECT 'rating_sum', r.stage, sum(f.rating) FROM engagement_feedback f
       JOIN r ON r.relationship_id = f.relationship_id
       WHERE f.period >= to_char($2::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM')
         AND f.period < to_char($3::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM') GROUP BY 2
     UNION ALL SELECT 'workshops', stage, count(*) FROM w GROUP BY 2
     UNION ALL SELECT 'places', stage, sum(capacity) FROM w GROUP BY 2
     UNION ALL SELECT 'taken', stage, sum(attendees) FROM w GROUP BY 2
     UNION ALL SELECT 'waitlisted', stage, sum(waitlisted) FROM w GROUP BY 2
     UNION ALL SELECT 'mastermind', em.career_stage, count(DISTINCT ma.member_id)
       FROM engagement_mastermind_attendance ma JOIN engagement_member em ON em.member_id = ma.member_id
       WHERE ma.held_at >= $2 AND ma.held_at < $3 AND ($1::uuid IS NULL OR em.institution_id = $1::uuid)
       GROUP BY 2`,
    params,
  );
  const number = (value: string | null | undefined) => Number(value ?? 0);
  const zero = (): Record<StagedCount, number> =>
    Object.fromEntries(Object.values(STAGED).map((field) => [field, 0])) as Record<StagedCount, number>;
  const byStage = new Map<CareerStage, Record<StagedCount, number>>();
  const totals = zero();
  for (const row of staged) {
    const field = STAGED[row.figure];
    if (!field) continue;
    const counts = byStage.get(row.stage) ?? zero();
    counts[field] += number(row.n);
    totals[field] += number(row.n);
    byStage.set(row.stage, counts);
  }
  return { total: totals, byStage };
}

/** Institutions that co-authored entries in the period, with how many: every pair once (a < b). */
export async function collaborationEdges(
  manager: EntityManager,
  scope: { institutionId: string | null; from: Date; to: Date },
): Promise<CollaborationEdge[]> {
  const rows: Array<{ a: string; b: string; n: string }> = await manager.query(
    `SELECT x.a, x.b, count(*) AS n FROM (
       SELECT DISTINCT p.proposal_id, i1 AS a, i2 AS b
       FROM engagement_proposal p, unnest(p.institution_ids) i1, unnest(p.institution_ids) i2
       WHERE i1 < i2 AND p.submitted_at >= $2 AND p.submitted_at < $3 AND p.withdrawn_at IS NULL
     ) x
     WHERE $1::uuid IS NULL OR $1::uuid IN (x.a, x.b)
     GROUP BY x.a, x.b ORDER BY x.a, x.b`,
    [scope.institutionId, scope.from.toISOString(), scope.to.toISOString()],
  );
  return rows.map((row) => ({ institutionA: row.a, institutionB: row.b, proposals: Number(row.n) }));
}
