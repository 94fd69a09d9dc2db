import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const SERVICES = ['membership', 'proposals', 'funding', 'mentorship', 'community', 'engagement'];

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
    ],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: true,
          depConstraints: [
            // scope: a service knows only itself and the shared plumbing; other services only via contracts
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared'] },
            ...SERVICES.map((service) => ({
              sourceTag: `scope:${service}`,
              onlyDependOnLibsWithTags: [`scope:${service}`, 'scope:shared'],
            })),
            // type: layers point inwards; tests may use the testing helpers anywhere
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:data-access',
                'type:util',
                'type:contracts',
                'type:testing',
              ],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:data-access',
                'type:contracts',
                'type:util',
                'type:testing',
              ],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util', 'type:testing'],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing'],
            },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            {
              sourceTag: 'type:util',
              onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:testing'],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:testing'],
            },
            {
              sourceTag: 'type:tooling',
              onlyDependOnLibsWithTags: [
                'type:util',
                'type:contracts',
                'type:testing',
                'type:app',
                'type:data-access',
              ],
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:testing', 'type:tooling'],
            },
          ],
        },
      ],
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
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
];
