/**
 * Faults: the platform's behaviour when its infrastructure fails (broker cut, consumer killed, PostgreSQL
 * restarted), against real PostgreSQL and the real Kafka-protocol broker. `npm run test:faults`; CI runs it
 * after `npm test`. One suite at a time: each one loads the machine and measures recovery times.
 */
module.exports = {
  ...require('./jest.preset'),
  displayName: 'faults',
  testMatch: ['<rootDir>/{apps,libs}/**/*.fault-spec.ts'],
  globalSetup: '<rootDir>/jest.setup-infra.js',
  globalTeardown: '<rootDir>/jest.teardown-infra.js',
  testTimeout: 180000,
  maxWorkers: 1,
};
