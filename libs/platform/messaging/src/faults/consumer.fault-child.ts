/**
 * A consumer process for the SIGKILL fault test: one consumer group applying counter events to `totals`
 * through the inbox. Prints JOINED once it has partitions. Configured by the parent through its environment.
 */
import { createServiceDataSource } from '@praxis/platform/database';
import { createLogger } from '@praxis/platform/observability';
import { handle } from '../event.consumer';
import { MESSAGING_ENTITIES } from '../messaging.entities';
import { MESSAGING_MIGRATIONS } from '../messaging.migration';
import { MessagingRuntime } from '../messaging.runtime';
import { faultContract } from './fault-contract';

async function main(): Promise<void> {
  const [databaseUrl, brokers, service, groupId] = [
    'DATABASE_URL',
    'KAFKA_BROKERS',
    'FAULT_SERVICE',
    'FAULT_GROUP',
  ].map((name) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  });
  const contract = faultContract(service);
  const dataSource = createServiceDataSource({
    url: databaseUrl,
    entities: MESSAGING_ENTITIES,
    migrations: MESSAGING_MIGRATIONS,
  });
  await dataSource.initialize();
  const runtime = new MessagingRuntime({
    service,
    settings: {
      brokers: brokers.split(','),
      clientId: `${service}-consumer`,
      // short, so the group gives a killed member's partitions back quickly (the mock waits sessionTimeout - 1 s)
      sessionTimeoutMs: 3000,
      heartbeatIntervalMs: 300,
      maxWaitMs: 100,
      replicationFactor: 1,
      consumerMaxAttempts: 5,
    },
    dataSource,
    databaseUrl,
    logger: createLogger('fault-consumer', process.env.TEST_LOG_LEVEL ?? 'silent'),
    produces: [],
    consumers: [
      {
        groupId,
        handlers: [
          handle(contract, async (event, manager) => {
            await manager.query(
              `INSERT INTO totals (aggregate_id, sum, count) VALUES ($1, $2, 1)
               ON CONFLICT (aggregate_id) DO UPDATE SET sum = totals.sum + $2, count = totals.count + 1`,
              [event.aggregateId, event.payload.n],
            );
          }),
        ],
      },
    ],
  });
  runtime.start();
  await runtime.ready();
  process.stdout.write('JOINED\n');
  const stop = () => {
    void runtime
      .stop()
      .then(() => dataSource.destroy())
      .then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`fault consumer failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
