import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  contractForTopic,
  createEvent,
  type EventContract,
  type EventOf,
  type PayloadOf,
} from '@praxis/contracts';
import {
  contextOrNew,
  injectTraceHeaders,
  SpanKind,
  startSpan,
  currentTraceparent,
} from '@praxis/platform/observability';
import type { EventSigner } from './event-signature';
import { wakeRelayAfterCommit } from './outbox.wake';

/**
 * Appends events to the outbox inside the caller's transaction (pass the transaction's EntityManager), so the
 * state change and its events commit or roll back together. The relay is woken once the transaction commits.
 * Correlation, causation and actor come from the current work context unless given.
 */
export async function appendToOutbox<C extends EventContract>(
  manager: EntityManager,
  contract: C,
  aggregateId: string,
  payload: PayloadOf<C>,
  meta: {
    actorId?: string | null;
    correlationId?: string;
    causationId?: string | null;
    /** Required for contracts that confer rights: consumers act only on events that verify. */
    signer?: EventSigner;
  } = {},
): Promise<EventOf<C>> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`appendToOutbox(${contract.topic}) must run inside a transaction with the state change`);
  }
  if (contractForTopic(contract.topic) !== contract) {
    // a contract missing from the registry could be produced but never validated by any consumer
    throw new Error(`event ${contract.topic} is not registered in @praxis/contracts ALL_EVENTS`);
  }
  if (contract.confersRights && !meta.signer) {
    // every consumer would dead-letter it: fail the write instead of granting nothing silently
    throw new Error(`event ${contract.topic} confers rights and must be signed (pass a signer)`);
  }
  const context = contextOrNew();
  const sequence = await nextSequence(manager, aggregateId);
  const event = createEvent(
    contract,
    {
      aggregateId,
      actorId: meta.actorId !== undefined ? meta.actorId : context.actorId,
      correlationId: meta.correlationId ?? context.correlationId,
      causationId: meta.causationId !== undefined ? meta.causationId : context.causationId,
      sequence,
    },
    payload,
  );
  if (meta.signer) event.signature = await meta.signer.sign(event);
  const headers: Record<string, string> = {
    'x-correlation-id': event.correlationId,
    'x-event-type': event.type,
  };
  // the row keeps the trace context (in its headers) so the relay's publish span joins the request's trace
  const append = startSpan(`outbox append ${contract.topic}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      'db.system.name': 'postgresql',
      'db.operation.name': 'INSERT',
      'db.collection.name': 'outbox',
      'messaging.destination.name': contract.topic,
    },
  });
  injectTraceHeaders(headers, append.context);
  if (!headers.traceparent) {
    const forwarded = currentTraceparent();
    if (forwarded) headers.traceparent = forwarded;
  }
  try {
    await manager.query(
      `INSERT INTO "outbox" ("event_id", "topic", "message_key", "sequence", "envelope", "headers")
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [event.eventId, contract.topic, aggregateId, sequence, JSON.stringify(event), JSON.stringify(headers)],
    );
    wakeRelayAfterCommit(manager);
  } finally {
    append.span.end();
  }
  return event;
}

/**
 * Erases the aggregate's last event from a compacted topic: the relay publishes a tombstone (the key with a null
 * value), after the aggregate's earlier events, in the caller's transaction like any event.
 */
export async function appendTombstone(
  manager: EntityManager,
  contract: EventContract,
  aggregateId: string,
): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`appendTombstone(${contract.topic}) must run inside a transaction with the state change`);
  }
  if (!contract.compacted) {
    // on a topic that is not compacted a null value erases nothing and would reach consumers as a broken message
    throw new Error(`tombstones only make sense on compacted topics; ${contract.topic} is not compacted`);
  }
  const sequence = await nextSequence(manager, aggregateId);
  const context = contextOrNew();
  const headers: Record<string, string> = {
    'x-correlation-id': context.correlationId,
    'x-tombstone': 'true',
  };
  await manager.query(
    `INSERT INTO "outbox" ("event_id", "topic", "message_key", "sequence", "envelope", "headers")
     VALUES ($1, $2, $3, $4, 'null'::jsonb, $5)`,
    [randomUUID(), contract.topic, aggregateId, sequence, JSON.stringify(headers)],
  );
  wakeRelayAfterCommit(manager);
}

