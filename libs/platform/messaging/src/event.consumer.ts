import type { Consumer, EachMessagePayload, IHeaders, Kafka, Producer } from 'kafkajs';
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
   * A tombstone on a compacted topic (the key with a null value): the producer erased the aggregate's data, and
   * so must the consumer. Erasing is idempotent, so no inbox row is kept. Without it, tombstones are skipped.
   */
  erase?(aggregateId: string, manager: EntityManager, context: HandlerContext): Promise<void>;
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
  >;
  logger: Logger;
  retryBaseMs?: number;
  /** Checks the signatures of events that confer rights; required when a handler consumes one. */
  verifier?: EventVerifier;
}

export type ConsumeOutcome = 'applied' | 'duplicate' | 'dead-lettered' | 'erased' | 'skipped';

/**
 * Validates every message against its contract, applies it at most once per consumer group (inbox row in the
 * same transaction as the effect), retries retriable failures with backoff, and sends what cannot be applied to
 * `<topic>.dlq` with the reason in headers, then moves on.
 */
export class EventConsumer {
  private consumer: Consumer | null = null;
  private readonly byTopic = new Map<string, EventHandler>();
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
      eachMessage: (payload) => this.onMessage(payload).then(() => undefined),
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

  /** Exposed for tests of a single message; production goes through `start`. */
  async onMessage(payload: EachMessagePayload): Promise<ConsumeOutcome> {
    const { topic, message } = payload;
    const handler = this.byTopic.get(topic);
    if (!handler) {
      return this.deadLetter(
        payload,
        'no-handler',
        `group ${this.options.groupId} has no handler for ${topic}`,
        0,
      );
    }
    if (message.value === null && handler.contract.compacted) {
      return this.eraseOnTombstone(handler, message.key?.toString('utf8') ?? '', topic);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch (error) {
      return this.deadLetter(payload, 'invalid-json', errorMessage(error), 0);
    }
    const parsed = parseEvent(handler.contract, raw);
    if (!parsed.ok) {
      return this.deadLetter(payload, 'contract-violation', parsed.reason, 0);
    }
    const event = parsed.event;
    if (handler.contract.confersRights) {
      try {
        await this.options.verifier?.verify(event);
      } catch (error) {
        return this.deadLetter(payload, dlqReasonOf(error), errorMessage(error), 0);
      }
    }
    const traceparent = traceparentFrom(headerString(message.headers, 'traceparent'));
    const context = {
      correlationId: event.correlationId,
      causationId: event.eventId,
      actorId: event.actorId,
      traceparent,
    };
    // the consumer span continues the trace the message carries (the relay's publish span)
    const consume = startSpan(`process ${topic}`, {
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
    try {
      const outcome = await withTraceContext(consume.context, () =>
        this.applyWithRetries(payload, handler, event, context),
      );
      consume.span.setAttribute('praxis.consume.outcome', outcome);
      return outcome;
    } catch (error) {
      failSpan(consume.span, error);
      throw error;
    } finally {
      consume.span.end();
    }
  }

  private async applyWithRetries(
    payload: EachMessagePayload,
    handler: EventHandler,
    event: EventOf<EventContract>,
    context: WorkContext,
  ): Promise<ConsumeOutcome> {
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
