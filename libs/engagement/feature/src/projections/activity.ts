import type { EntityManager } from 'typeorm';
import type { Activity } from '@praxis/engagement/domain';

/** What a member's record shows besides the funnel steps. */
export type RecordOnlyActivity = 'SUPERVISED';

export interface ActivityFact {
  memberId: string;
  activity: Activity | RecordOnlyActivity;
  sourceId: string;
  occurredAt: string | Date;
  label?: string | null;
}

/**
 * Records activities; the key (member, activity, source) makes a replay a no-op and keeps the first time (the
 * facts go in in their order, so of two with one key in one call the first stays, as with two calls).
 */
export async function recordActivities(
  manager: EntityManager,
  facts: readonly ActivityFact[],
): Promise<void> {
  if (facts.length === 0) return;
  await manager.query(
    `INSERT INTO engagement_activity (member_id, activity, source_id, occurred_at, label)
     SELECT f.member_id, f.activity, f.source_id, f.occurred_at, f.label
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[])
            WITH ORDINALITY AS f(member_id, activity, source_id, occurred_at, label, position)
      ORDER BY f.position
     ON CONFLICT (member_id, activity, source_id) DO NOTHING`,
    [
      facts.map((fact) => fact.memberId),
      facts.map((fact) => fact.activity),
      facts.map((fact) => fact.sourceId),
      facts.map((fact) => new Date(fact.occurredAt).toISOString()),
      facts.map((fact) => fact.label ?? null),
    ],
  );
}

/** Removes one activity of the given sources for every member (a withdrawn entry is no longer `SUBMITTED`). */
export async function removeActivities(
  manager: EntityManager,
  activity: Activity,
  sourceIds: readonly string[],
): Promise<void> {
  if (sourceIds.length === 0) return;
  await manager.query(`DELETE FROM engagement_activity WHERE activity = $1 AND source_id = ANY($2::text[])`, [
    activity,
    sourceIds,
  ]);
}
