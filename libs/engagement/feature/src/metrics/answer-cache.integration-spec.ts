import { randomUUID } from 'node:crypto';
import { engagementDatabase } from '@praxis/engagement/data-access';
import { seedReplicaMember, startSubgraphHarness, type SubgraphHarness } from '@praxis/platform/testing';
import { EngagementFeatureModule } from '../engagement-feature.module';
import { projectionHandlers } from '../projections';
import { projectionKit } from '../engagement.test-kit';

interface Answer {
  engagementFunnel: {
    granularity: string;
    buckets: Array<{ label: string; steps: Array<{ step: string; count: number | null }> }>;
  };
}

const FUNNEL = `query Funnel($input: EngagementFunnelInput!) {
  engagementFunnel(input: $input) { granularity buckets { label steps { step count } } }
}`;

const institutionC = randomUUID();
const institutionD = randomUUID();
const leadC = { memberId: randomUUID(), roles: [{ role: 'lead' as const, institutionId: institutionC }] };
const leadD = { memberId: randomUUID(), roles: [{ role: 'lead' as const, institutionId: institutionD }] };

/**
 * The funnel's answer cache (MetricsService): an answer is served again only while the funnel version it was read
 * at stands, per scope, period and granularity, and only after the caller is authorised.
 */
describe('engagement funnel answer cache', () => {
  let subgraph: SubgraphHarness;
  const { register } = projectionKit(
    () => subgraph.dataSource,
    () => projectionHandlers(null),
  );

  async function members(
    caller: Parameters<SubgraphHarness['execute']>[0],
    institutionId: string,
    granularity = 'QUARTER',
  ) {
    const result = await subgraph.execute<Answer>(caller, FUNNEL, {
      input: { institutionId, from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z', granularity },
    });
    if (result.errors) return result.errors[0]?.extensions?.code;
    return result.data?.engagementFunnel.buckets.map(
      (bucket) => `${bucket.label}:${bucket.steps.find((step) => step.step === 'MEMBERS')?.count}`,
    );
  }

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'engagement_cache',
      database: engagementDatabase,
      feature: () => EngagementFeatureModule.forRoot({ suppressionThreshold: 5, demographicsKey: null }),
    });
    for (const lead of [leadC, leadD]) {
      await seedReplicaMember(subgraph.dataSource, lead.memberId, {
        institutionId: lead.roles[0]?.institutionId,
        roles: lead.roles,
      });
    }
    for (let i = 0; i < 5; i++)
      await register(randomUUID(), institutionC, 'RESIDENT', '2026-01-10T09:00:00Z');
    for (let i = 0; i < 7; i++)
      await register(randomUUID(), institutionD, 'RESIDENT', '2026-02-10T09:00:00Z');
  }, 120000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('serves the answer again while the funnel version stands, and reads again once a commit changes it', async () => {
    expect(await members(leadC, institutionC)).toEqual(['2026-Q1:5']);
    // a change to the roll-up that no projection made bumps no version: the cached answer is what is served
    const bump = `UPDATE engagement_funnel_rollup SET value = value + $2
                   WHERE institution_id = $1 AND step = 'MEMBERS' AND granularity = 'QUARTER' AND career_stage = 'ALL'`;
    const [, changed] = (await subgraph.dataSource.query(bump, [institutionC, 100])) as [unknown, number];
    expect(changed).toBe(1);
    try {
      expect(await members(leadC, institutionC)).toEqual(['2026-Q1:5']);
    } finally {
      await subgraph.dataSource.query(bump, [institutionC, -100]);
    }
    await register(randomUUID(), institutionC, 'RESIDENT', '2026-02-01T09:00:00Z');
    expect(await members(leadC, institutionC)).toEqual(['2026-Q1:6']);
  });

  it('keeps one answer per scope and granularity', async () => {
    expect(await members(leadC, institutionC, 'MONTH')).toEqual(['2026-01:5', '2026-02:6', '2026-03:6']);
    expect(await members(leadC, institutionC)).toEqual(['2026-Q1:6']);
    expect(await members(leadD, institutionD)).toEqual(['2026-Q1:7']);
  });

  it('authorises before the cache: a cached answer is not served to a lead of another institution', async () => {
    expect(await members(leadC, institutionC)).toEqual(['2026-Q1:6']);
    expect(await members(leadD, institutionC)).toBe('FORBIDDEN');
  });
});
