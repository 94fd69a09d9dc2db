import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * The services, derived rather than listed: every `apps/<name>` or `libs/<name>/<layer>` project tagged
 * `scope:<name>` (the gateway has its own rule below). Deleting a service's folders removes its scope.
 */
function serviceScopes() {
  const at = (...parts) => path.join(import.meta.dirname, ...parts);
  const folders = (dir) =>
    readdirSync(at(dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  const projects = [
    ...folders('apps').map((name) => ({ name, file: at('apps', name, 'project.json') })),
    ...folders('libs').flatMap((name) =>
      folders(`libs/${name}`).map((layer) => ({ name, file: at('libs', name, layer, 'project.json') })),
    ),
  ];
  const scopes = new Set();
  for (const { name, file } of projects) {
    if (!existsSync(file)) continue;
    const tags = JSON.parse(readFileSync(file, 'utf8')).tags ?? [];
    if (tags.includes(`scope:${name}`) && name !== 'gateway') scopes.add(name);
  }
  return [...scopes].sort();
}

const SERVICES = serviceScopes();

/** Files that are tests or serve only tests: they may import `type:testing` and `type:local-infra` libraries. */
export const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.integration-spec.ts',
  '**/*.fault-spec.ts',
  '**/*.fault-child.ts',
  '**/*.e2e-spec.ts',
  'apps/*-e2e/**/*.ts',
  'bench/**/*.ts',
  'libs/*/*/src/testing/**/*.ts',
];

/** What a domain library may never import: it is plain TypeScript, whatever the framework or the store. */
const FRAMEWORK_PACKAGES = ['@nestjs/*', 'typeorm', 'pg', 'kafkajs'];

/**
 * The boundary matrix. Scope: a service knows only itself and the shared plumbing; other services only through
 * contracts. Type: layers point inwards. Testing helpers (`type:testing`) and development-only infrastructure
 * (`type:local-infra`: embedded PostgreSQL, the local broker) are reachable from tests, tools, system tests and
 * benchmarks only, never from production code.
 */
function boundaries({ tests }) {
  const testOnly = tests ? ['type:testing', 'type:local-infra'] : [];
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      banTransitiveDependencies: true,
      depConstraints: [
        { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
        { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared'] },
        ...SERVICES.map((service) => ({
          sourceTag: `scope:${service}`,
          onlyDependOnLibsWithTags: [`scope:${service}`, 'scope:shared'],
        })),
        {
          sourceTag: 'type:app',
          onlyDependOnLibsWithTags: [
            'type:feature',
            'type:data-access',
            'type:util',
            'type:contracts',
            ...testOnly,
          ],
        },
        {
          sourceTag: 'type:feature',
          onlyDependOnLibsWithTags: [
            'type:domain',
            'type:data-access',
            'type:contracts',
            'type:util',
            ...testOnly,
          ],
        },
        {
          sourceTag: 'type:data-access',
          onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util', ...testOnly],
        },
        {
          sourceTag: 'type:domain',
          onlyDependOnLibsWithTags: ['type:contracts', 'type:util', ...testOnly],
          bannedExternalImports: FRAMEWORK_PACKAGES,
        },
        { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
        { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts', ...testOnly] },
        {
          sourceTag: 'type:testing',
          onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:testing', 'type:local-infra'],
        },
        { sourceTag: 'type:local-infra', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
        {
          sourceTag: 'type:tooling',
          onlyDependOnLibsWithTags: [
            'type:util',
            'type:contracts',
            'type:testing',
            'type:local-infra',
            'type:app',
            'type:data-access',
          ],
        },
        {
          sourceTag: 'type:e2e',
          onlyDependOnLibsWithTags: [
            'type:util',
            'type:contracts',
            'type:testing',
            'type:local-infra',
            'type:tooling',
          ],
        },
        {
          sourceTag: 'type:bench',
          // a service-level benchmark runs a feature in-process through its testing harness
          onlyDependOnLibsWithTags: [
            'type:domain',
            'type:feature',
            'type:data-access',
            'type:util',
            'type:contracts',
            'type:testing',
            'type:local-infra',
            'type:tooling',
          ],
        },
      ],
    },
  ];
}

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/tmp',
      '**/.nx',
      '**/coverage',
      '.praxis',
      '**/*.js',
      '**/*.mjs',
      'apps/web/src/gql',
    ],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ tests: false }),
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'read the environment through a validated config (libs/platform/config)',
        },
      ],
    },
  },
  {
    // tests, their fixtures, system tests, benchmarks and tools may use the testing helpers and local infrastructure
    files: TEST_FILES,
    rules: { '@nx/enforce-module-boundaries': boundaries({ tests: true }) },
  },
  {
    // the places that legitimately read the raw environment: config loading, launchers, test infrastructure
    files: [
      'apps/*/src/main.ts',
      'apps/*/src/config.ts',
      'tools/**/*.ts',
      'libs/platform/testing/**/*.ts',
      'libs/platform/config/**/*.ts',
      'apps/*-e2e/**/*.ts',
      'bench/**/*.ts',
      '**/*.spec.ts',
      '**/*.integration-spec.ts',
      '**/*.fault-spec.ts',
      '**/*.fault-child.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // the web client (React, its own tsconfig): hooks used by the rules, no `any`; Vite's config reads the
    // environment through loadEnv
    files: ['apps/web/**/*.{ts,tsx,mts}'],
    ...reactHooks.configs.flat['recommended-latest'],
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
];
