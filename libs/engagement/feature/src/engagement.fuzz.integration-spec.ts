import { randomUUID } from 'node:crypto';
import { engagementDatabase } from '@praxis/engagement/data-access';
import {
  fuzzCallers,
  fuzzSettings,
  fuzzSubgraph,
  startSubgraphHarness,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { EngagementFeatureModule } from './engagement-feature.module';

const SETTINGS = fuzzSettings();

describe('engagement subgraph fuzz', () => {
  let subgraph: SubgraphHarness;
  const ids: string[] = [randomUUID()];

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'engagement_fuzz',
      database: engagementDatabase,
      feature: () => EngagementFeatureModule.forRoot({ suppressionThreshold: 5, demographicsKey: null }),
    });
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it(`answers random operations and inputs from the schema with data or a public error (seed ${SETTINGS.seed})`, async () => {
    const institutionId = randomUUID();
    ids.push(institutionId);
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
