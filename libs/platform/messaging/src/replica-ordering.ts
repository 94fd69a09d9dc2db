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

/**
 * Whether `sequence` applies over `applied` (the newest applied to the stream so far, `null` when none): the rule
 * of `applyIfNewer`'s conditional upsert, for events taken together.
 */
export function isNewer(applied: number | null, sequence: number): boolean {
  return applied === null || applied < sequence || (sequence === 0 && applied === 0);
}

/**
 * `applyIfNewer` for several events at once, in the order given: which of them apply (each judged against the
 * stream as the ones before it left it, exactly as one `applyIfNewer` after another), with the streams' sequences
 * advanced in two statements whatever the count. The caller writes the effects of those that apply. The first
 * statement locks every stream row the events touch (inserting the missing ones), so a concurrent consumer of the
 * same group waits for this transaction as it would for a single `applyIfNewer`.
 */
export async function applicableInOrder(
  manager: EntityManager,
  context: HandlerContext,
  scopes: ReadonlyArray<Omit<OrderedScope, 'context'>>,
): Promise<boolean[]> {
  if (scopes.length === 0) return [];
  const keyOf = (scope: Omit<OrderedScope, 'context'>) => `${scope.event.aggregateId}\u0000${scope.stream}`;
  const first = new Map<string, { aggregate_id: string; stream: string; sequence: number }>();
  for (const scope of scopes) {
    const key = keyOf(scope);
    if (!first.has(key))
      first.set(key, {
        aggregate_id: scope.event.aggregateId,
        stream: scope.stream,
        sequence: scope.event.sequence ?? 0,
      });
  }
  // a stream seen for the first time takes its first event's sequence (that event applies, as a lone insert
  // would); an existing one is locked by a no-op update and read
  const rows: Array<{ aggregate_id: string; stream: string; sequence: string; inserted: boolean }> =
    await manager.query(
      `INSERT INTO "inbox_sequence" ("consumer_group", "aggregate_id", "stream", "sequence")
       SELECT $1, r.aggregate_id, r.stream, r.sequence
         FROM jsonb_to_recordset($2::jsonb) AS r(aggregate_id text, stream text, sequence bigint)
       ON CONFLICT ("consumer_group", "aggregate_id", "stream") DO UPDATE SET "sequence" = "inbox_sequence"."sequence"
       RETURNING "aggregate_id", "stream", "sequence", (xmax = 0) AS inserted`,
      [context.groupId, JSON.stringify([...first.values()])],
    );
  const state = new Map<string, { applied: number | null; moved: boolean }>();
  for (const row of rows)
    state.set(`${row.aggregate_id}\u0000${row.stream}`, {
      applied: row.inserted ? null : Number(row.sequence),
      moved: false,
    });
  const outcome = scopes.map((scope) => {
    const stream = state.get(keyOf(scope));
    if (!stream) throw new Error(`inbox_sequence returned no row for ${keyOf(scope)}`);
    const sequence = scope.event.sequence ?? 0;
    if (!isNewer(stream.applied, sequence)) return false;
    // a row just inserted holds its first event's sequence already (that event is the one applying now)
    if (stream.applied !== null) stream.moved = true;
    stream.applied = sequence;
    return true;
  });
  const moved = [...state.entries()]
    .filter(([, stream]) => stream.moved)
    .map(([key, stream]) => {
      const [aggregate_id, name] = key.split('\u0000');
      return { aggregate_id, stream: name, sequence: stream.applied };
    });
  if (moved.length > 0)
    await manager.query(
      `UPDATE "inbox_sequence" AS s SET "sequence" = r.sequence, "applied_at" = now()
         FROM jsonb_to_recordset($2::jsonb) AS r(aggregate_id text, stream text, sequence bigint)
        WHERE s."consumer_group" = $1 AND s."aggregate_id" = r.aggregate_id AND s."stream" = r.stream`,
      [context.groupId, JSON.stringify(moved)],
    );
  return outcome;
}
