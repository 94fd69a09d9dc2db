import type { Consumer, EachBatchPayload, EachMessagePayload, IHeaders, Kafka, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { dlqTopicFor, parseEvent, type EventContract, type EventOf } from '@praxis/contracts';
import {
  contextFromHeaders,
  failSpan,
  messagingMetrics,
  runInContext,
  SpanKind,
  startSpan,
  traceparentFrom,
  type Logger,
  withTraceContext,
  type WorkContext,
} from '@praxis/platform/observability';
import { dlqReasonOf, errorMessage, isRetriable } from './errors';
import type { EventVerifier } from './event-signature';
import type { KafkaSettings } from './kafka-settings';

/** Where a handler runs: its consumer group (the scope of the inbox and of the applied sequences). */
export interface HandlerContext {
  groupId: string;
}

/** What a service does with one event: its effect, written through `manager` in the inbox's transaction. */
export interface EventHandler<C extends EventContract = EventContract> {
  contract: C;
  handle(event: EventOf<C>, manager: EntityManager, context: HandlerContext): Promise<void>;
  /**
   * The effect of several new events of this contract at once, in partition order, in the run's transaction. It
   * must leave exactly what `handle` applied to each in turn leaves (set-based SQL instead of statements per
   * event: what lets a replay keep up with the broker). Without it, a run applies `handle` event by event.
   */
  handleBatch?(events: Array<EventOf<C>>, manager: EntityManager, context: HandlerContext): Promise<void>;
  /**
   * A tombstone on a compacted topic (the key with a null value): the producer erased the aggregate's data, and
   * so must the consumer. Erasing is idempotent, so no inbox row is kept. Without it, tombstones are skipped.
   */
  erase?(aggregateId: string, manager: EntityManager, context: HandlerContext): Promise<void>;
}

/**
 * Typed constructor of a handler written once for any number of events: the live consumer's single event and a
 * replay's run go through the same `effect`, so both paths share one set of rules.
 */
export function handleInBatches<C extends EventContract>(
  contract: C,
  effect: (events: Array<EventOf<C>>, manager: EntityManager, context: HandlerContext) => Promise<void>,
): EventHandler<C> {
  return {
    contract,
    handle: (event, manager, context) => effect([event], manager, context),
    handleBatch: effect,
  };
}

/** Typed constructor so a handler's event is inferred from its contract. */
export function handle<C extends EventContract>(
  contract: C,
  effect: (event: EventOf<C>, manager: EntityManager, context: HandlerContext) => Promise<void>,
): EventHandler<C> {
  return { contract, handle: effect };
}

export interface EventConsumerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  groupId: string;
  handlers: EventHandler[];
  /** Producer used for dead letters. */
  producer: () => Promise<Producer>;
  settings: Pick<
    KafkaSettings,
    'sessionTimeoutMs' | 'heartbeatIntervalMs' | 'maxWaitMs' | 'consumerMaxAttempts'
  > &
    Partial<Pick<KafkaSettings, 'partitionsConsumedConcurrently'>>;
  logger: Logger;
  retryBaseMs?: number;
  /** Checks the signatures of events that confer rights; required when a handler consumes one. */
  verifier?: EventVerifier;
  /**
   * Most events applied in one transaction (a fetched batch is cut into runs of at most this many, and runs of
   * several partitions share a transaction only while they stay within it).
   */
  maxEventsPerTransaction?: number;
  /**
   * `event` (default): a consumer span per message, continuing the trace the message carries (the live path).
   * `run`: one span per transaction of a run, with the run's size, and no per-message span: a replay of old
   * events (a rebuild) whose traces ended long ago, where a span and its context per message cost as much CPU as
   * the contract check (docs/performance.md, "Engagement rebuild").
   */
  spanPer?: 'event' | 'run';
}

export type ConsumeOutcome = 'applied' | 'duplicate' | 'dead-lettered' | 'erased' | 'skipped';

/** A message that passed validation and signature checks: ready for its handler. */
interface DecodedEvent {
  payload: EachMessagePayload;
  handler: EventHandler;
  event: EventOf<EventContract>;
  context: WorkContext;
}

/** What to do with one message: apply an event, or settle it otherwise (dead letter, tombstone, skip). */
type Decoded =
  { kind: 'event'; decoded: DecodedEvent } | { kind: 'settle'; run: () => Promise<ConsumeOutcome> };

/** Runs of several partitions gathering for one transaction, and the outcome of each once it is applied. */
interface SharedRuns {
  runs: DecodedEvent[][];
  events: number;
  applied: Promise<Array<PromiseSettledResult<void>>>;
}

