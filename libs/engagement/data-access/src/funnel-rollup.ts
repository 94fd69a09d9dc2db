import {
  cellOf,
  FLOW_STEPS,
  rollupChange,
  type Activity,
  type FunnelSnapshot,
} from '@praxis/engagement/domain';

/** What runs SQL: an entity manager, a query runner, or (in the benchmark) a pg client wrapped to return rows. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** A member's snapshot as stored before a change ('before') or as the projection tables now hold it ('after'). */
type SnapshotSide = SnapshotRow & { side: 'before' | 'after' };

interface SnapshotRow {
  member_id: string;
  institution_id: string;
  career_stage: string;
  registered_at: Date | string | null;
  /**
   * The flow entries (`STEP YYYY-MM`, sorted) joined by commas: one text per member reads far cheaper than a
   * `text[]`, which the pg driver parses character by character in JavaScript.
   */
  flow: string;
  mentoring: Array<[string, string | null]>;
}

function snapshotOf(row: SnapshotRow): FunnelSnapshot {
  return {
    institutionId: row.institution_id,
    careerStage: row.career_stage,
    registeredAt: row.registered_at === null ? null : new Date(row.registered_at),
    flow: flowEntries(row.flow).map((entry) => {
      const [step, month] = entry.split(' ');
      return { step: step as Activity, month: month ?? '' };
    }),
    mentoring: row.mentoring.map(([start, end]) => ({
      start: new Date(start),
      end: end === null ? null : new Date(end),
    })),
  };
}

/** The advisory lock class of the funnel's member stripes ('FUNL'). */
const FUNNEL_LOCK = 0x46554e4c;

/** A snapshot row's flow as its entries (none when the text is empty). */
const flowEntries = (flow: string) => (flow === '' ? [] : flow.split(','));

const asIso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Locks the members' stripes, in order (see `refreshFunnelMembers`), over `members` (SQL giving `member_id`). */
const lockStripes = (members: string) =>
  `SELECT count(pg_advisory_xact_lock(${FUNNEL_LOCK}, s.stripe)) FROM (
     SELECT DISTINCT abs(hashtext(member_id::text) % 256) AS stripe FROM ${members} ORDER BY 1) AS s`;

/**
 * Brings the funnel roll-up up to date for `memberIds`: reads what the projection tables now hold of each member
 * (their snapshot), takes their previous snapshot's cells out of the roll-up and puts the new one's in, stores
 * the new snapshot and bumps the funnel's version. In the caller's transaction, so the roll-up commits with the
 * rows it sums. One member's refreshes run one at a time, whichever transactions run them: a lock per member
 * (in 256 stripes, so a run of thousands stays within the lock table), taken in order, after which the reads
 * see what the other committed (a row lock would not do: a member's first snapshot has no row to lock yet).
 */
export async function refreshFunnelMembers(q: Queryable, memberIds: readonly string[]): Promise<void> {
  if (memberIds.length === 0) return;
  const ids = [...new Set(memberIds.map((id) => id.toLowerCase()))].sort();
  await q.query(lockStripes('unnest($1::uuid[]) AS member_id'), [ids]);
  await refreshLocked(q, ids);
}

/**
 * The projection tables whose writes move the funnel: statement triggers on each (made by the funnel roll-up's
 * migration, named `<table>_funnel_<insert|update|delete>`) note the members a write touched.
 */
export const FUNNEL_NOTED_TABLES = ['engagement_member', 'engagement_activity', 'engagement_relationship'];

/** The noting triggers of `FUNNEL_NOTED_TABLES` in `schema`, each as `"schema"."table"` and its trigger's name. */
export function funnelTriggers(schema: string): Array<{ table: string; trigger: string }> {
  const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
  return FUNNEL_NOTED_TABLES.flatMap((table) =>
    ['insert', 'update', 'delete'].map((event) => ({
      table: `${quoted(schema)}.${quoted(table)}`,
      trigger: quoted(`${table}_funnel_${event}`),
    })),
  );
}

/**
 * Builds the roll-up of every projected member, `chunk` members at a time (by id): what the migration does for a
 * database projected before the roll-up existed, and what a rebuild does once after its replay instead of in
 * every run. Each chunk's snapshots are read with one scan of each table (joined and grouped), not member by
 * member as `refreshFunnelMembers` reads a few; the cells are the same (`funnel-rollup.integration-spec`).
 * Returns how many members.
 */
