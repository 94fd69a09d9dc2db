import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for every `graphql(...)` call in the client, generated from the committed supergraph.
 * `npm run codegen:web` writes them; `tools/web-codegen.spec.ts` fails when they drift from the supergraph.
 */
const config: CodegenConfig = {
  schema: 'infra/supergraph.graphql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        scalars: { DateTime: 'string', SafeInt: 'number' },
      },
    },
  },
};

export default config;