/**
 * Validates every message against its contract, applies it at most once per consumer group (inbox row in the
 * same transaction as the effect), retries retriable failures with backoff, and sends what cannot be applied to
 * `<topic>.dlq` with the reason in headers, then moves on.
 *
 * A fetched batch is applied a run of events at a time, each run in one transaction with its inbox rows (one
 * commit per run instead of one per event is what keeps the consumer ahead of a busy producer); a handler with
 * `handleBatch` gets the run's new events together. The partitions of one fetch are applied concurrently, and
 * the runs they reach in the same turn of the event loop share one transaction: one commit per fetch instead of
 * one per partition, and no waits between the group's own transactions on the rows every event updates (a
 * projection's totals). Runs of different partitions hold different aggregates, so applying them one after the
 * other is a valid order. If a shared transaction fails, each run is applied again on its own; if a run's
 * transaction fails, its events are applied again one at a time, so only the failing event is retried and, in the
 * end, dead-lettered; the others still apply, in partition order. An offset is resolved only once its effect has
 * committed, so a consumer killed mid-batch resumes after its last committed run and the inbox absorbs redelivery.
 */
export class EventConsumer {
  private consumer: Consumer | null = null;
  private readonly byTopic = new Map<string, EventHandler>();
  /** The runs gathering for the next shared transaction (see `applyShared`). */
  private gathering: SharedRuns | null = null;
  private joined!: Promise<void>;
  private markJoined!: () => void;

  constructor(private readonly options: EventConsumerOptions) {
    for (const handler of options.handlers) {
      if (this.byTopic.has(handler.contract.topic)) {
        throw new Error(`two handlers for ${handler.contract.topic} in group ${options.groupId}`);
      }
      this.byTopic.set(handler.contract.topic, handler);
      if (handler.contract.confersRights && !options.verifier) {
        throw new Error(
          `group ${options.groupId} consumes ${handler.contract.topic}, which confers rights, without an event verifier (EVENT_VERIFICATION_KEYS)`,
        );
      }
    }
    this.resetJoined();
  }

  get groupId(): string {
    return this.options.groupId;
  }

  get topics(): string[] {
    return [...this.byTopic.keys()];
  }

  /** Resolves once the consumer has joined its group and received partitions. */
  whenJoined(): Promise<void> {
    return this.joined;
  }

  async start(): Promise<void> {
    const { kafka, groupId, settings } = this.options;
    const consumer = kafka.consumer({
      groupId,
      sessionTimeout: settings.sessionTimeoutMs,
      heartbeatInterval: settings.heartbeatIntervalMs,
      maxWaitTimeInMs: settings.maxWaitMs,
      allowAutoTopicCreation: true,
      retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 10000 },
    });
    consumer.on(consumer.events.GROUP_JOIN, () => this.markJoined());
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      // offsets are resolved run by run, after each run's transaction commits
      eachBatchAutoResolve: false,
      // partitions hold different aggregates, so their runs commit independently: one slow transaction does
      // not hold up the other partitions' events (each takes a pooled connection while it runs)
      partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  /** Waits for the message in flight, commits offsets and leaves the group. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    if (consumer) await consumer.disconnect();
    this.resetJoined();
  }

  private resetJoined(): void {
    this.joined = new Promise((resolve) => (this.markJoined = resolve));
  }

  /** One message on its own (a batch of one); tests feed messages through it, production through `start`. */
  async onMessage(payload: EachMessagePayload): Promise<ConsumeOutcome> {
    const decoded = await this.decode(payload);
    return decoded.kind === 'event' ? this.applyTraced(decoded.decoded) : decoded.run();
  }

