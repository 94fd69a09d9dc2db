/** Integration: real PostgreSQL and a real Kafka-protocol broker, provided once for the run by global setup. */
module.exports = {
  ...require('./jest.preset'),
  displayName: 'integration',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.integration-spec.ts'],
  // a second statement on a connection still executing one fails the test that sends it (pg 9 refuses it)
  setupFilesAfterEnv: ['<rootDir>/libs/platform/testing/src/one-query-per-connection.ts'],
  globalSetup: '<rootDir>/jest.setup-infra.js',
  globalTeardown: '<rootDir>/jest.teardown-infra.js',
  testTimeout: 60000,
  maxWorkers: 2,
};
