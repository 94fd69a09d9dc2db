import { provideTestInfra, type TestInfra } from './infra';

declare global {
  var __PRAXIS_TEST_INFRA__: TestInfra | undefined;
}

/** Starts the infrastructure once per jest run; workers inherit it through the environment. */
export default async function globalSetup(): Promise<void> {
  const infra = await provideTestInfra((line) => process.stderr.write(`[test-infra] ${line}\n`));
  process.stderr.write(`\n[test-infra] ${infra.description}\n`);
  process.env.PRAXIS_TEST_POSTGRES_URL = infra.postgresUrl;
  process.env.KAFKA_BROKERS = infra.kafkaBrokers;
  if (infra.mockBroker) {
    process.env.PRAXIS_TEST_BROKER_KIND = 'mock';
  }
  globalThis.__PRAXIS_TEST_INFRA__ = infra;
}