  /**
   * A fetched batch of one partition: runs of events in one transaction each (shared with other partitions' runs),
   * settled messages in between.
   */
  async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, pause, isRunning, isStale } = payload;
    const limit = this.eventsPerTransaction();
    let run: DecodedEvent[] = [];
    const flush = async () => {
      if (run.length === 0) return;
      const applying = run;
      run = [];
      await this.applyShared(applying);
      resolveOffset(applying[applying.length - 1].payload.message.offset);
      await heartbeat();
    };
    for (const message of batch.messages) {
      // stopping or rebalancing: what is not committed is delivered again (to whoever owns the partition)
      if (!isRunning() || isStale()) return;
      // most messages decode without waiting (only a signed event's check does): no promise per message then
      const decoding = this.decode({
        topic: batch.topic,
        partition: batch.partition,
        message,
        heartbeat,
        pause,
      });
      const decoded = decoding instanceof Promise ? await decoding : decoding;
      if (decoded.kind === 'event') {
        run.push(decoded.decoded);
        if (run.length >= limit) await flush();
        continue;
      }
      // a dead letter or a tombstone waits for the events before it, so the partition's order holds
      await flush();
      await decoded.run();
      resolveOffset(message.offset);
    }
    if (isRunning() && !isStale()) await flush();
  }

  private eventsPerTransaction(): number {
    return this.options.maxEventsPerTransaction ?? 200;
  }

  /**
   * A partition's run, in the transaction of the runs other partitions reach in the same turn of the event loop
   * (kafkajs hands a fetch's batches to its workers at once), as long as they stay within the events a transaction
   * takes. Rejects only with this run's own failure.
   */
  private async applyShared(run: DecodedEvent[]): Promise<void> {
    let shared = this.gathering;
    if (!shared || shared.events + run.length > this.eventsPerTransaction()) {
      const gathering: SharedRuns = { runs: [], events: 0, applied: Promise.resolve([]) };
      gathering.applied = new Promise((resolve) => setImmediate(resolve)).then(() => {
        if (this.gathering === gathering) this.gathering = null;
        return this.applyRuns(gathering.runs);
      });
      this.gathering = shared = gathering;
    }
    const index = shared.runs.push(run) - 1;
    shared.events += run.length;
    const outcome = (await shared.applied)[index];
    if (outcome?.status === 'rejected') throw outcome.reason;
  }

  /** Runs of different partitions in one transaction; if it fails, each run on its own. */
  private async applyRuns(runs: DecodedEvent[][]): Promise<Array<PromiseSettledResult<void>>> {
    if (runs.length > 1) {
      try {
        await this.commitRun(runs.flat());
        return runs.map(() => ({ status: 'fulfilled', value: undefined }));
      } catch (error) {
        this.options.logger.warn(
          { partitions: runs.length, events: runs.flat().length, error: errorMessage(error) },
          "runs of several partitions failed in one transaction; applying each partition's run on its own",
        );
      }
    }
    return Promise.allSettled(runs.map((run) => this.applyRun(run)));
  }

  /**
   * Parses, validates and verifies one message; anything that cannot be applied is settled as a dead letter. Only
   * an event that confers rights waits (for its signature's check).
   */
  private decode(payload: EachMessagePayload): Decoded | Promise<Decoded> {
    const { topic, message } = payload;
    const settle = (run: () => Promise<ConsumeOutcome>): Decoded => ({ kind: 'settle', run });
    const handler = this.byTopic.get(topic);
    if (!handler) {
      return settle(() =>
        this.deadLetter(
          payload,
          'no-handler',
          `group ${this.options.groupId} has no handler for ${topic}`,
          0,
        ),
      );
    }
    if (message.value === null && handler.contract.compacted) {
      return settle(() => this.eraseOnTombstone(handler, message.key?.toString('utf8') ?? '', topic));
    }
    let raw: unknown;
    try {
      raw = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch (error) {
      return settle(() => this.deadLetter(payload, 'invalid-json', errorMessage(error), 0));
    }
    const parsed = parseEvent(handler.contract, raw);
    if (!parsed.ok) {
      const reason = parsed.reason;
      return settle(() => this.deadLetter(payload, 'contract-violation', reason, 0));
    }
    const event = parsed.event;
    if (handler.contract.confersRights && this.options.verifier) {
      return this.options.verifier.verify(event).then(
        () => this.decoded(payload, handler, event),
        (error: unknown) =>
          settle(() => this.deadLetter(payload, dlqReasonOf(error), errorMessage(error), 0)),
      );
    }
    return this.decoded(payload, handler, event);
  }

  /** A checked event with the work context its handler runs in. */
  private decoded(
    payload: EachMessagePayload,
    handler: EventHandler,
    event: EventOf<EventContract>,
  ): Decoded {
    const { message } = payload;
    const traceparent = traceparentFrom(headerString(message.headers, 'traceparent'));
    const context = {
      correlationId: event.correlationId,
      causationId: event.eventId,
      actorId: event.actorId,
      traceparent,
    };
    return { kind: 'event', decoded: { payload, handler, event, context } };
  }

  /** The consumer span of one message: it continues the trace the message carries (the relay's publish span). */
  private consumeSpan({ payload, event }: DecodedEvent) {
    const { topic, message } = payload;
    return startSpan(`process ${topic}`, {
      kind: SpanKind.CONSUMER,
      parent: contextFromHeaders(stringHeaders(message.headers)),
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': topic,
        'messaging.consumer.group.name': this.options.groupId,
        'messaging.message.id': event.eventId,
      },
    });
  }

  /** One event in a transaction of its own, retried, dead-lettered when it cannot be applied. */
  private async applyTraced(decoded: DecodedEvent): Promise<ConsumeOutcome> {
    const consume = this.consumeSpan(decoded);
    try {
      const outcome = await withTraceContext(consume.context, () => this.applyWithRetries(decoded));
      consume.span.setAttribute('praxis.consume.outcome', outcome);
      return outcome;
    } catch (error) {
      failSpan(consume.span, error);
      throw error;
    } finally {
      consume.span.end();
    }
  }

  /**
   * A run of events in one transaction (`commitRun`); if the transaction fails, the run is applied again one event
   * at a time (which retries and dead-letters).
   */
  private async applyRun(run: DecodedEvent[]): Promise<void> {
    if (run.length === 1) {
      await this.applyTraced(run[0]);
      return;
    }
    try {
      await this.commitRun(run);
    } catch (error) {
      this.options.logger.warn(
        { topic: run[0].payload.topic, events: run.length, error: errorMessage(error) },
        'a run of events failed in one transaction; applying them one at a time',
      );
      for (const decoded of run) await this.applyTraced(decoded);
    }
  }

  /**
   * Events in one transaction: the inbox rows in one statement, then each new event's effect, in order (of
   * several topics when runs of several partitions share it). Throws if the transaction fails.
   */
  private async commitRun(run: DecodedEvent[]): Promise<void> {
    const tracing = this.runTracing(run);
    const started = process.hrtime.bigint();
    let outcomes: ConsumeOutcome[];
    try {
      outcomes = await this.options.dataSource.transaction(async (manager) => {
        const inserted: Array<{ event_id: string }> = await manager.query(
          `INSERT INTO "inbox" ("consumer_group", "event_id", "topic")
           SELECT $1, "event_id", "topic" FROM unnest($2::uuid[], $3::text[]) AS m("event_id", "topic")
           ON CONFLICT DO NOTHING RETURNING "event_id"`,
          [
            this.options.groupId,
            run.map((decoded) => decoded.event.eventId),
            run.map((decoded) => decoded.payload.topic),
          ],
        );
        const fresh = new Set(inserted.map((row) => row.event_id));
        const results: ConsumeOutcome[] = [];
        const context = { groupId: this.options.groupId };
        // consecutive new events of one handler that takes them together
        let batch: DecodedEvent[] = [];
        const applyBatch = async () => {
          const applying = batch;
          batch = [];
          const handleBatch = applying[0]?.handler.handleBatch;
          if (!handleBatch) return;
          await runInContext(applying[0].context, () =>
            handleBatch(
              applying.map((decoded) => decoded.event),
              manager,
              context,
            ),
          );
        };
        for (const [index, decoded] of run.entries()) {
          // a redelivered event, or the same event twice in the run (a producer's retry): its first copy applies
          if (!fresh.delete(decoded.event.eventId.toLowerCase())) {
            results.push('duplicate');
            continue;
          }
          results.push('applied');
          if (decoded.handler.handleBatch) {
            if (batch.length > 0 && batch[0].handler !== decoded.handler) await applyBatch();
            batch.push(decoded);
            continue;
          }
          await applyBatch();
          await withTraceContext(tracing.contextOf(index), () =>
            runInContext(decoded.context, () => decoded.handler.handle(decoded.event, manager, context)),
          );
        }
        await applyBatch();
        return results;
      });
    } catch (error) {
      tracing.end(null);
      throw error;
    }
    // the handler time of the run, shared out evenly: the histogram stays per event
    const perEvent = Number(process.hrtime.bigint() - started) / 1e9 / run.length;
    const handlerSeconds = messagingMetrics.handlerSeconds;
    const consumed = new Map<string, { topic: string; outcome: ConsumeOutcome; count: number }>();
    for (const [index, decoded] of run.entries()) {
      const topic = decoded.payload.topic;
      handlerSeconds.observe({ topic }, perEvent);
      const key = `${topic}\u0000${outcomes[index]}`;
      const counted = consumed.get(key);
      if (counted) counted.count++;
      else consumed.set(key, { topic, outcome: outcomes[index], count: 1 });
    }
    const counter = messagingMetrics.consumed;
    for (const { topic, outcome, count } of consumed.values()) counter.inc({ topic, outcome }, count);
    tracing.end(outcomes);
  }

  /**
   * The spans of a run's transaction: one per event (each continuing its message's trace) or, with `spanPer:
   * 'run'`, one for the whole run.
   */
  private runTracing(run: DecodedEvent[]): {
    contextOf(index: number): ReturnType<typeof startSpan>['context'];
    end(outcomes: ConsumeOutcome[] | null): void;
  } {
    if (this.options.spanPer === 'run') {
      const topics = [...new Set(run.map((decoded) => decoded.payload.topic))];
      const { span, context } = startSpan(`process ${topics.join(', ')}`, {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.destination.name': topics.join(', '),
          'messaging.consumer.group.name': this.options.groupId,
          'messaging.batch.message_count': run.length,
        },
      });
      return {
        contextOf: () => context,
        end: (outcomes) => {
          if (outcomes)
            span.setAttribute(
              'praxis.consume.applied',
              outcomes.filter((outcome) => outcome === 'applied').length,
            );
          span.end();
        },
      };
    }
    const spans = run.map((decoded) => this.consumeSpan(decoded));
    return {
      contextOf: (index) => spans[index].context,
      end: (outcomes) => {
        spans.forEach(({ span }, index) => {
          const outcome = outcomes?.[index];
          if (outcome) span.setAttribute('praxis.consume.outcome', outcome);
          span.end();
        });
      },
    };
  }

  private async applyWithRetries({
    payload,
    handler,
    event,
    context,
  }: DecodedEvent): Promise<ConsumeOutcome> {
    const { topic } = payload;
    const maxAttempts = this.options.settings.consumerMaxAttempts;
    for (let attempt = 1; ; attempt++) {
      const timer = messagingMetrics.handlerSeconds.startTimer({ topic });
      try {
        const outcome = await runInContext(context, () => this.applyOnce(handler, event, topic));
        timer();
        messagingMetrics.consumed.inc({ topic, outcome });
        return outcome;
      } catch (error) {
        timer();
        const retriable = isRetriable(error);
        if (!retriable || attempt >= maxAttempts) {
          return this.deadLetter(
            payload,
            retriable ? 'handler-failed-after-retries' : dlqReasonOf(error),
            errorMessage(error),
            attempt,
          );
        }
        const delay = Math.min(5000, (this.options.retryBaseMs ?? 100) * 2 ** (attempt - 1));
        this.options.logger.warn(
          { topic, eventId: event.eventId, attempt, retryInMs: delay, error: errorMessage(error) },
          'event handler failed; retrying',
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
        await payload.heartbeat();
      }
    }
  }

  private async applyOnce(
    handler: EventHandler,
    event: EventOf<EventContract>,
    topic: string,
  ): Promise<ConsumeOutcome> {
    return this.options.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO "inbox" ("consumer_group", "event_id", "topic") VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING "event_id"`,
        [this.options.groupId, event.eventId, topic],
      );
      if (inserted.length === 0) return 'duplicate';
      await handler.handle(event, manager, { groupId: this.options.groupId });
      return 'applied';
    });
  }

  private async eraseOnTombstone(
    handler: EventHandler,
    aggregateId: string,
    topic: string,
  ): Promise<ConsumeOutcome> {
    const erase = handler.erase;
    if (!erase || aggregateId === '') {
      messagingMetrics.consumed.inc({ topic, outcome: 'skipped' });
      return 'skipped';
    }
    // like any effect: retried by the broker redelivering the message if the transaction fails
    await this.options.dataSource.transaction((manager) =>
      erase(aggregateId, manager, { groupId: this.options.groupId }),
    );
    messagingMetrics.consumed.inc({ topic, outcome: 'erased' });
    return 'erased';
  }

  private async deadLetter(
    { topic, partition, message }: EachMessagePayload,
    reason: string,
    error: string,
    attempts: number,
  ): Promise<ConsumeOutcome> {
    const producer = await this.options.producer();
    // if the dead letter cannot be written the error propagates: the offset is not committed and the message returns
    await producer.send({
      topic: dlqTopicFor(topic),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            'x-dlq-reason': reason,
            'x-dlq-error': error.slice(0, 4000),
            'x-dlq-original-topic': topic,
            'x-dlq-original-partition': String(partition),
            'x-dlq-original-offset': message.offset,
            'x-dlq-consumer-group': this.options.groupId,
            'x-dlq-attempts': String(attempts),
            'x-dlq-failed-at': new Date().toISOString(),
          },
        },
      ],
    });
    messagingMetrics.consumed.inc({ topic, outcome: 'dead-lettered' });
    this.options.logger.error(
      { topic, partition, offset: message.offset, reason, error, attempts },
      'message sent to dead-letter topic',
    );
    return 'dead-lettered';
  }
}

function stringHeaders(headers: IHeaders | undefined): Record<string, string | undefined> {
  return Object.fromEntries(Object.keys(headers ?? {}).map((name) => [name, headerString(headers, name)]));
}

function headerString(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}
