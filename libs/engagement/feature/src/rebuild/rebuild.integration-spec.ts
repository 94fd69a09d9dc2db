import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { JWK } from 'jose';
import {
  createEvent,
  MemberDemographicsRecordedV2,
  type EventContract,
  type EventOf,
} from '@praxis/contracts';
import { engagementDatabase } from '@praxis/engagement/data-access';
import { openServiceDatabase } from '@praxis/platform/database';
import {
  EventConsumer,
  generateRecipientKeys,
  PayloadEncrypter,
  type EventHandler,
} from '@praxis/platform/messaging';
import { createLogger } from '@praxis/platform/observability';
import {
  createTestDatabase,
  fundingHistory,
  programmeAndResultsHistory,
  sameKeyHistory,
  syntheticHistory,
  testBrokers,
  testKafka,
  uniqueName,
  waitFor,
} from '@praxis/platform/testing';
import { projectionHandlers, replayHandlers } from '../projections';
import type { RebuildProgress } from './progress';
import { projectionTables, rebuildProjections, REBUILD_SCHEMA } from './rebuild';

const logger = createLogger('engagement-rebuild-test', process.env.TEST_LOG_LEVEL ?? 'silent');
const FAST = { sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, maxWaitMs: 100 };

/**
 * One projection database with its live consumer, as the service runs it; with `eventsPerTransaction: 1`, every
 * event on its own (the handlers' batch forms never see more than one event).
 */
async function projectedDatabase(
  kafka: Kafka,
  producer: Producer,
  handlers: EventHandler[],
  eventsPerTransaction?: number,
) {
  const db = await createTestDatabase('engagement_rebuild');
  const dataSource = await openServiceDatabase({ url: db.url, ...engagementDatabase });
  const groupId = uniqueName('engagement.projections');
  const consumer = new EventConsumer({
    kafka,
    dataSource,
    groupId,
    handlers,
    producer: async () => producer,
    settings: { ...FAST, consumerMaxAttempts: 3 },
    logger,
    maxEventsPerTransaction: eventsPerTransaction,
  });
  await consumer.start();
  return { db, dataSource, groupId, consumer };
}

/** Every projection table's rows (bookkeeping timestamps left out), in a stable order. */
async function contents(dataSource: DataSource): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of projectionTables(dataSource)) {
    const rows: Array<{ row: string }> = await dataSource.query(
      `SELECT (to_jsonb(t) - 'updated_at')::text AS row FROM "${table}" t ORDER BY 1`,
    );
    out[table] = rows.map((entry) => entry.row);
  }
  return out;
}

/** Each partition's end offset (its high watermark) now, by `topic/partition`. */
async function topicEnds(kafka: Kafka, topics: string[]): Promise<Map<string, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = new Map<string, number>();
    for (const topic of topics)
      for (const { partition, high } of await admin.fetchTopicOffsets(topic))
        ends.set(`${topic}/${partition}`, Number(high));
    return ends;
  } finally {
    await admin.disconnect();
  }
}

/** The group has read every topic it consumes to the end (to `ends`, when given, rather than to the end now). */
async function caughtUp(
  kafka: Kafka,
  groupId: string,
  topics: string[],
  ends?: Map<string, number>,
): Promise<boolean> {
  const until = ends ?? (await topicEnds(kafka, topics));
  const admin = kafka.admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics });
    for (const [key, high] of until) {
      const [topic, partition] = [
        key.slice(0, key.lastIndexOf('/')),
        Number(key.slice(key.lastIndexOf('/') + 1)),
      ];
      const at = committed
        .find((entry) => entry.topic === topic)
        ?.partitions.find((entry) => entry.partition === partition);
      if (high > 0 && Number(at?.offset ?? -1) < high) return false;
    }
    return true;
  } finally {
    await admin.disconnect();
  }
}