export async function buildFunnelRollup(q: Queryable, chunk = 20000): Promise<number> {
  let members = 0;
  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const [edge] = (await q.query(
      `SELECT member_id::text AS last FROM (
         SELECT member_id FROM engagement_member WHERE member_id > $1 ORDER BY member_id LIMIT $2) AS s
        ORDER BY member_id DESC LIMIT 1`,
      [after, chunk],
    )) as Array<{ last: string }>;
    if (!edge) return members;
    const { last } = edge;
    const range = `member_id > $1 AND member_id <= $2`;
    await q.query(lockStripes(`(SELECT member_id FROM engagement_member WHERE ${range}) AS m`), [
      after,
      last,
    ]);
    const rows = (await q.query(
      `SELECT 'before' AS side, member_id, institution_id, career_stage, registered_at,
              array_to_string(flow, ',') AS flow, mentoring
         FROM engagement_funnel_member WHERE ${range}
       UNION ALL
       SELECT 'after', m.member_id, m.institution_id, m.career_stage, m.registered_at,
              COALESCE(array_to_string(a.flow, ','), ''), COALESCE(r.mentoring, '[]'::jsonb)
         FROM engagement_member m
         LEFT JOIN (SELECT member_id,
                           array_agg(DISTINCT activity || ' ' || to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM')) AS flow
                      FROM engagement_activity WHERE ${range} AND activity = ANY($3::text[])
                     GROUP BY member_id) AS a USING (member_id)
         LEFT JOIN (SELECT mentee_id AS member_id,
                           jsonb_agg(jsonb_build_array(started_at, ended_at) ORDER BY started_at, ended_at) AS mentoring
                      FROM engagement_relationship
                     WHERE mentee_id > $1 AND mentee_id <= $2 AND kind = 'MENTORING' AND started_at IS NOT NULL
                     GROUP BY mentee_id) AS r USING (member_id)
        WHERE m.${range}`,
      [after, last, FLOW_STEPS],
    )) as SnapshotSide[];
    const ids = [...new Set(rows.map((row) => row.member_id))].sort();
    await writeChanges(q, ids, rows);
    members += rows.filter((row) => row.side === 'after').length;
    after = last;
  }
}

/** `refreshFunnelMembers` once the members' stripes are locked: two statements. */
async function refreshLocked(q: Queryable, ids: readonly string[]): Promise<void> {
  const rows = (await q.query(
    `SELECT 'before' AS side, member_id, institution_id, career_stage, registered_at,
            array_to_string(flow, ',') AS flow, mentoring
       FROM engagement_funnel_member WHERE member_id = ANY($1::uuid[])
     UNION ALL
     SELECT 'after', m.member_id, m.institution_id, m.career_stage, m.registered_at,
            COALESCE((SELECT array_to_string(array_agg(DISTINCT a.activity || ' ' || to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM')), ',')
                        FROM engagement_activity a
                       WHERE a.member_id = m.member_id AND a.activity = ANY($2::text[])), ''),
            COALESCE((SELECT jsonb_agg(jsonb_build_array(r.started_at, r.ended_at) ORDER BY r.started_at, r.ended_at)
                        FROM engagement_relationship r
                       WHERE r.mentee_id = m.member_id AND r.kind = 'MENTORING' AND r.started_at IS NOT NULL),
                     '[]'::jsonb)
       FROM engagement_member m WHERE m.member_id = ANY($1::uuid[])`,
    [ids, FLOW_STEPS],
  )) as SnapshotSide[];
  await writeChanges(q, ids, rows);
}

/**
 * Takes the members' previous snapshots' cells out of the roll-up and puts their new ones' in, stores the new
 * snapshots (a member without one loses theirs) and bumps the funnel's version: one statement, two when a cell
 * empties.
 */
