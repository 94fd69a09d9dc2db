import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/**
 * The web client's typed documents (apps/web/src/gql) are generated from the committed supergraph and the
 * client's `graphql(...)` calls. When either changes without `npm run codegen:web`, this fails: the client would
 * otherwise compile against types the gateway no longer serves.
 */
describe('web client codegen', () => {
  it('is up to date with infra/supergraph.graphql and the documents', () => {
    const result = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'),
        '--config',
        'apps/web/codegen.ts',
        '--check',
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 120000 },
    );
    expect({
      status: result.status,
      output: result.status === 0 ? '' : result.stdout + result.stderr,
    }).toEqual({
      status: 0,
      output: '',
    });
  }, 130000);
});