/**
 * Appends many events of one contract in one statement, inside the caller's transaction, for a state change that
 * touches many records at once (a selection deciding thousands of applications): each aggregate's sequence
 * numbers are reserved with one upsert, the rows go in with one INSERT and the relay is woken once. Same
 * envelopes, order and guarantees as appending them one by one. Not for contracts that confer rights.
 */
export async function appendManyToOutbox<C extends EventContract>(
  manager: EntityManager,
  contract: C,
  items: ReadonlyArray<{ aggregateId: string; payload: PayloadOf<C> }>,
  meta: { actorId?: string | null; correlationId?: string; causationId?: string | null } = {},
): Promise<Array<EventOf<C>>> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(
      `appendManyToOutbox(${contract.topic}) must run inside a transaction with the state change`,
    );
  }
  if (contractForTopic(contract.topic) !== contract) {
    throw new Error(`event ${contract.topic} is not registered in @praxis/contracts ALL_EVENTS`);
  }
  if (contract.confersRights) {
    throw new Error(`event ${contract.topic} confers rights: append it with appendToOutbox and a signer`);
  }
  if (items.length === 0) return [];
  const context = contextOrNew();
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.aggregateId, (counts.get(item.aggregateId) ?? 0) + 1);
  const next = new Map<string, number>();
  for (const [aggregateId, count] of counts) {
    next.set(aggregateId, (await reserveSequences(manager, aggregateId, count)) - count + 1);
  }
  const events = items.map((item) => {
    const sequence = next.get(item.aggregateId) ?? 1;
    next.set(item.aggregateId, sequence + 1);
    return createEvent(
      contract,
      {
        aggregateId: item.aggregateId,
        actorId: meta.actorId !== undefined ? meta.actorId : context.actorId,
        correlationId: meta.correlationId ?? context.correlationId,
        causationId: meta.causationId !== undefined ? meta.causationId : context.causationId,
        sequence,
      },
      item.payload,
    );
  });
  const append = startSpan(`outbox append ${contract.topic} ×${events.length}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      'db.system.name': 'postgresql',
      'db.operation.name': 'INSERT',
      'db.collection.name': 'outbox',
      'messaging.destination.name': contract.topic,
      'messaging.batch.message_count': events.length,
    },
  });
  try {
    // one contract, one correlation and one span: every event of the batch carries the same headers
    const headers: Record<string, string> = {
      'x-correlation-id': events[0].correlationId,
      'x-event-type': contract.type,
    };
    injectTraceHeaders(headers, append.context);
    if (!headers.traceparent) {
      const forwarded = currentTraceparent();
      if (forwarded) headers.traceparent = forwarded;
    }
    // The envelopes travel as one JSON array, not as a text[] of JSON documents (node-postgres escapes every
    // element into an array literal, which cost more CPU than the whole draw; bench/community-select-service).
    // Ids, keys and sequence numbers are read from each envelope.
    await manager.query(
      `INSERT INTO "outbox" ("event_id", "topic", "message_key", "sequence", "envelope", "headers")
       SELECT (v ->> 'eventId')::uuid, $1, v ->> 'aggregateId', (v ->> 'sequence')::bigint, v, $3::jsonb
         FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(v, n)
        ORDER BY n`,
      [contract.topic, JSON.stringify(events), JSON.stringify(headers)],
    );
    wakeRelayAfterCommit(manager);
  } finally {
    append.span.end();
  }
  return events;
}

/**
 * The aggregate's next sequence number. The upsert locks the aggregate's counter row until the caller's
 * transaction ends, so two transactions writing events for one aggregate take turns and the numbers follow
 * commit order; a rollback returns the number.
 */
async function nextSequence(manager: EntityManager, aggregateId: string): Promise<number> {
  return reserveSequences(manager, aggregateId, 1);
}

/** Reserves `count` consecutive sequence numbers for the aggregate and returns the last one. */
async function reserveSequences(manager: EntityManager, aggregateId: string, count: number): Promise<number> {
  const rows: Array<{ last_sequence: string }> = await manager.query(
    `INSERT INTO "outbox_sequence" ("aggregate_id", "last_sequence") VALUES ($1, $2)
     ON CONFLICT ("aggregate_id") DO UPDATE SET "last_sequence" = "outbox_sequence"."last_sequence" + $2
     RETURNING "last_sequence"`,
    [aggregateId, count],
  );
  const value = Number(rows[0]?.last_sequence);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`outbox_sequence for ${aggregateId} returned ${String(rows[0]?.last_sequence)}`);
  }
  return value;
}
