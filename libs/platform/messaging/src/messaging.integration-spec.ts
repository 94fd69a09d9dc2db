import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { DataSource, EntityManager } from 'typeorm';
import { createEvent, defineEvent, dlqTopicFor, registerEvents, type EventOf } from '@praxis/contracts';
import { createServiceDataSource } from '@praxis/platform/database';
import { createLogger } from '@praxis/platform/observability';
import {
  collectTopic,
  createTestDatabase,
  cuttableNetwork,
  testBrokers,
  testKafka,
  uniqueName,
  waitFor,
} from '@praxis/platform/testing';
import { NonRetriableError } from './errors';
import { handle } from './event.consumer';
import type { KafkaSettings } from './kafka-settings';
import { MESSAGING_ENTITIES } from './messaging.entities';
import { MESSAGING_MIGRATIONS } from './messaging.migration';
import { MessagingRuntime, type MessagingRuntimeOptions } from './messaging.runtime';
import { applicableInOrder, applyIfNewer, appliedSequence } from './replica-ordering';
import { appendManyToOutbox, appendTombstone, appendToOutbox } from './outbox.writer';

const logger = createLogger('messaging-test', process.env.TEST_LOG_LEVEL ?? 'silent');

/** A contract on a topic of its own, so tests never see each other's messages. */
function uniqueContract() {
  const contract = defineEvent({
    service: `t${randomBytes(4).toString('hex')}`,
    entity: 'thing',
    happened: 'made',
    version: 1,
    payload: z.object({ n: z.number().int(), label: z.string() }),
  });
  registerEvents(contract);
  return contract;
}

function settings(overrides: Partial<KafkaSettings> = {}): KafkaSettings {
  return {
    brokers: testBrokers(),
    clientId: uniqueName('svc'),
    sessionTimeoutMs: 6000,
    heartbeatIntervalMs: 500,
    maxWaitMs: 100,
    replicationFactor: 1,
    consumerMaxAttempts: 3,
    ...overrides,
  };
}

