import type { EntityManager } from 'typeorm';

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

export interface CollaborationEdge {
  institutionA: string;
  institutionB: string;
  proposals: number;
}

/** Mentorship's default check-in cadence, for relationships whose pair agreed none (as far as events tell). */
const DEFAULT_CADENCE_DAYS = 30;

/**
 * Competition and mentoring figures. An entry belongs to an institution when one of its team's institutions is
 * it; a relationship to the mentee's institution; a coaching workshop to its coach's; mastermind attendance to
 * the attendee's. A relationship's cadence is the one its pair had agreed at its latest check-in before the
 * period's end (check-in events carry it), else mentorship's default of 30 days. Check-ins expected: one per
 * cadence active in the period; at risk: active at the period's end with no check-in (or start) for two cadences,
 * as mentorship's health rule says.
 */
export async function countOverview(
  manager: EntityManager,
  scope: { institutionId: string | null; from: Date; to: Date },
): Promise<OverviewCounts> {
  const params = [
    scope.institutionId,
    scope.from.toISOString(),
    scope.to.toISOString(),
    DEFAULT_CADENCE_DAYS,
  ];
  const [competition]: Array<Record<string, string>> = await manager.query(
    `SELECT
       (SELECT count(*) FROM engagement_proposal p WHERE p.submitted_at >= $2 AND p.submitted_at < $3
          AND p.withdrawn_at IS NULL AND ($1::uuid IS NULL OR $1::uuid = ANY(p.institution_ids))) AS entries,
       (SELECT count(*) FROM engagement_proposal p WHERE p.submitted_at >= $2 AND p.submitted_at < $3
          AND p.withdrawn_at IS NULL AND cardinality(p.institution_ids) > 1
          AND ($1::uuid IS NULL OR $1::uuid = ANY(p.institution_ids))) AS inter,
       (SELECT count(*) FROM engagement_review r JOIN engagement_proposal p ON p.proposal_id = r.proposal_id
          WHERE r.submitted_at >= $2 AND r.submitted_at < $3
          AND ($1::uuid IS NULL OR $1::uuid = ANY(p.institution_ids))) AS reviews,
       (SELECT count(*) FROM engagement_member em WHERE em.registered_at < $3
          AND ($1::uuid IS NULL OR em.institution_id = $1::uuid)) AS members,
       $4::int AS cadence`,
    params,
  );
  const [mentoring]: Array<Record<string, string | null>> = await manager.query(
    `WITH r AS (
       SELECT r.* FROM engagement_relationship r JOIN engagement_member em ON em.member_id = r.mentee_id
       WHERE r.kind = 'MENTORING' AND ($1::uuid IS NULL OR em.institution_id = $1::uuid)
     ), active AS (
       SELECT r.*, COALESCE((SELECT c.agreed_cadence_days FROM engagement_check_in c
           WHERE c.relationship_id = r.relationship_id AND c.agreed_cadence_days IS NOT NULL AND c.held_at < $3
           ORDER BY c.held_at DESC LIMIT 1), $4::int) AS cadence
       FROM r WHERE r.started_at < $3 AND (r.ended_at IS NULL OR r.ended_at >= $2)
     ), fb AS (
       SELECT count(*) AS n, COALESCE(sum(f.rating), 0) AS total
       FROM engagement_feedback f JOIN r ON r.relationship_id = f.relationship_id
       WHERE f.period >= to_char($2::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM')
         AND f.period < to_char($3::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM')
     )
     SELECT
       (SELECT count(DISTINCT mentee_id) FROM active) AS mentees,
       (SELECT count(*) FROM r WHERE r.origin = 'REQUEST' AND r.started_at >= $2 AND r.started_at < $3) AS accepted,
       (SELECT count(*) FROM r WHERE r.status = 'DECLINED' AND r.ended_at >= $2 AND r.ended_at < $3) AS declined,
       (SELECT count(*) FROM active a WHERE (a.ended_at IS NULL OR a.ended_at >= $3)
          AND GREATEST(a.started_at, (SELECT max(c.held_at) FROM engagement_check_in c
                 WHERE c.relationship_id = a.relationship_id AND c.held_at < $3))
              < $3::timestamptz - make_interval(days => 2 * a.cadence)) AS at_risk,
       (SELECT count(*) FROM engagement_check_in c JOIN active a ON a.relationship_id = c.relationship_id
          WHERE c.held_at >= $2 AND c.held_at < $3) AS held,
       (SELECT COALESCE(sum(floor(EXTRACT(EPOCH FROM (LEAST(COALESCE(a.ended_at, $3), $3::timestamptz)
                 - GREATEST(a.started_at, $2::timestamptz))) / 86400 / a.cadence)), 0) FROM active a) AS expected,
       (SELECT n FROM fb) AS ratings,
       (SELECT total FROM fb) AS rating_sum`,
    params,
  );
  const [groups]: Array<Record<string, string | null>> = await manager.query(
    `WITH w AS (
       SELECT w.* FROM engagement_workshop w LEFT JOIN engagement_member em ON em.member_id = w.coach_id
       WHERE w.held_at >= $2 AND w.held_at < $3 AND ($1::uuid IS NULL OR em.institution_id = $1::uuid)
     )
     SELECT (SELECT count(*) FROM w) AS workshops, (SELECT sum(capacity) FROM w) AS places,
       (SELECT sum(attendees) FROM w) AS taken, (SELECT sum(waitlisted) FROM w) AS waitlisted,
       (SELECT count(DISTINCT ma.member_id) FROM engagement_mastermind_attendance ma
          JOIN engagement_member em ON em.member_id = ma.member_id
          WHERE ma.held_at >= $2 AND ma.held_at < $3
            AND ($1::uuid IS NULL OR em.institution_id = $1::uuid)) AS mastermind`,
    params.slice(0, 3),
  );
  const number = (value: string | null | undefined) => Number(value ?? 0);
  return {
    entries: number(competition?.entries),
    interInstitutionalEntries: number(competition?.inter),
    reviews: number(competition?.reviews),
    members: number(competition?.members),
    activeMentees: number(mentoring?.mentees),
    requestsAccepted: number(mentoring?.accepted),
    requestsDeclined: number(mentoring?.declined),
    atRisk: number(mentoring?.at_risk),
    checkInsHeld: number(mentoring?.held),
    checkInsExpected: number(mentoring?.expected),
    ratings: number(mentoring?.ratings),
    ratingSum: number(mentoring?.rating_sum),
    workshops: number(groups?.workshops),
    workshopPlaces: number(groups?.places),
    workshopPlacesTaken: number(groups?.taken),
    workshopWaitlisted: number(groups?.waitlisted),
    mastermindAttendees: number(groups?.mastermind),
  };
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
