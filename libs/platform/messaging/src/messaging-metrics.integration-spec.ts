import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { defineEvent, registerEvents } from '@praxis/contracts';
import { createServiceDataSource } from '@praxis/platform/database';
import { createLogger } from '@praxis/platform/observability';
import { createTestDatabase, testBrokers, uniqueName, waitFor } from '@praxis/platform/testing';
import { handle } from './event.consumer';
import type { KafkaSettings } from './kafka-settings';
import { MESSAGING_ENTITIES } from './messaging.entities';
import { MESSAGING_MIGRATIONS } from './messaging.migration';
import { MessagingRuntime } from './messaging.runtime';
import { appendToOutbox } from './outbox.writer';

const logger = createLogger('messaging-metrics-test', process.env.TEST_LOG_LEVEL ?? 'silent');

function settings(brokers: string[]): KafkaSettings {
  return {
    brokers,
    clientId: uniqueName('svc'),
    sessionTimeoutMs: 6000,
    heartbeatIntervalMs: 500,
    maxWaitMs: 100,
    replicationFactor: 1,
    consumerMaxAttempts: 3,
  };
}

describe('messaging runtime sample (the figures behind the metrics)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  const runtimes: MessagingRuntime[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('msg_metrics');
    dataSource = createServiceDataSource({
      url: db.url,
      entities: MESSAGING_ENTITIES,
      migrations: MESSAGING_MIGRATIONS,
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
  });

  afterEach(async () => {
    for (const runtime of runtimes.splice(0)) await runtime.stop();
    await dataSource.query(`DELETE FROM "outbox"`);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('warns once at start, and only then, when the broker connection is not authenticated (no KAFKA_SASL_*)', async () => {
    const warnings: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
          const entry = JSON.parse(line) as { level: number; msg: string };
          if (entry.level === 40 && entry.msg.startsWith('Kafka without authentication'))
            warnings.push(entry.msg);
        }
        done();
      },
    });
    const capturing = pino({ level: 'warn' }, sink);
    const runtimeWith = (sasl: KafkaSettings['sasl']) =>
      new MessagingRuntime({
        service: uniqueName('svc'),
        // nothing listens on the build helper's port 12099: no connection is needed for the warning
        settings: { ...settings(['127.0.0.1:12099']), sasl },
        dataSource,
        databaseUrl: db.url,
        logger: capturing,
        produces: [],
      });

    const open = runtimeWith(undefined);
    runtimes.push(open);
    expect(warnings).toEqual([]);
    open.start();
    open.start(); // already running: nothing more
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('whoever reaches the broker can read and write every topic');

    const authenticated = runtimeWith({
      mechanism: 'scram-sha-512',
      username: 'svc',
      password: 'a long password 1',
    });
    runtimes.push(authenticated);
    authenticated.start();
    expect(warnings).toHaveLength(1);
  });

  it('reports the broker away, the age of the oldest pending row and the failed rows', async () => {
    // nothing listens on the build helper's port 12099: the broker is away
    const runtime = new MessagingRuntime({
      service: uniqueName('svc'),
      settings: settings(['127.0.0.1:12099']),
      dataSource,
      databaseUrl: db.url,
      logger,
      produces: [],
    });
    runtimes.push(runtime);
    runtime.start();
    await dataSource.query(
      `INSERT INTO "outbox" ("event_id", "topic", "message_key", "envelope", "created_at")
       VALUES (gen_random_uuid(), 't', 'k', '{}', now() - interval '90 seconds'),
              (gen_random_uuid(), 't', 'k', '{}', now() - interval '10 seconds')`,
    );
    await dataSource.query(
      `INSERT INTO "outbox" ("event_id", "topic", "message_key", "envelope", "status")
       VALUES (gen_random_uuid(), 't', 'k2', '{}', 'failed')`,
    );
    const sample = await runtime.sample();
    expect(sample.brokerUp).toBe(false);
    expect(sample.oldestPendingSeconds).toBeGreaterThanOrEqual(90);
    expect(sample.oldestPendingSeconds).toBeLessThan(120);
    expect(sample.failedRows).toBe(1);
    expect(sample.consumerLag).toEqual([]);
  });

  it('reports consumer lag while a handler is stuck and none once it catches up', async () => {
    const contract = defineEvent({
      service: `t${randomBytes(4).toString('hex')}`,
      entity: 'thing',
      happened: 'made',
      version: 1,
      payload: z.object({ n: z.number().int() }),
    });
    registerEvents(contract);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const group = uniqueName('group');
    const runtime = new MessagingRuntime({
      service: uniqueName('svc'),
      settings: settings(testBrokers()),
      dataSource,
      databaseUrl: db.url,
      logger,
      produces: [contract],
      consumers: [{ groupId: group, handlers: [handle(contract, () => gate)] }],
    });
    runtimes.push(runtime);
    runtime.start();
    await runtime.ready();
    for (let n = 0; n < 5; n++) {
      await dataSource.transaction((manager) => appendToOutbox(manager, contract, 'one-aggregate', { n }));
    }
    const stuck = await waitFor(
      async () => {
        const sample = await runtime.sample();
        const total = sample.consumerLag.reduce((sum, entry) => sum + entry.lag, 0);
        return sample.oldestPendingSeconds === 0 && total >= 4 ? sample : false;
      },
      { description: 'published events piling up behind the stuck handler' },
    );
    expect(stuck.brokerUp).toBe(true);
    expect(stuck.consumerLag.every((entry) => entry.group === group && entry.topic === contract.topic)).toBe(
      true,
    );
    release();
    await waitFor(async () => (await runtime.sample()).consumerLag.every((entry) => entry.lag === 0), {
      description: 'the lag to drain',
    });
  }, 60000);
});
