import { readFileSync } from 'node:fs';
import { composeCommitted, SUPERGRAPH_FILE } from './supergraph';

describe('committed supergraph', () => {
  it('is exactly the composition of the committed subgraph schemas (run `npm run supergraph` when this fails)', () => {
    expect(composeCommitted()).toBe(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  });
});
