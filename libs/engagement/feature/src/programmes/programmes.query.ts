import type { EntityManager } from 'typeorm';
import type { Bucket } from '@praxis/engagement/domain';
import { queryFigures } from '../figures/figure.query';
import type { FigureRow } from '../figures/figure.release';

/** Who did what in which programme and when: one row per member, figure and programme event. */
const PROGRAMME_FACTS = `facts AS (
  SELECT 'APPLICANTS' AS figure, a.member_id, a.programme_id, a.submitted_at AS at
    FROM engagement_application a WHERE a.submitted_at IS NOT NULL
  UNION ALL SELECT 'SELECTED', a.member_id, a.programme_id, a.selected_at
    FROM engagement_application a WHERE a.selected_at IS NOT NULL
  UNION ALL SELECT 'WAITLISTED', a.member_id, a.programme_id, a.waitlisted_at
    FROM engagement_application a WHERE a.waitlisted_at IS NOT NULL
  UNION ALL SELECT 'ATTENDEES', a.member_id, s.programme_id, a.occurred_at
    FROM engagement_activity a JOIN engagement_session s ON s.session_id::text = a.source_id
    WHERE a.activity = 'ATTENDEES'
  UNION ALL SELECT 'CERTIFIED', c.member_id, c.programme_id, c.issued_at FROM engagement_certificate c
)`;

/**
 * Programme head counts (distinct members) per bucket (`key` the bucket's index) or, over one bucket, per
 * programme (`key` the programme id).
 */
export function programmeFigureRows(
  manager: EntityManager,
  buckets: readonly Bucket[],
  keyBy: 'BUCKET' | 'PROGRAMME',
): Promise<FigureRow[]> {
  const key = keyBy === 'BUCKET' ? '(b.idx - 1)::text' : 'f.programme_id::text';
  return queryFigures(
    manager,
    buckets,
    `, ${PROGRAMME_FACTS}
     SELECT f.figure, ${key} AS key, m.institution, m.stage,
            count(DISTINCT f.member_id) AS value, count(DISTINCT f.member_id) AS contributors
     FROM b JOIN facts f ON f.at >= b.start_at AND f.at < b.end_at JOIN m ON m.member_id = f.member_id
     GROUP BY 1, 2, 3, 4`,
  );
}

export interface ProgrammeRow {
  programmeId: string;
  title: string | null;
  reflections: number;
  sessions: Array<{ sessionId: string; theme: string | null; startsAt: Date }>;
}

/** Programmes with a session or an application in `[from, to)`, with their whole series of sessions. */
export async function programmesIn(
  manager: EntityManager,
  period: { from: Date; to: Date },
): Promise<ProgrammeRow[]> {
  const rows: Array<{
    programme_id: string;
    title: string | null;
    reflections: string;
    sessions: Array<{ sessionId: string; theme: string | null; startsAt: string }> | null;
  }> = await manager.query(
    `WITH p AS (
       SELECT programme_id FROM engagement_session WHERE starts_at >= $1 AND starts_at < $2
       UNION SELECT programme_id FROM engagement_application WHERE submitted_at >= $1 AND submitted_at < $2
     )
     SELECT p.programme_id, ep.title,
       (SELECT COALESCE(sum(r.reflections), 0) FROM engagement_reflection_day r WHERE r.programme_id = p.programme_id
          AND r.day >= ($1::timestamptz AT TIME ZONE 'UTC')::date AND r.day < ($2::timestamptz AT TIME ZONE 'UTC')::date) AS reflections,
       (SELECT json_agg(json_build_object('sessionId', s.session_id, 'theme', s.theme, 'startsAt', s.starts_at)
          ORDER BY s.starts_at, s.session_id) FROM engagement_session s WHERE s.programme_id = p.programme_id) AS sessions
     FROM p LEFT JOIN engagement_programme ep ON ep.programme_id = p.programme_id
     ORDER BY ep.title NULLS LAST, p.programme_id`,
    [period.from.toISOString(), period.to.toISOString()],
  );
  return rows.map((row) => ({
    programmeId: row.programme_id,
    title: row.title,
    reflections: Number(row.reflections),
    sessions: (row.sessions ?? []).map((session) => ({
      sessionId: session.sessionId,
      theme: session.theme,
      startsAt: new Date(session.startsAt),
    })),
  }));
}

/**
 * Attendance per session of the given programmes (`key` the session id), and `RETAINED`: the session's attendees
 * who also attended their programme's first session (retention across the series).
 */
export function sessionFigureRows(
  manager: EntityManager,
  programmeIds: readonly string[],
): Promise<FigureRow[]> {
  return queryFigures(
    manager,
    [],
    `, att AS (
       SELECT a.member_id, s.session_id, s.programme_id FROM engagement_session s
       JOIN engagement_activity a ON a.activity = 'ATTENDEES' AND a.source_id = s.session_id::text
       WHERE s.programme_id = ANY($3::uuid[])
     ), first AS (
       SELECT DISTINCT ON (programme_id) programme_id, session_id FROM engagement_session
       WHERE programme_id = ANY($3::uuid[]) ORDER BY programme_id, starts_at, session_id
     )
     SELECT 'ATTENDEES' AS figure, att.session_id::text AS key, m.institution, m.stage,
            count(*) AS value, count(*) AS contributors
     FROM att JOIN m ON m.member_id = att.member_id GROUP BY 1, 2, 3, 4
     UNION ALL
     SELECT 'RETAINED', att.session_id::text, m.institution, m.stage, count(*), count(*)
     FROM att JOIN first ON first.programme_id = att.programme_id
     JOIN att f ON f.session_id = first.session_id AND f.member_id = att.member_id
     JOIN m ON m.member_id = att.member_id GROUP BY 1, 2, 3, 4`,
    [programmeIds],
  );
}
