// Global setup/teardown run outside jest's module registry, where moduleNameMapper does not apply; resolve the
// tsconfig path aliases here so the infrastructure helper imports libraries as everything else does.
const Module = require('node:module');
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const aliases = new Map(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(__dirname, target)]),
);
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  return resolve.call(this, aliases.get(request) ?? request, ...rest);
};

const setup = require('./libs/platform/testing/src/global-setup.ts').default;
const teardown = require('./libs/platform/testing/src/global-teardown.ts').default;

/** The system tier: the infrastructure, then the one platform its suites share (shared-platform-setup.ts). */
async function systemSetup() {
  await setup();
  try {
    await require('./apps/platform-e2e/src/support/shared-platform-setup.ts').startSharedPlatform();
  } catch (error) {
    await teardown();
    throw error;
  }
}

async function systemTeardown() {
  try {
    await require('./apps/platform-e2e/src/support/shared-platform-setup.ts').stopSharedPlatform();
  } finally {
    await teardown();
  }
}

module.exports = { setup, teardown, systemSetup, systemTeardown };
