import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@praxis/contracts';
import type { HandlerContext } from './event.consumer';

export interface OrderedScope {
  /** The handler's context: sequences are remembered per consumer group, like the inbox. */
  context: HandlerContext;
  event: Pick<EventEnvelope, 'aggregateId' | 'sequence' | 'eventId'>;
  /**
   * The events whose effects replace each other on this aggregate: a field group (`profile`) or one role scope
   * (`role:judge:`). Events of different streams never hold each other back.
   */
  stream: string;
}

export type OrderedOutcome = 'applied' | 'stale';

/**
 * Runs `effect` only when the event is newer, for its aggregate and stream, than the newest one this consumer
 * group has applied; call it inside the handler, so the check, the effect and the inbox row commit together.
 * The conditional upsert locks the stream's row, so two deliveries racing each other cannot both win.
 * An event without a sequence (produced before sequences existed) counts as 0: it applies only while nothing
 * sequenced has been applied to that stream, and never overrides anything that has.
 */
export async function applyIfNewer(
  manager: EntityManager,
  scope: OrderedScope,
  effect: () => Promise<void>,
): Promise<OrderedOutcome> {
  const sequence = scope.event.sequence ?? 0;
  const rows: unknown[] = await manager.query(
    `INSERT INTO "inbox_sequence" ("consumer_group", "aggregate_id", "stream", "sequence") VALUES ($1, $2, $3, $4)
     ON CONFLICT ("consumer_group", "aggregate_id", "stream") DO UPDATE
       SET "sequence" = EXCLUDED."sequence", "applied_at" = now()
       WHERE "inbox_sequence"."sequence" < EXCLUDED."sequence"
          OR (EXCLUDED."sequence" = 0 AND "inbox_sequence"."sequence" = 0)
     RETURNING "sequence"`,
    [scope.context.groupId, scope.event.aggregateId, scope.stream, sequence],
  );
  if (rows.length === 0) return 'stale';
  await effect();
  return 'applied';
}

/** The newest sequence this group applied to the aggregate's stream (0 when none, or only unsequenced ones). */
export async function appliedSequence(
  manager: EntityManager,
  groupId: string,
  aggregateId: string,
  stream: string,
): Promise<number> {
  const rows: Array<{ sequence: string }> = await manager.query(
    `SELECT "sequence" FROM "inbox_sequence" WHERE "consumer_group" = $1 AND "aggregate_id" = $2 AND "stream" = $3`,
    [groupId, aggregateId, stream],
  );
  return rows[0] ? Number(rows[0].sequence) : 0;
}
