import { randomUUID } from 'node:crypto';
import { engagementDatabase } from '@praxis/engagement/data-access';
import {
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
      callers: [
        { name: 'anonymous', caller: null },
        { name: 'member', caller: { memberId: randomUUID() } },
        { name: 'lead', caller: { memberId: randomUUID(), roles: [{ role: 'lead', institutionId }] } },
        { name: 'admin', caller: { memberId: randomUUID(), roles: ['admin'] } },
      ],
      knownIds: () => ids,
      ...SETTINGS,
    });
    expect(runs).toBeGreaterThan(20);
    expect(findings.slice(0, 5)).toEqual([]);
    expect(healthy).toBe(true);
  }, 120000);
});
