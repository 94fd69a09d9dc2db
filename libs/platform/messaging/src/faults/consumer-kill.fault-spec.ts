import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createEvent } from '@praxis/contracts';
import { createServiceDataSource } from '@praxis/platform/database';
import { createTestDatabase, testBrokers, testKafka, uniqueName, waitFor } from '@praxis/platform/testing';
import { MESSAGING_ENTITIES } from '../messaging.entities';
import { MESSAGING_MIGRATIONS } from '../messaging.migration';
import { faultContract } from './fault-contract';

const KILLS = 10;
const AGGREGATES = 16;
/** Events keep arriving until the last kill, so every consumer has work whatever the machine's speed. */
const BATCH = 50;
/** Sent as each consumer starts, so it is busy when it is killed. */
const BURST = 400;
const MAX_EVENTS = 20000;
const CHILD = path.join(__dirname, 'consumer.fault-child.ts');

describe('fault: a consumer killed with SIGKILL mid-batch, ten times over a run', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let child: ChildProcess | null = null;

  beforeAll(async () => {
    db = await createTestDatabase('fault_kill');
    dataSource = createServiceDataSource({
      url: db.url,
      entities: MESSAGING_ENTITIES,
      migrations: MESSAGING_MIGRATIONS,
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.query(
      `CREATE TABLE totals (aggregate_id text PRIMARY KEY, sum bigint NOT NULL, count int NOT NULL)`,
    );
  });

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await dataSource?.destroy();
    await db?.drop();
  });

  async function applied(): Promise<number> {
    const rows: Array<{ count: number }> = await dataSource.query(
      `SELECT coalesce(sum(count), 0)::int AS count FROM totals`,
    );
    return rows[0].count;
  }

  /** Starts a consumer process and resolves once it holds the group's partitions. */
  function startConsumer(service: string, group: string): Promise<ChildProcess> {
    const started = spawn(process.execPath, ['-r', '@swc-node/register', CHILD], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        KAFKA_BROKERS: testBrokers().join(','),
        FAULT_SERVICE: service,
        FAULT_GROUP: group,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child = started;
    return new Promise((resolve, reject) => {
      let out = '';
      started.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('JOINED')) resolve(started);
      });
      started.once('exit', (code, signal) =>
        reject(new Error(`consumer exited (${code ?? signal}) before joining`)),
      );
    });
  }

  function killed(process: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
      process.once('exit', () => resolve());
      process.kill('SIGKILL');
    });
  }

  it('ends with the read side equal to applying every event exactly once', async () => {
    const service = `f${randomBytes(4).toString('hex')}`;
    const contract = faultContract(service);
    const group = uniqueName('fault-kill');
    const expected = new Map<string, { sum: number; count: number }>();
    const producer = testKafka(testBrokers()).producer();
    await producer.connect();
    let producing: Promise<void> = Promise.resolve();
    let sent = 0;
    let stopProducing = false;
    try {
      // events keep arriving during the whole run, as they would in production
      // numbers are taken synchronously, so the steady stream and the bursts below never share one
      let numbered = 0;
      const produce = async (count: number) => {
        const messages = Array.from({ length: count }, () => {
          numbered += 1;
          const n = numbered;
          const aggregateId = `agg-${n % AGGREGATES}`;
          const total = expected.get(aggregateId) ?? { sum: 0, count: 0 };
          expected.set(aggregateId, { sum: total.sum + n, count: total.count + 1 });
          const event = createEvent(contract, { aggregateId, actorId: null, correlationId: `c-${n}` }, { n });
          return { key: aggregateId, value: JSON.stringify(event) };
        });
        await producer.send({ topic: contract.topic, messages });
        sent += count;
      };
      producing = (async () => {
        while (!stopProducing && sent < MAX_EVENTS) {
          await produce(BATCH);
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      })();

      const killedAt: number[] = [];
      const backlogAt: number[] = [];
      for (let kill = 0; kill < KILLS; kill += 1) {
        const consumer = await startConsumer(service, group);
        const before = await applied();
        // a burst, so that a consumer which keeps up with the steady stream is still mid-batch when it dies
        await produce(BURST);
        // let it get into its stride, then kill it while it is applying
        await waitFor(async () => (await applied()) >= before + 20, {
          timeoutMs: 30000,
          intervalMs: 20,
          description: `consumer ${kill + 1} applying events`,
        });
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.floor(Math.random() * 400)));
        const at = await applied();
        const produced = sent;
        await killed(consumer);
        killedAt.push(at);
        backlogAt.push(produced - at);
      }
      // a consumer that keeps up (the batched one on a quiet machine) can have applied everything sent when it
      // is killed: the producer goes on until the last kill has left events for the restarted consumer
      const lastKill = killedAt[killedAt.length - 1];
      await waitFor(async () => sent > lastKill, {
        timeoutMs: 30000,
        intervalMs: 50,
        description: 'events produced after the last kill',
      });
      stopProducing = true;
      await producing;
      const EVENTS = sent;
      // every kill landed mid-run: the consumer had applied events, and more kept arriving after it died
      expect(killedAt.every((count, i) => count > (killedAt[i - 1] ?? 0))).toBe(true);
      expect(EVENTS).toBeGreaterThan(killedAt[killedAt.length - 1]);

      const last = await startConsumer(service, group);
      await waitFor(async () => (await applied()) >= EVENTS, {
        timeoutMs: 90000,
        description: `all ${EVENTS} events applied (have ${await applied()})`,
      });
      // a late redelivery would show up as a count above EVENTS
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const rows: Array<{ aggregate_id: string; sum: string; count: number }> = await dataSource.query(
        `SELECT aggregate_id, sum, count FROM totals ORDER BY aggregate_id`,
      );
      expect(
        Object.fromEntries(rows.map((row) => [row.aggregate_id, { sum: Number(row.sum), count: row.count }])),
      ).toEqual(Object.fromEntries(expected));
      const inbox = await dataSource.query(
        `SELECT count(*)::int AS count FROM inbox WHERE consumer_group = $1`,
        [group],
      );
      expect(inbox[0].count).toBe(EVENTS);
      process.stderr.write(
        `[faults] consumer killed ${KILLS} times at ${killedAt.join(', ')} events applied (backlog ${backlogAt.join(', ')}) of ${EVENTS}\n`,
      );
      last.kill('SIGTERM');
      await new Promise((resolve) => last.once('exit', resolve));
    } finally {
      await producing.catch(() => undefined);
      await producer.disconnect();
    }
  });
});
