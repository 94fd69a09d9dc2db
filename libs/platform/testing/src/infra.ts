import { request } from 'node:http';
import path from 'node:path';
import { resolveKafka, resolvePostgres } from '@praxis/platform/local-infra';

export interface TestInfra {
  postgresUrl: string;
  kafkaBrokers: string;
  /** The librdkafka mock cluster, which cannot check topic configs or transactions. */
  mockBroker: boolean;
  description: string;
  stop(): Promise<void>;
}

/** Whether a Docker engine answers on its socket (the docker CLI alone is not enough for testcontainers). */
export function dockerEngineAnswers(
  socketPath = process.env.DOCKER_HOST?.replace(/^unix:\/\//, '') ?? '/var/run/docker.sock',
): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', method: 'GET', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.once('error', () => resolve(false));
    req.once('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

/**
 * Test infrastructure, in ARCHITECTURE.md's order: environment variables if set (`DATABASE_URL`,
 * `KAFKA_BROKERS`), else testcontainers if a Docker engine answers, else local services (PostgreSQL on
 * 127.0.0.1:5432 or embedded; the local mock broker from resolveKafka, started and stopped here).
 */
export async function provideTestInfra(log: (line: string) => void = () => undefined): Promise<TestInfra> {
  const stops: Array<() => Promise<void>> = [];
  const parts: string[] = [];
  let postgresUrl = process.env.DATABASE_URL;
  let kafkaBrokers = process.env.KAFKA_BROKERS;
  const docker =
    (!postgresUrl || !kafkaBrokers) && process.env.PRAXIS_TEST_NO_DOCKER !== 'true'
      ? await dockerEngineAnswers()
      : false;

  if (postgresUrl) parts.push('PostgreSQL from DATABASE_URL');
  if (kafkaBrokers) parts.push('Kafka from KAFKA_BROKERS');

  if (docker) {
    const containers = await import('./containers');
    if (!postgresUrl) {
      const pg = await containers.startPostgresContainer();
      postgresUrl = pg.url;
      stops.push(pg.stop);
      parts.push('PostgreSQL in a container');
    }
    if (!kafkaBrokers) {
      const kafka = await containers.startKafkaContainer();
      kafkaBrokers = kafka.brokers;
      stops.push(kafka.stop);
      parts.push('Apache Kafka in a container');
    }
  }
  if (!postgresUrl) {
    const pg = await resolvePostgres({
      dataDir: path.join(process.cwd(), 'tmp', 'embedded-pg-test'),
      embeddedPort: 54330,
      log,
    });
    postgresUrl = pg.url;
    stops.push(pg.stop);
    parts.push(`PostgreSQL ${pg.source}`);
  }
  let mockBroker = false;
  if (!kafkaBrokers) {
    const broker = await resolveKafka();
    kafkaBrokers = broker.brokers;
    mockBroker = broker.mock;
    stops.push(broker.stop);
    parts.push(broker.description);
  }
  return {
    postgresUrl,
    kafkaBrokers,
    mockBroker,
    description: parts.join(', '),
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}

/** True when the broker under test is the librdkafka mock, which cannot check topic configs or transactions. */
export function usingMockBroker(): boolean {
  return process.env.PRAXIS_TEST_BROKER_KIND === 'mock';
}
