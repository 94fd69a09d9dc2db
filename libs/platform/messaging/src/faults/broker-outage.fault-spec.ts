import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { defineEvent, registerEvents } from '@praxis/contracts';
import { createServiceDataSource } from '@praxis/platform/database';
import { createLogger } from '@praxis/platform/observability';
import {
  collectTopic,
  createTestDatabase,
  cuttableNetwork,
  testBrokers,
  uniqueName,
} from '@praxis/platform/testing';
import { MESSAGING_ENTITIES } from '../messaging.entities';
import { MESSAGING_MIGRATIONS } from '../messaging.migration';
import { MessagingRuntime } from '../messaging.runtime';
import { appendToOutbox } from '../outbox.writer';

const logger = createLogger('broker-outage-fault', process.env.TEST_LOG_LEVEL ?? 'silent');
/** The figures; FAULT_OUTAGE_SECONDS shortens the outage for a quick local run. */
const OUTAGE_MS = Number(process.env.FAULT_OUTAGE_SECONDS ?? 60) * 1000;
const WRITES_PER_SECOND = 100;
const AGGREGATES = 20;
const BACKLOG_PUBLISHED_WITHIN_MS = 10000;

describe('fault: the broker is unreachable for a minute while writes keep arriving', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('fault_outage');
    dataSource = createServiceDataSource({
      url: db.url,
      entities: MESSAGING_ENTITIES,
      migrations: MESSAGING_MIGRATIONS,
      poolSize: 20,
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('refuses no write, loses none, and publishes the backlog in order per aggregate within 10 s of its return', async () => {
    const contract = defineEvent({
      service: `f${randomBytes(4).toString('hex')}`,
      entity: 'thing',
      happened: 'changed',
      version: 1,
      payload: z.object({ n: z.number().int() }),
    });
    registerEvents(contract);
    const network = cuttableNetwork();
    // the relay as services run it: the launcher's 1 s poll and the relay's own back-off defaults
    const runtime = new MessagingRuntime({
      service: uniqueName('svc'),
      settings: {
        brokers: testBrokers(),
        clientId: uniqueName('svc'),
        sessionTimeoutMs: 6000,
        heartbeatIntervalMs: 500,
        maxWaitMs: 100,
        replicationFactor: 1,
        consumerMaxAttempts: 3,
        socketFactory: network.socketFactory,
      },
      dataSource,
      databaseUrl: db.url,
      logger,
      produces: [contract],
      relay: { pollIntervalMs: 1000 },
    });
    const collector = await collectTopic(testBrokers(), contract.topic);
    try {
      await collector.whenJoined();
      runtime.start();
      const write = (aggregate: number, n: number) =>
        dataSource.transaction((manager) => appendToOutbox(manager, contract, `agg-${aggregate}`, { n }));
      await write(0, 0);
      await collector.waitForCount(1, 30000);

      network.cut();
      const cutAt = Date.now();
      // one lane per aggregate (its writes follow each other, as one user's would); lanes interleave so the
      // arrival rate is WRITES_PER_SECOND in total
      const total = (OUTAGE_MS / 1000) * WRITES_PER_SECOND;
      const lanes: Array<Promise<unknown>> = Array.from({ length: AGGREGATES }, () => Promise.resolve());
      const refused: unknown[] = [];
      let written = 0;
      for (let index = 0; index < total; index += 1) {
        const aggregate = index % AGGREGATES;
        const n = Math.floor(index / AGGREGATES) + 1;
        lanes[aggregate] = lanes[aggregate].then(() =>
          write(aggregate, n).then(
            () => (written += 1),
            (error: unknown) => refused.push(error),
          ),
        );
        const due = cutAt + ((index + 1) * 1000) / WRITES_PER_SECOND;
        const wait = due - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      await Promise.all(lanes);
      const writingMs = Date.now() - cutAt;
      expect(refused).toEqual([]);
      expect(written).toBe(total);
      // the rate held: the writes did not wait for the broker
      expect(writingMs).toBeLessThan(OUTAGE_MS * 1.1);
      expect(collector.messages).toHaveLength(1);
      const pending = await dataSource.query(
        `SELECT count(*)::int AS count FROM outbox WHERE topic = $1 AND status = 'pending'`,
        [contract.topic],
      );
      expect(pending[0].count).toBe(total);

      const wait = cutAt + OUTAGE_MS - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      network.restore();
      const restoredAt = Date.now();
      await collector.waitForCount(total + 1, BACKLOG_PUBLISHED_WITHIN_MS + 20000);
      const publishedInMs = Date.now() - restoredAt;
      process.stderr.write(
        `[faults] broker outage: ${total} writes in ${writingMs} ms, none refused; backlog published ${publishedInMs} ms after the broker returned\n`,
      );
      expect(publishedInMs).toBeLessThanOrEqual(BACKLOG_PUBLISHED_WITHIN_MS);

      // exactly once on the wire, and each aggregate's events in the order they were written
      await new Promise((resolve) => setTimeout(resolve, 500));
      const events = collector.messages.map(
        (message) => message.json() as { aggregateId: string; payload: { n: number } },
      );
      expect(events).toHaveLength(total + 1);
      for (let aggregate = 0; aggregate < AGGREGATES; aggregate += 1) {
        const ns = events
          .filter((event) => event.aggregateId === `agg-${aggregate}`)
          .map((event) => event.payload.n);
        const expected = Array.from({ length: total / AGGREGATES }, (_, i) => i + 1);
        expect(ns).toEqual(aggregate === 0 ? [0, ...expected] : expected);
      }
    } finally {
      await collector.stop();
      await runtime.stop();
    }
  });
});
