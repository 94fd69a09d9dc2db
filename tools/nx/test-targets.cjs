// An Nx plugin that gives every project (each folder with a project.json) a `test` target (its unit tests) and an
// `integration` target (its integration tests), each running the workspace's jest tier on that project's folder,
// so `nx affected -t test` runs only what a change can break. Lint targets come from @nx/eslint/plugin.
'use strict';
const { dirname } = require('node:path');

function targetsFor(root) {
  const jest = (config) => `jest -c ${config} --passWithNoTests ${root}/`;
  return {
    test: {
      command: jest('jest.unit.config.js'),
      options: { cwd: '{workspaceRoot}' },
      cache: true,
      inputs: [
        'default',
        '^production',
        '{workspaceRoot}/jest.preset.js',
        '{workspaceRoot}/jest.unit.config.js',
      ],
    },
    integration: {
      command: jest('jest.integration.config.js'),
      options: { cwd: '{workspaceRoot}' },
      // real PostgreSQL and a broker: results depend on more than the inputs, so never replayed from cache
      cache: false,
    },
  };
}

const createNodes = [
  '**/project.json',
  async (configFiles) =>
    configFiles
      .filter((file) => dirname(file) !== '.')
      .map((file) => [file, { projects: { [dirname(file)]: { targets: targetsFor(dirname(file)) } } }]),
];

module.exports = { name: 'praxis-test-targets', createNodes, createNodesV2: createNodes };