describe('messaging: outbox, relay, consumer, inbox, dead letters', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  const runtimes: MessagingRuntime[] = [];
  const stops: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    db = await createTestDatabase('messaging');
    dataSource = createServiceDataSource({
      url: db.url,
      entities: MESSAGING_ENTITIES,
      migrations: MESSAGING_MIGRATIONS,
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.query(
      `CREATE TABLE received (consumer text NOT NULL, event_id uuid NOT NULL, aggregate_id text NOT NULL, n int NOT NULL, seq bigserial)`,
    );
  });

  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    for (const runtime of runtimes.splice(0)) await runtime.stop();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  async function write(contract: ReturnType<typeof uniqueContract>, aggregateId: string, n: number) {
    return dataSource.transaction((manager) =>
      appendToOutbox(manager, contract, aggregateId, { n, label: `#${n}` }),
    );
  }

  /** What every test handler does with an event it accepts. */
  async function record(
    manager: EntityManager,
    group: string,
    event: EventOf<ReturnType<typeof uniqueContract>>,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO received (consumer, event_id, aggregate_id, n) VALUES ($1, $2, $3, $4)`,
      [group, event.eventId, event.aggregateId, event.payload.n],
    );
  }

  async function received(consumer: string): Promise<Array<{ aggregate_id: string; n: number }>> {
    return dataSource.query(`SELECT aggregate_id, n FROM received WHERE consumer = $1 ORDER BY seq`, [
      consumer,
    ]);
  }

  /** How many transactions applied the group's events so far (an inbox row carries its transaction's start). */
  async function transactionsOf(group: string): Promise<number> {
    const stamps: Array<{ count: number }> = await dataSource.query(
      `SELECT count(DISTINCT processed_at)::int AS count FROM inbox WHERE consumer_group = $1`,
      [group],
    );
    return stamps[0].count;
  }

  /**
   * A runtime whose handler records each event `check` lets through, with a collector on its dead-letter topic
   * and a producer for raw messages.
   */
  async function recordingConsumer(
    contract: ReturnType<typeof uniqueContract>,
    group: string,
    consumerMaxAttempts: number,
    check: (n: number) => void,
    partitionsConsumedConcurrently?: number,
  ) {
    const runtime = new MessagingRuntime({
      service: uniqueName('svc'),
      settings: settings({ consumerMaxAttempts, partitionsConsumedConcurrently }),
      dataSource,
      databaseUrl: db.url,
      logger,
      produces: [contract],
      consumers: [
        {
          groupId: group,
          handlers: [
            handle(contract, async (event, manager) => {
              check(event.payload.n);
              await record(manager, group, event);
            }),
          ],
        },
      ],
    });
    runtimes.push(runtime);
    const dlq = await collectTopic(testBrokers(), dlqTopicFor(contract.topic));
    stops.push(dlq.stop);
    runtime.start();
    await Promise.all([runtime.ready(), dlq.whenJoined()]);
    const producer = testKafka(testBrokers()).producer();
    await producer.connect();
    stops.push(() => producer.disconnect());
    return { dlq, producer };
  }

  /** A runtime that only publishes (its relay, not started yet) and a collector joined on the contract's topic. */
  async function publisher(
    contract: ReturnType<typeof uniqueContract>,
    options: Pick<MessagingRuntimeOptions, 'relay'> & { settings?: KafkaSettings },
  ) {
    const runtime = new MessagingRuntime({
      service: uniqueName('svc'),
      settings: options.settings ?? settings(),
      dataSource,
      databaseUrl: db.url,
      logger,
      produces: [contract],
      relay: options.relay,
    });
    runtimes.push(runtime);
    const collector = await collectTopic(testBrokers(), contract.topic);
    stops.push(collector.stop);
    await collector.whenJoined();
    return { runtime, collector };
  }

  it('publishes outbox rows to Kafka, applies each event once, and a redelivery changes nothing', async () => {
    const contract = uniqueContract();
    const group = uniqueName('group');
    const runtime = new MessagingRuntime({
      service: uniqueName('svc'),
      settings: settings(),
      dataSource,
      databaseUrl: db.url,
      logger,
      produces: [contract],
      // a long poll interval: only the commit's wake-up can make the relay publish promptly
      relay: { pollIntervalMs: 60000 },
      consumers: [
        {
          groupId: group,
          handlers: [
            handle(contract, async (event, manager) => {
              await record(manager, group, event);
            }),
          ],
        },
      ],
    });
    runtimes.push(runtime);
    runtime.start();
    await runtime.ready();
    const collector = await collectTopic(testBrokers(), contract.topic);
    stops.push(collector.stop);
    await collector.whenJoined();

    const written: EventOf<typeof contract>[] = [];
    for (let n = 1; n <= 3; n++) written.push(await write(contract, 'agg-1', n));
    written.push(await write(contract, 'agg-2', 10));

    const rows = await waitFor(
      async () => ((await received(group)).length === 4 ? received(group) : undefined),
      {
        description: 'four events applied',
      },
    );
    // per-aggregate order holds
    expect(rows.filter((row) => row.aggregate_id === 'agg-1').map((row) => row.n)).toEqual([1, 2, 3]);
    const outbox = await dataSource.query(`SELECT status FROM outbox`);
    expect(outbox.every((row: { status: string }) => row.status === 'sent')).toBe(true);

    // the message on the wire is the envelope with the aggregate as key and correlation in headers
    const messages = await collector.waitForCount(4);
    const first = messages.find(
      (message) => (message.json() as { eventId: string }).eventId === written[0].eventId,
    );
    expect(first?.key).toBe('agg-1');
    expect(first?.json()).toEqual(written[0]);
    expect(first?.headers['x-correlation-id']).toBe(written[0].correlationId);

    // redeliver the first event, then a fresh one on the same key: when the fresh one is applied, the
    // duplicate before it (same partition) has been handled too, and must have changed nothing
    const producer = testKafka(testBrokers()).producer();
    await producer.connect();
    stops.push(() => producer.disconnect());
    await producer.send({ topic: contract.topic, messages: [{ key: 'agg-1', value: first?.value ?? '' }] });
    await write(contract, 'agg-1', 4);
    const after = await waitFor(async () => {
      const current = await received(group);
      return current.some((row) => row.n === 4) ? current : undefined;
    });
    expect(after.map((row) => row.n).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 10]);
    const inbox = await dataSource.query(
      `SELECT count(*)::int AS count FROM inbox WHERE consumer_group = $1`,
      [group],
    );
    expect(inbox[0].count).toBe(5);
  });

  it("wakes another process's relay by NOTIFY after the write commits, never from inside the write's transaction", async () => {
    const contract = uniqueContract();
    // a long poll interval: only the NOTIFY can make the relay publish promptly
    const { runtime, collector } = await publisher(contract, { relay: { pollIntervalMs: 60000 } });
    runtime.start();
    // another process: its own pool on the same database, no relay of its own
    const otherProcess = createServiceDataSource({
      url: db.url,
      entities: MESSAGING_ENTITIES,
      migrations: [],
    });
    await otherProcess.initialize();
    stops.push(() => otherProcess.destroy());
    // the first write finds the relay holding the lock and its producer connected
    await otherProcess.transaction((manager) =>
      appendToOutbox(manager, contract, 'far', { n: 1, label: '#1' }),
    );
    await collector.waitForCount(1, 10000);

    const runner = otherProcess.createQueryRunner();
    const statements = jest.spyOn(runner, 'query');
    await runner.startTransaction();
    await appendToOutbox(runner.manager, contract, 'far', { n: 2, label: '#2' });
    const inTransaction = statements.mock.calls.map(([sql]) => sql);
    await runner.commitTransaction();
    await runner.release();
    // a NOTIFY in the transaction would queue its commit behind every other notifying commit of the server
    expect(inTransaction.some((sql) => /notify/i.test(sql))).toBe(false);
    expect(inTransaction.some((sql) => /INSERT INTO "outbox"/.test(sql))).toBe(true);
    const started = Date.now();
    const messages = await collector.waitForCount(2, 10000);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(messages.map((message) => (message.json() as { payload: { n: number } }).payload.n)).toEqual([
      1, 2,
    ]);
  });

  it("publishes while every connection of the service's pool is taken: the relay's statements use its own", async () => {
    const contract = uniqueContract();
    // the service: a pool of one connection, held below as a busy service's requests hold theirs
    const service = createServiceDataSource({
      url: db.url,
      entities: MESSAGING_ENTITIES,
      migrations: [],
      poolSize: 1,
    });
    await service.initialize();
    stops.push(() => service.destroy());
    const runtime = new MessagingRuntime({
      service: uniqueName('svc'),
      settings: settings(),
      dataSource: service,
      databaseUrl: db.url,
      logger,
      produces: [contract],
      relay: { pollIntervalMs: 60000 },
    });
    runtimes.push(runtime);
    const collector = await collectTopic(testBrokers(), contract.topic);
    stops.push(collector.stop);
    await collector.whenJoined();
    runtime.start();
    await write(contract, 'busy', 1);
    await collector.waitForCount(1, 10000);

    const busy = service.createQueryRunner();
    await busy.connect();
    stops.push(() => busy.release());
    // written by another process (the pool above is taken): its NOTIFY wakes the relay
    await write(contract, 'busy', 2);
    const messages = await collector.waitForCount(2, 10000);
    expect(messages.map((message) => (message.json() as { payload: { n: number } }).payload.n)).toEqual([
      1, 2,
    ]);
    // and marked sent, through the same connection
    await waitFor(
      async () => {
        const rows: Array<{ status: string }> = await dataSource.query(
          `SELECT status FROM outbox WHERE message_key = 'busy'`,
        );
        return rows.length === 2 && rows.every((row) => row.status === 'sent');
      },
      { timeoutMs: 10000, description: "both of the busy service's events marked sent" },
    );
  });

  it('drains a backlog of several batches without lingering between them, in order', async () => {
    const contract = uniqueContract();
    // a linger far longer than the test allows: only passes that skip it after a full batch can finish in time
    const { runtime, collector } = await publisher(contract, {
      relay: { batchSize: 10, lingerMs: 10000, pollIntervalMs: 60000 },
    });
    for (let n = 1; n <= 35; n++) await write(contract, 'backlog', n);
    const started = Date.now();
    runtime.start();
    const messages = await collector.waitForCount(35, 20000);
    // four passes (10, 10, 10, 5); lingering before each of the last three would take 30 s. The bound leaves
    // the relay's start (connection, lock, producer) seconds on a loaded machine
    expect(Date.now() - started).toBeLessThan(9000);
    expect(messages.map((message) => (message.json() as { payload: { n: number } }).payload.n)).toEqual(
      Array.from({ length: 35 }, (_, index) => index + 1),
    );
  });

  it('keeps accepting writes while the broker is unreachable and publishes every event once it returns', async () => {
    const contract = uniqueContract();
    const network = cuttableNetwork();
    const { runtime, collector } = await publisher(contract, {
      settings: { ...settings(), socketFactory: network.socketFactory },
      relay: { pollIntervalMs: 200, minBackoffMs: 100, maxBackoffMs: 500 },
    });
    runtime.start();
    await write(contract, 'before', 0);
    await collector.waitForCount(1);

    network.cut();
    const aggregates = ['a', 'b', 'c', 'd'];
    for (let n = 1; n <= 20; n++) await write(contract, aggregates[n % 4], n);
    await expect(runtime.checkBroker(1000)).rejects.toThrow();
    // the relay tried and failed, and kept the events
    const stuck = await waitFor(
      async () => {
        const rows: Array<{ pending: number; tried: number }> = await dataSource.query(
          `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
                count(*) FILTER (WHERE status = 'pending' AND attempts > 0 AND last_error IS NOT NULL)::int AS tried
           FROM outbox WHERE topic = $1`,
          [contract.topic],
        );
        return rows[0].tried > 0 ? rows[0] : undefined;
      },
      { description: 'relay attempts recorded while the broker is away' },
    );
    expect(stuck.pending).toBe(20);

    network.restore();
    const messages = await collector.waitForCount(21, 30000);
    // give a late duplicate a moment to show up, then check exactly-once on the wire
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ns = messages.map((message) => (message.json() as { payload: { n: number } }).payload.n);
    expect([...ns].sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => i));
    for (const aggregate of aggregates) {
      const inOrder = messages
        .filter((message) => message.key === aggregate)
        .map((message) => (message.json() as { payload: { n: number } }).payload.n);
      expect(inOrder).toEqual([...inOrder].sort((a, b) => a - b));
    }
    const pending = await dataSource.query(
      `SELECT count(*)::int AS count FROM outbox WHERE topic = $1 AND status <> 'sent'`,
      [contract.topic],
    );
    expect(pending[0].count).toBe(0);
  });

  it('dead-letters poison messages with the reason and goes on to the next good message', async () => {
    const contract = uniqueContract();
    const group = uniqueName('group');
    const { dlq, producer } = await recordingConsumer(contract, group, 2, (n) => {
      if (n === 13) throw new NonRetriableError('thirteen is refused by this handler');
      if (n === 14) throw new Error('database hiccup that never clears');
    });
    const key = 'poison';
    await producer.send({
      topic: contract.topic,
      messages: [
        { key, value: '{not json' },
        { key, value: JSON.stringify({ eventId: 'not-a-uuid', type: contract.type }) },
        {
          key,
          value: JSON.stringify({
            eventId: '9b2f7d1e-5b7a-4c1e-9a57-0d8a4f1f2c3b',
            type: contract.type,
            version: 1,
            occurredAt: new Date().toISOString(),
            aggregateId: key,
            actorId: null,
            correlationId: 'c-1',
            causationId: null,
            payload: { n: 'seven', label: 'x' },
          }),
        },
      ],
    });
    await write(contract, key, 13);
    await write(contract, key, 14);
    await write(contract, key, 15);

    const rows = await waitFor(
      async () => {
        const current = await received(group);
        return current.some((row) => row.n === 15) ? current : undefined;
      },
      { timeoutMs: 30000, description: 'the good message after the poison ones' },
    );
    expect(rows.map((row) => row.n)).toEqual([15]);

    const letters = await dlq.waitForCount(5);
    const reasons = letters.map((letter) => letter.headers['x-dlq-reason']);
    expect(reasons).toEqual([
      'invalid-json',
      'contract-violation',
      'contract-violation',
      'handler-rejected',
      'handler-failed-after-retries',
    ]);
    expect(letters[2].headers['x-dlq-error']).toMatch(/payload: n: /);
    expect(letters[3].headers['x-dlq-error']).toMatch(/thirteen is refused/);
    expect(letters[4].headers['x-dlq-attempts']).toBe('2');
    expect(letters.every((letter) => letter.headers['x-dlq-original-topic'] === contract.topic)).toBe(true);
    expect(letters[0].value).toBe('{not json');
  });

  it('applies a fetched batch in one transaction; a refused event in it is dead-lettered and the rest apply in order', async () => {
    const contract = uniqueContract();
    const group = uniqueName('group');
    const { dlq, producer } = await recordingConsumer(contract, group, 1, (n) => {
      if (n === 15) throw new NonRetriableError('fifteen is refused by this handler');
    });
    // one send on one key: one record batch on one partition, fetched as one batch
    const events = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) =>
        createEvent(
          contract,
          { aggregateId: 'batch', actorId: null, correlationId: `c-${from + i}` },
          {
            n: from + i,
            label: `#${from + i}`,
          },
        ),
      );
    const send = (batch: Array<EventOf<typeof contract>>) =>
      producer.send({
        topic: contract.topic,
        messages: batch.map((event) => ({ key: event.aggregateId, value: JSON.stringify(event) })),
      });
    const clean = events(1, 10);
    await send(clean);
    await waitFor(async () => (await received(group)).length === 10, {
      description: 'the clean batch applied',
    });
    // one transaction: every inbox row carries the same transaction time
    expect(await transactionsOf(group)).toBe(1);

    const mixed = events(11, 20);
    await send(mixed);
    await waitFor(async () => (await received(group)).some((row) => row.n === 20), {
      description: 'the batch with a refused event applied around it',
    });
    const letters = await dlq.waitForCount(1);
    expect(letters[0].headers['x-dlq-reason']).toBe('handler-rejected');
    expect((letters[0].json() as { payload: { n: number } }).payload.n).toBe(15);

    // the whole of both batches delivered again, then one fresh event: the redelivery changes nothing
    await send([...clean, ...mixed]);
    await send(events(21, 21));
    const rows = await waitFor(
      async () => {
        const current = await received(group);
        return current.some((row) => row.n === 21) ? current : undefined;
      },
      { description: 'the fresh event after the redelivered batches' },
    );
    expect(rows.map((row) => row.n)).toEqual(
      Array.from({ length: 21 }, (_, i) => i + 1).filter((n) => n !== 15),
    );
  });

  it("applies the runs of a fetch's partitions in one transaction; a refused event in one applies the other partitions' runs on their own", async () => {
    const contract = uniqueContract();
    const group = uniqueName('group');
    const { dlq, producer } = await recordingConsumer(
      contract,
      group,
      1,
      (n) => {
        if (n === 115) throw new NonRetriableError('115 is refused by this handler');
      },
      4,
    );
    // one send: a record batch on each of four partitions (aggregate p<k> on partition k), n = 100 k + i
    const send = (from: number, to: number) =>
      producer.send({
        topic: contract.topic,
        messages: [0, 1, 2, 3].flatMap((partition) =>
          Array.from({ length: to - from + 1 }, (_, i) => {
            const n = partition * 100 + from + i;
            const event = createEvent(
              contract,
              { aggregateId: `p${partition}`, actorId: null, correlationId: `c-${n}` },
              { n, label: `#${n}` },
            );
            return { partition, key: event.aggregateId, value: JSON.stringify(event) };
          }),
        ),
      });
    const byAggregate = (rows: Array<{ aggregate_id: string; n: number }>) =>
      Object.fromEntries(
        [0, 1, 2, 3].map((p) => [
          `p${p}`,
          rows.filter((row) => row.aggregate_id === `p${p}`).map((row) => row.n),
        ]),
      );
    const expected = (from: number, to: number, refused: number[] = []) =>
      Object.fromEntries(
        [0, 1, 2, 3].map((p) => [
          `p${p}`,
          Array.from({ length: to - from + 1 }, (_, i) => p * 100 + from + i).filter(
            (n) => !refused.includes(n),
          ),
        ]),
      );

    await send(1, 5);
    await waitFor(async () => (await received(group)).length === 20, {
      description: "the four partitions' runs applied",
    });
    // one transaction for the four runs: every inbox row carries its start time
    expect(await transactionsOf(group)).toBe(1);
    expect(byAggregate(await received(group))).toEqual(expected(1, 5));

    // partition 1's run holds a refused event: the shared transaction fails, each run applies on its own
    await send(11, 20);
    await waitFor(async () => (await received(group)).length === 20 + 39, {
      description: 'the runs applied around the refused event',
    });
    const letters = await dlq.waitForCount(1);
    expect((letters[0].json() as { payload: { n: number } }).payload.n).toBe(115);
    const rows = await received(group);
    expect(byAggregate(rows.slice(20))).toEqual(expected(11, 20, [115]));
  });

  it("numbers each aggregate's events 1, 2, 3... in commit order, under concurrent writers and rollbacks", async () => {
    const contract = uniqueContract();
    const aggregate = uniqueName('agg');
    // a rolled-back write gives its number back
    await expect(
      dataSource.transaction(async (manager) => {
        await appendToOutbox(manager, contract, aggregate, { n: -1, label: 'rolled back' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    // eight writers at once, each holding its transaction open a little after taking its number
    const events = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        dataSource.transaction(async (manager) => {
          const event = await appendToOutbox(manager, contract, aggregate, { n, label: `#${n}` });
          await manager.query(`SELECT pg_sleep(0.02)`);
          return event;
        }),
      ),
    );
    expect(events.map((event) => event.sequence).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    const rows: Array<{ id: string; sequence: string; envelope: { sequence: number } }> =
      await dataSource.query(`SELECT id, sequence, envelope FROM outbox WHERE message_key = $1 ORDER BY id`, [
        aggregate,
      ]);
    // the relay publishes in id order: ids follow the sequence, so Kafka sees an aggregate's events in order
    expect(rows.map((row) => Number(row.sequence))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows.map((row) => row.envelope.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // another aggregate counts on its own
    const other = await write(contract, uniqueName('agg'), 1);
    expect(other.sequence).toBe(1);
  });

  it('appends many events in one statement as appending them one by one would: envelopes, headers, per-aggregate order', async () => {
    const contract = uniqueContract();
    const [a, b] = [uniqueName('agg'), uniqueName('agg')];
    await write(contract, a, 0);
    const items = Array.from({ length: 300 }, (_, n) => ({
      aggregateId: n % 3 === 0 ? b : a,
      // text that needs escaping in JSON and in array literals survives as written
      payload: { n: n + 1, label: `#${n + 1} "quoted" \\ back\\slash, {braced} ünïcode` },
    }));
    const events = await dataSource.transaction((manager) =>
      appendManyToOutbox(manager, contract, items, { correlationId: 'many-correlation' }),
    );
    const rows: Array<{
      event_id: string;
      topic: string;
      message_key: string;
      sequence: string;
      envelope: EventOf<typeof contract>;
      headers: Record<string, string>;
    }> = await dataSource.query(
      `SELECT event_id, topic, message_key, sequence, envelope, headers FROM outbox
        WHERE topic = $1 AND message_key IN ($2, $3) ORDER BY id`,
      [contract.topic, a, b],
    );
    expect(rows).toHaveLength(301);
    const appended = rows.slice(1);
    // stored exactly as returned, in the order given, each row keyed and numbered from its own envelope
    expect(appended.map((row) => row.envelope)).toEqual(events);
    expect(appended.map((row) => row.envelope.payload)).toEqual(items.map((item) => item.payload));
    for (const row of appended) {
      expect(row).toMatchObject({
        event_id: row.envelope.eventId,
        topic: contract.topic,
        message_key: row.envelope.aggregateId,
        sequence: String(row.envelope.sequence),
      });
      expect(row.headers).toMatchObject({
        'x-correlation-id': 'many-correlation',
        'x-event-type': contract.type,
      });
    }
    // each aggregate's numbers continue where it was, 1, 2, 3... with no gap
    const numbers = (key: string) =>
      rows.filter((row) => row.message_key === key).map((row) => Number(row.sequence));
    expect(numbers(a)).toEqual(Array.from({ length: 201 }, (_, index) => index + 1));
    expect(numbers(b)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
  });

  it('applyIfNewer applies an event only when it is newer for its aggregate and stream', async () => {
    const context = { groupId: uniqueName('group') };
    const aggregateId = uniqueName('agg');
    const applied: string[] = [];
    const deliver = (sequence: number | undefined, stream: string, label: string) =>
      dataSource.transaction((manager) =>
        applyIfNewer(
          manager,
          { context, stream, event: { aggregateId, sequence, eventId: label } },
          async () => {
            applied.push(label);
          },
        ),
      );
    expect(await deliver(undefined, 'profile', 'legacy-1')).toBe('applied');
    expect(await deliver(undefined, 'profile', 'legacy-2')).toBe('applied');
    expect(await deliver(5, 'profile', 'five')).toBe('applied');
    expect(await deliver(3, 'profile', 'three (late)')).toBe('stale');
    expect(await deliver(5, 'profile', 'five again')).toBe('stale');
    expect(await deliver(undefined, 'profile', 'legacy (late)')).toBe('stale');
    // another stream of the same aggregate is not held back by the profile's sequence
    expect(await deliver(4, 'role:judge:', 'role four')).toBe('applied');
    // nor is the same stream in another consumer group
    expect(
      await dataSource.transaction((manager) =>
        applyIfNewer(
          manager,
          {
            context: { groupId: uniqueName('group') },
            stream: 'profile',
            event: { aggregateId, sequence: 1, eventId: 'x' },
          },
          async () => undefined,
        ),
      ),
    ).toBe('applied');
    expect(applied).toEqual(['legacy-1', 'legacy-2', 'five', 'role four']);
    expect(await appliedSequence(dataSource.manager, context.groupId, aggregateId, 'profile')).toBe(5);

    // two deliveries racing: exactly one of them applies
    const race = await Promise.all(
      [7, 7].map((sequence, i) =>
        dataSource.transaction((manager) =>
          applyIfNewer(
            manager,
            { context, stream: 'profile', event: { aggregateId, sequence, eventId: `race-${i}` } },
            async () => {
              await manager.query(`SELECT pg_sleep(0.05)`);
            },
          ),
        ),
      ),
    );
    expect(race.sort()).toEqual(['applied', 'stale']);

    // an effect that fails leaves the stream where it was
    await expect(
      dataSource.transaction((manager) =>
        applyIfNewer(
          manager,
          { context, stream: 'profile', event: { aggregateId, sequence: 9, eventId: 'fails' } },
          async () => {
            throw new Error('effect failed');
          },
        ),
      ),
    ).rejects.toThrow('effect failed');
    expect(await appliedSequence(dataSource.manager, context.groupId, aggregateId, 'profile')).toBe(7);
  });

  it('applicableInOrder decides for runs of events exactly as applyIfNewer one after another, and racing runs apply once', async () => {
    const one = { groupId: uniqueName('one-by-one') };
    const runs = { groupId: uniqueName('in-runs') };
    const aggregates = [uniqueName('agg'), uniqueName('agg')];
    // a fixed pseudo-random history: unsequenced and sequenced events, late, repeated and out of order
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const fixed = [undefined, 0, undefined, 2, 0, 2, 3].map((sequence, index) => ({
      stream: 'profile',
      event: { aggregateId: aggregates[0] as string, sequence, eventId: `f${index}` },
    }));
    const random = Array.from({ length: 240 }, (_, index) => ({
      stream: ['profile', 'role:judge:'][next(2)] as string,
      event: {
        aggregateId: aggregates[next(2)] as string,
        sequence: [undefined, 0, 1, 2, 3, 4, 5, 6, 7, 8][next(10)],
        eventId: `e${index}`,
      },
    }));
    const events = [...fixed, ...random];
    const expected: boolean[] = [];
    for (const scope of events)
      expected.push(
        (await dataSource.transaction((manager) =>
          applyIfNewer(manager, { ...scope, context: one }, async () => undefined),
        )) === 'applied',
      );
    const decided: boolean[] = [];
    // the fixed start in one run, then runs of 1 to 40
    for (let at = 0, size = fixed.length; at < events.length; size = 1 + next(40)) {
      const run = events.slice(at, (at += size));
      decided.push(...(await dataSource.transaction((manager) => applicableInOrder(manager, runs, run))));
    }
    expect(expected.slice(0, fixed.length)).toEqual([true, true, true, true, false, false, true]);
    expect(decided).toEqual(expected);
    expect(expected.filter(Boolean).length).toBeGreaterThan(4);
    for (const aggregateId of aggregates)
      for (const stream of ['profile', 'role:judge:'])
        expect(await appliedSequence(dataSource.manager, runs.groupId, aggregateId, stream)).toBe(
          await appliedSequence(dataSource.manager, one.groupId, aggregateId, stream),
        );

    // two runs racing over one stream: the event applies in exactly one of them
    const raced = { groupId: uniqueName('raced') };
    const race = await Promise.all(
      [0, 1].map((i) =>
        dataSource.transaction(async (manager) => {
          const [applies] = await applicableInOrder(manager, raced, [
            {
              stream: 'profile',
              event: { aggregateId: aggregates[0] as string, sequence: 3, eventId: `r${i}` },
            },
          ]);
          await manager.query(`SELECT pg_sleep(0.05)`);
          return applies;
        }),
      ),
    );
    expect(race.sort()).toEqual([false, true]);
  });

  it('publishes a tombstone for an erased aggregate on a compacted topic, and the consumer erases it too', async () => {
    const contract = defineEvent({
      service: `t${randomBytes(4).toString('hex')}`,
      entity: 'answers',
      happened: 'recorded',
      version: 1,
      topicConfig: { 'cleanup.policy': 'compact' },
      payload: z.object({ n: z.number().int(), label: z.string() }),
    });
    registerEvents(contract);
    const group = uniqueName('group');
    const runtime = new MessagingRuntime({
      service: uniqueName('svc'),
      settings: settings(),
      dataSource,
      databaseUrl: db.url,
      logger,
      produces: [contract],
      consumers: [
        {
          groupId: group,
          handlers: [
            {
              ...handle(contract, async (event, manager) => {
                await record(manager, group, event);
              }),
              erase: async (aggregateId, manager) => {
                await manager.query(`DELETE FROM received WHERE consumer = $1 AND aggregate_id = $2`, [
                  group,
                  aggregateId,
                ]);
              },
            },
          ],
        },
      ],
    });
    runtimes.push(runtime);
    runtime.start();
    await runtime.ready();
    const collector = await collectTopic(testBrokers(), contract.topic);
    stops.push(collector.stop);
    await collector.whenJoined();

    await write(contract, 'kept', 1);
    await write(contract, 'erased', 2);
    await waitFor(async () => (await received(group)).length === 2, { description: 'both applied' });
    await dataSource.transaction((manager) => appendTombstone(manager, contract, 'erased'));
    const messages = await collector.waitForCount(3);
    expect(messages[2]).toMatchObject({ key: 'erased', value: null });
    const rows = await waitFor(
      async () => {
        const current = await received(group);
        return current.length === 1 ? current : undefined;
      },
      { description: 'the erased aggregate removed by the consumer' },
    );
    expect(rows).toEqual([{ aggregate_id: 'kept', n: 1 }]);
    // a topic that is not compacted takes no tombstones
    await expect(
      dataSource.transaction((manager) => appendTombstone(manager, uniqueContract(), 'x')),
    ).rejects.toThrow(/not compacted/);
  });
});
