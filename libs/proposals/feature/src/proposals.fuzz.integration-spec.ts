import { randomUUID } from 'node:crypto';
import { proposalsDatabase } from '@praxis/proposals/data-access';
import {
  fuzzCallers,
  fuzzSettings,
  fuzzSubgraph,
  startSubgraphHarness,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { ProposalsFeatureModule } from './proposals-feature.module';

const SETTINGS = fuzzSettings();

describe('proposals subgraph fuzz', () => {
  let subgraph: SubgraphHarness;
  const ids: string[] = [randomUUID()];

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'proposals_fuzz',
      database: proposalsDatabase,
      feature: () => ProposalsFeatureModule.forRoot({ namedConflictsMax: 3, defaultCurrency: 'GBP' }),
    });
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it(`answers random operations and inputs from the schema with data or a public error (seed ${SETTINGS.seed})`, async () => {
    const institutionId = randomUUID();
    const { runs, findings, healthy } = await fuzzSubgraph(subgraph, {
      callers: fuzzCallers(institutionId),
      knownIds: () => ids,
      ...SETTINGS,
    });
    expect(runs).toBeGreaterThan(20);
    expect(findings.slice(0, 5)).toEqual([]);
    expect(healthy).toBe(true);
  }, 120000);
});
