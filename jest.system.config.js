/** System: the whole platform started as `npm start` starts it, driven through the gateway. */
module.exports = {
  ...require('./jest.preset'),
  displayName: 'system',
  testMatch: ['<rootDir>/apps/*-e2e/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/jest.setup-infra.js',
  globalTeardown: '<rootDir>/jest.teardown-infra.js',
  // a suite's beforeAll starts the platform, which may take up to 300 s on a loaded machine (then up to 60 s to stop it)
  // (PLATFORM_READY_TIMEOUT_MS in apps/platform-e2e/src/support/platform.ts)
  testTimeout: 420000,
  maxWorkers: 1,
};
