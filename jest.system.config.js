/** System: the whole platform started as `npm start` starts it, driven through the gateway. */
module.exports = {
  ...require('./jest.preset'),
  displayName: 'system',
  testMatch: ['<rootDir>/apps/*-e2e/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/jest.setup-infra.js',
  globalTeardown: '<rootDir>/jest.teardown-infra.js',
  testTimeout: 180000,
  maxWorkers: 1,
};
