import { randomUUID } from 'node:crypto';
import type { EachBatchPayload, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createEvent, defineEvent } from '@praxis/contracts';
import { createLogger, messagingMetrics, startTracing, stopTracing } from '@praxis/platform/observability';
import { EventConsumer, handleInBatches, type EventConsumerOptions } from './event.consumer';

const NoteTaken = defineEvent({
  service: 'demo',
  entity: 'note',
  happened: 'taken',
  version: 1,
  payload: z.object({ text: z.string() }),
});

/**
 * A database that runs each transaction at once: the inbox insert returns every event id but those already
 * `seen` (a redelivery), and each handler call is recorded.
 */
function fakeDatabase(seen: string[]) {
  const manager = {
    query: jest.fn(async (sql: string, parameters: unknown[]) =>
      sql.includes('INSERT INTO "inbox"')
        ? (parameters[1] as string[])
            .filter((id) => !seen.includes(id))
            .map((id) => ({ event_id: id.toLowerCase() }))
        : [],
    ),
  } as unknown as EntityManager;
  const dataSource = {
    transaction: async <T>(work: (manager: EntityManager) => Promise<T>) => work(manager),
  } as unknown as DataSource;
  return { dataSource };
}

/** One fetched batch of `count` events of `NoteTaken`, as kafkajs hands it to `eachBatch`. */
function batchOf(count: number) {
  const events = Array.from({ length: count }, (_, index) =>
    createEvent(
      NoteTaken,
      { aggregateId: randomUUID(), actorId: null, correlationId: randomUUID() },
      { text: `note ${index}` },
    ),
  );
  const resolved: string[] = [];
  const payload = {
    batch: {
      topic: NoteTaken.topic,
      partition: 0,
      messages: events.map((event, offset) => ({
        offset: String(offset),
        key: Buffer.from(event.aggregateId),
        value: Buffer.from(JSON.stringify(event)),
        headers: {},
      })),
    },
    resolveOffset: (offset: string) => resolved.push(offset),
    heartbeat: async () => undefined,
    pause: () => () => undefined,
    isRunning: () => true,
    isStale: () => false,
  } as unknown as EachBatchPayload;
  return { events, payload, resolved };
}

async function consumedCount(outcome: string): Promise<number> {
  const { values } = await messagingMetrics.consumed.get();
  return values.find((value) => value.labels.topic === NoteTaken.topic && value.labels.outcome === outcome)
    ?.value as number;
}

describe('EventConsumer: spans and metrics of a run', () => {
  const exporter = new InMemorySpanExporter();
  beforeAll(async () => {
    await startTracing({ service: 'consumer-spec', exporter });
  });
  afterAll(() => stopTracing());
  beforeEach(() => exporter.reset());

  function consumer(seen: string[], options: Partial<EventConsumerOptions> = {}) {
    const handled: string[][] = [];
    const handler = handleInBatches(NoteTaken, async (events) => {
      handled.push(events.map((event) => event.payload.text));
    });
    const consumer = new EventConsumer({
      kafka: {} as EventConsumerOptions['kafka'],
      dataSource: fakeDatabase(seen).dataSource,
      groupId: 'consumer-spec',
      handlers: [handler],
      producer: async () => ({}) as Producer,
      settings: { sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, maxWaitMs: 100, consumerMaxAttempts: 1 },
      logger: createLogger('consumer-spec', 'silent'),
      ...options,
    });
    return { consumer, handled };
  }

  it('gives each event of a run its own consumer span and outcome by default', async () => {
    const { events, payload, resolved } = batchOf(3);
    const { consumer: live, handled } = consumer([events[1].eventId]);
    const before = {
      applied: (await consumedCount('applied')) ?? 0,
      duplicate: (await consumedCount('duplicate')) ?? 0,
    };
    await live.onBatch(payload);
    expect(handled).toEqual([['note 0', 'note 2']]);
    expect(resolved).toEqual(['2']);
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => span.name)).toEqual(Array(3).fill(`process ${NoteTaken.topic}`));
    expect(spans.map((span) => span.attributes['messaging.message.id'])).toEqual(
      events.map((e) => e.eventId),
    );
    expect(spans.map((span) => span.attributes['praxis.consume.outcome'])).toEqual([
      'applied',
      'duplicate',
      'applied',
    ]);
    expect(await consumedCount('applied')).toBe(before.applied + 2);
    expect(await consumedCount('duplicate')).toBe(before.duplicate + 1);
  });

  it('gives a run one span with its size when spans are per run (a replay), and counts the same outcomes', async () => {
    const { events, payload, resolved } = batchOf(4);
    const { consumer: replay, handled } = consumer([events[0].eventId], { spanPer: 'run' });
    const before = {
      applied: (await consumedCount('applied')) ?? 0,
      duplicate: (await consumedCount('duplicate')) ?? 0,
    };
    await replay.onBatch(payload);
    expect(handled).toEqual([['note 1', 'note 2', 'note 3']]);
    expect(resolved).toEqual(['3']);
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(1);
    expect(spans[0].name).toBe(`process ${NoteTaken.topic}`);
    expect(spans[0].attributes).toMatchObject({
      'messaging.batch.message_count': 4,
      'messaging.consumer.group.name': 'consumer-spec',
      'praxis.consume.applied': 3,
    });
    expect(await consumedCount('applied')).toBe(before.applied + 3);
    expect(await consumedCount('duplicate')).toBe(before.duplicate + 1);
  });
});