describe('engagement:rebuild (real PostgreSQL, real Kafka-protocol broker)', () => {
  const kafka = testKafka(testBrokers());
  let producer: Producer;
  let encrypter: PayloadEncrypter;
  const cleanups: Array<() => Promise<void>> = [];
  const institutions = [randomUUID(), randomUUID(), randomUUID()];
  let demographicsKey: JWK;
  let topics: string[] = [];

  /**
   * Sends the events in sends of `perSend`, each topic's share of a send one record batch per partition: a
   * partition holds several record batches, which a fetch from the local broker brings one at a time, so the
   * replay gathers several fetched batches into one run.
   */
  async function publish(events: Array<EventOf<EventContract>>, perSend = 150) {
    for (let at = 0; at < events.length; at += perSend) {
      const byTopic = new Map<string, Array<{ key: string; value: string }>>();
      for (const event of events.slice(at, at + perSend)) {
        const topic = `${event.type}.v${event.version}`;
        byTopic.set(topic, [
          ...(byTopic.get(topic) ?? []),
          { key: event.aggregateId, value: JSON.stringify(event) },
        ]);
      }
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    }
  }

  /**
   * Demographic answers meeting one member several times in the topic (6 members): sequences 1, 3, 2 (the last
   * stale) and an unsequenced one (stale once anything sequenced has applied), each with other answers.
   */
  async function demographicsHistory(): Promise<Array<EventOf<EventContract>>> {
    const events: Array<EventOf<EventContract>> = [];
    for (let index = 0; index < 6; index++) {
      const memberId = randomUUID();
      for (const [sequence, gender] of [
        [1, 'WOMAN'],
        [3, 'NON_BINARY'],
        [2, 'MAN'],
        [undefined, 'PREFER_NOT_TO_SAY'],
      ] as const) {
        const answers = await encrypter.encrypt({
          institutionId: institutions[index % institutions.length],
          gender,
          ethnicityGroup: 'WHITE',
          disability: sequence === 3 ? 'YES' : 'NO',
          firstGenerationHigherEducation: 'PREFER_NOT_TO_SAY',
        });
        events.push(
          createEvent(
            MemberDemographicsRecordedV2,
            { aggregateId: memberId, actorId: memberId, correlationId: randomUUID(), sequence },
            { memberId, answers },
          ),
        );
      }
    }
    return events;
  }

  beforeAll(async () => {
    const keys = await generateRecipientKeys();
    demographicsKey = JSON.parse(keys.privateJwk) as JWK;
    encrypter = await PayloadEncrypter.fromJwk(JSON.parse(keys.publicJwk) as JWK);
    topics = [...new Set(projectionHandlers(demographicsKey).map((handler) => handler.contract.topic))];
    producer = kafka.producer({ allowAutoTopicCreation: true });
    await producer.connect();
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await producer.disconnect();
  });

  it('replays every topic into fresh tables and swaps them in: the same rows as the live projection, events arriving meanwhile included', async () => {
    await publish([
      ...syntheticHistory(600, institutions),
      ...sameKeyHistory(institutions),
      ...programmeAndResultsHistory(institutions),
      ...fundingHistory(institutions),
      ...(await demographicsHistory()),
    ]);
    // the service, running: its projection is damaged (as by a fixed bug) and is rebuilt while it runs
    const live = await projectedDatabase(kafka, producer, projectionHandlers(demographicsKey));
    // a second projection of the same topics that is never rebuilt, event by event: what applying each event in
    // turn makes, which the rebuild's runs of hundreds of events at once must equal
    const reference = await projectedDatabase(kafka, producer, projectionHandlers(demographicsKey), 1);
    for (const each of [live, reference])
      cleanups.push(async () => {
        await each.consumer.stop();
        await each.dataSource.destroy();
        await each.db.drop();
      });
    await waitFor(() => caughtUp(kafka, live.groupId, topics), {
      // two consumers, one applying an event per transaction, on a machine shared with other work
      timeoutMs: 180000,
      description: 'live caught up',
    });
    await live.dataSource.query(`DELETE FROM "engagement_activity"`);
    await live.dataSource.query(`UPDATE "engagement_member" SET "career_stage" = 'OTHER'`);

    const seen: RebuildProgress[] = [];
    let midway: Promise<void> | null = null;
    let answeredDuringReplay = -1;
    const replayGroup = uniqueName('engagement.rebuild');
    // the history as it stands before the rebuild: what the mid-rebuild events add may land after the catch-up
    // read its end offsets (publishing them can outlast the replay on a busy machine), so they are not asked of
    // the replay's group; the live and reference projections below show they were applied
    const historyEnds = await topicEnds(kafka, topics);
    const summary = await rebuildProjections({
      replayGroup,
      databaseUrl: live.db.url,
      kafka,
      handlers: projectionHandlers(demographicsKey),
      replayHandlers: replayHandlers(demographicsKey),
      logger,
      inboxGroup: live.groupId,
      consumer: FAST,
      onProgress: (progress) => {
        seen.push(progress);
        if (progress.phase === 'replay' && !midway) {
          // events produced mid-rebuild: the live consumer applies them to the old tables, the catch-up to the new
          midway = publish(syntheticHistory(40, institutions));
          void live.dataSource
            .query(`SELECT count(*)::int AS n FROM "engagement_member"`)
            .then((rows: Array<{ n: number }>) => (answeredDuringReplay = rows[0]?.n ?? -1));
        }
      },
    });

    expect(summary.replayed).toBeGreaterThanOrEqual(600 + 12 * 21 + 4 * 19 + 3 + 3 * 19 + 6 * 4);
    expect(summary.notApplied).toBe(0);
    // runs gathered from several fetched batches commit their offsets once applied: the replay's group is at the end
    expect(await caughtUp(kafka, replayGroup, topics, historyEnds)).toBe(true);
    expect(seen.map((progress) => progress.phase)).toEqual(
      expect.arrayContaining(['replay', 'swap', 'done']),
    );
    // the old tables kept answering while the fresh ones were filled
    expect(answeredDuringReplay).toBeGreaterThan(0);
    await midway;
    await waitFor(
      async () =>
        (await caughtUp(kafka, live.groupId, topics)) && (await caughtUp(kafka, reference.groupId, topics)),
      { timeoutMs: 180000, description: 'both projections caught up' },
    );
    const rebuilt = await contents(live.dataSource);
    expect(rebuilt).toEqual(await contents(reference.dataSource));
    expect(rebuilt.engagement_member?.length).toBeGreaterThan(0);
    const schemas: unknown[] = await live.dataSource.query(
      `SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`,
      [REBUILD_SCHEMA],
    );
    expect(schemas).toHaveLength(0);
  }, 480000);
});
