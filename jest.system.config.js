/**
 * System: the whole platform started as `npm start` starts it, driven through the gateway. Global setup starts
 * ONE platform for the run (apps/platform-e2e/src/support/shared-platform-setup.ts), which every suite shares but
 * sessions (tight rate limits of its own: it starts its own platform beside it).
 */
module.exports = {
  ...require('./jest.preset'),
  displayName: 'system',
  testMatch: ['<rootDir>/apps/*-e2e/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/jest.setup-system.js',
  globalTeardown: '<rootDir>/jest.teardown-system.js',
  // the sessions suite's beforeAll starts its own platform, which may take up to 300 s on a loaded machine (then
  // up to 60 s to stop it) (PLATFORM_READY_TIMEOUT_MS in apps/platform-e2e/src/support/platform.ts)
  testTimeout: 420000,
  // one suite at a time: they share the platform, and community's clock, which two suites move
  maxWorkers: 1,
  // every test's time in the log: what a slow tier spends its minutes on (most of it the browser suites)
  verbose: true,
};
