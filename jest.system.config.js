/** System: the whole platform started as `npm start` starts it, driven through the gateway. */
module.exports = {
  ...require('./jest.preset'),
  displayName: 'system',
  testMatch: ['<rootDir>/apps/*-e2e/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/libs/platform/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/platform/testing/src/global-teardown.ts',
  testTimeout: 120000,
  maxWorkers: 1,
};
