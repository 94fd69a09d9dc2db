import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSubgraphSdl } from '@praxis/platform/service';
import { fundingSpec } from './main';

describe('funding subgraph schema', () => {
  it('is the committed apps/funding/schema.graphql, built in-process from the module (run `npm run supergraph` when this fails)', async () => {
    const committed = readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(await buildSubgraphSdl(fundingSpec)).toBe(committed);
  }, 60000);
});
