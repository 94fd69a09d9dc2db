import type { EntityManager } from 'typeorm';
import type { Bucket } from '@praxis/engagement/domain';
import { figureRows, type FigureRow } from './figure.release';

/**
 * Runs a figure query over calendar buckets: the SQL sees the buckets as `b(start_at, end_at, idx)` from
 * `$1`/`$2`, the members as `m(member_id, institution, stage)`, further parameters from `$3`, and returns rows
 * `(figure, key, institution, stage, value, contributors)`.
 */
export async function queryFigures(
  manager: EntityManager,
  buckets: readonly Bucket[],
  sql: string,
  parameters: readonly unknown[] = [],
): Promise<FigureRow[]> {
  const rows: Array<Record<'figure' | 'key' | 'institution' | 'stage' | 'value' | 'contributors', string>> =
    await manager.query(
      `WITH b AS (
         SELECT * FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS b(start_at, end_at, idx)
       ), m AS (
         SELECT member_id, institution_id::text AS institution, career_stage AS stage FROM engagement_member
       ) ${sql}`,
      [
        buckets.map((bucket) => bucket.start.toISOString()),
        buckets.map((bucket) => bucket.end.toISOString()),
        ...parameters,
      ],
    );
  return figureRows(rows);
}