async function writeChanges(
  q: Queryable,
  ids: readonly string[],
  rows: readonly SnapshotSide[],
): Promise<void> {
  const after = rows.filter((row) => row.side === 'after');
  const previous = new Map(rows.filter((row) => row.side === 'before').map((row) => [row.member_id, row]));
  const current = new Map(after.map((row) => [row.member_id, row]));
  const delta = rollupChange(
    ids.map((id) => {
      const was = previous.get(id);
      const now = current.get(id);
      return { before: was ? snapshotOf(was) : null, after: now ? snapshotOf(now) : null };
    }),
  );
  const keys = [...delta.keys()].sort();
  const cells = keys.map(cellOf);
  // the cells, the snapshots and the version in one statement; a cell exists only while it is not zero, so the
  // roll-up is the same whatever the order of the changes: the emptied ones go next
  const emptied = (await q.query(
    `WITH up AS (
       INSERT INTO engagement_funnel_rollup (granularity, institution_id, step, bucket_start, career_stage, value)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::timestamptz[], $5::text[], $6::int[])
       ON CONFLICT (granularity, institution_id, step, bucket_start, career_stage)
       DO UPDATE SET value = engagement_funnel_rollup.value + EXCLUDED.value
       RETURNING granularity, institution_id, step, bucket_start, career_stage, value
     ), gone AS (
       DELETE FROM engagement_funnel_member WHERE member_id = ANY($7::uuid[])
     ), kept AS (
       INSERT INTO engagement_funnel_member (member_id, institution_id, career_stage, registered_at, flow, mentoring)
       SELECT r.member_id, r.institution_id, r.career_stage, r.registered_at, r.flow, r.mentoring
         FROM jsonb_to_recordset($8::jsonb) AS r(member_id uuid, institution_id uuid, career_stage text,
              registered_at timestamptz, flow text[], mentoring jsonb)
       ON CONFLICT (member_id) DO UPDATE SET institution_id = EXCLUDED.institution_id,
         career_stage = EXCLUDED.career_stage, registered_at = EXCLUDED.registered_at, flow = EXCLUDED.flow,
         mentoring = EXCLUDED.mentoring
     ), bumped AS (
       -- one of sixteen counters, by connection: concurrent transactions seldom wait on each other's bump
       UPDATE engagement_funnel_version SET version = version + 1 WHERE slot = pg_backend_pid() % 16
     ) SELECT granularity, institution_id, step, bucket_start, career_stage FROM up WHERE value = 0`,
    [
      cells.map((cell) => cell.granularity),
      cells.map((cell) => cell.institutionId),
      cells.map((cell) => cell.step),
      cells.map((cell) => cell.bucketStart),
      cells.map((cell) => cell.careerStage),
      keys.map((key) => delta.get(key) ?? 0),
      ids.filter((id) => !current.has(id)),
      JSON.stringify(
        after.map(({ side: _side, ...row }) => ({
          ...row,
          flow: flowEntries(row.flow),
          registered_at: asIso(row.registered_at),
          mentoring: row.mentoring.map(([start, end]) => [asIso(start), asIso(end)]),
        })),
      ),
    ],
  )) as Array<Record<string, string>>;
  if (emptied.length > 0) {
    await q.query(
      `DELETE FROM engagement_funnel_rollup f
        USING jsonb_to_recordset($1::jsonb) AS r(granularity text, institution_id uuid, step text,
              bucket_start timestamptz, career_stage text)
        WHERE (f.granularity, f.institution_id, f.step, f.bucket_start, f.career_stage)
            = (r.granularity, r.institution_id, r.step, r.bucket_start, r.career_stage) AND f.value = 0`,
      [JSON.stringify(emptied)],
    );
  }
}

/**
 * Applies every change the projection tables' triggers have noted in this transaction (`engagement_funnel_dirty`:
 * members whose member, activity or mentee relationship rows changed) to the roll-up, in the caller's
 * transaction: one statement when nothing was noted, three when something was. Returns how many members.
 */
export async function applyFunnelChanges(q: Queryable): Promise<number> {
  const noted = (await q.query(
    `WITH noted AS (
       DELETE FROM engagement_funnel_dirty WHERE xact = pg_current_xact_id()::text::bigint RETURNING member_id
     ), locked AS (${lockStripes('noted')})
     SELECT (SELECT array_agg(member_id::text ORDER BY member_id) FROM noted) AS ids, (SELECT count FROM locked)`,
  )) as Array<{ ids: string[] | null }>;
  const ids = noted[0]?.ids ?? [];
  if (ids.length === 0) return 0;
  await refreshLocked(q, ids);
  return ids.length;
}

/**
 * The funnel's version: changes with every commit that changed the roll-up, and when the roll-up table is
 * replaced (a rebuild swaps a new one in). Read in a transaction, it names that transaction's snapshot.
 */
export async function funnelVersion(q: Queryable): Promise<string> {
  const rows = (await q.query(
    `SELECT 'engagement_funnel_rollup'::regclass::oid::text || '/' || sum(version)::text AS version
       FROM engagement_funnel_version`,
  )) as Array<{ version: string }>;
  return rows[0]?.version ?? '';
}
