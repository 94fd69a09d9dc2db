import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { ProposalSubmittedV1 } from '@praxis/contracts';
import { engagementDatabase } from '@praxis/engagement/data-access';
import type { EventHandler } from '@praxis/platform/messaging';
import { startSubgraphHarness, type SubgraphHarness } from '@praxis/platform/testing';
import { EngagementFeatureModule } from './engagement-feature.module';
import { projectionHandlers } from './projections';
import { projectionKit } from './engagement.test-kit';

/** More institutions than any first page of membership's `institutions` (100). */
const PARTNERS = 120;
const home = randomUUID();
const partners = Array.from({ length: PARTNERS }, () => randomUUID());
const author = randomUUID();
const admin = { memberId: randomUUID(), roles: ['admin' as const] };
const lead = { memberId: randomUUID(), roles: [{ role: 'lead' as const, institutionId: home }] };

interface Edge {
  institutionAId: string;
  institutionBId: string;
  institutionA: { id: string } | null;
  institutionB: { id: string } | null;
}
interface Group {
  group: string;
  institution: { id: string } | null;
}

const OVERVIEW = `query O($input: EngagementOverviewInput!) {
  engagementOverview(input: $input) {
    collaboration { institutionAId institutionBId institutionA { id } institutionB { id } }
  }
}`;
const FUNNEL = `query F($input: EngagementFunnelInput!) {
  engagementFunnel(input: $input) { buckets { groups { group institution { id } } } }
}`;
const period = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };

describe('engagement names institutions and members through references (in-process subgraph, real PostgreSQL)', () => {
  let subgraph: SubgraphHarness;
  let handlers: EventHandler[];
  const { event, apply, register } = projectionKit(
    () => subgraph.dataSource,
    () => handlers,
  );

  beforeAll(async () => {
    const pair = await generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true });
    const demographicsKey = await exportJWK(pair.privateKey);
    handlers = projectionHandlers(demographicsKey);
    subgraph = await startSubgraphHarness({
      name: 'engagement',
      database: engagementDatabase,
      feature: () => EngagementFeatureModule.forRoot({ suppressionThreshold: 5, demographicsKey }),
    });
    await register(author, home, 'RESIDENT', '2026-01-10T09:00:00Z');
    // one co-author in each partner institution, one entry with each: 120 pairs, 121 institutions
    for (const [index, institutionId] of partners.entries()) {
      const partner = randomUUID();
      await register(partner, institutionId, 'CONSULTANT', '2026-01-10T09:00:00Z');
      const proposalId = randomUUID();
      await apply(
        event(ProposalSubmittedV1, proposalId, {
          proposalId,
          competitionId: randomUUID(),
          version: 1,
          title: `Entry ${index}`,
          keywords: [],
          requestedFunding: 0,
          requestedHours: 0,
          submittedAt: '2026-02-05T10:00:00Z',
          blind: false,
          team: {
            leadApplicantId: author,
            memberIds: [author, partner],
            institutionIds: [home, institutionId],
          },
        }),
      );
    }
  }, 180_000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('gives both ends of every collaboration pair as an Institution reference, past 100 institutions', async () => {
    for (const caller of [lead, admin]) {
      const result = await subgraph.execute<{ engagementOverview: { collaboration: Edge[] } }>(
        caller,
        OVERVIEW,
        { input: { ...period, institutionId: home } },
      );
      expect(result.errors).toBeUndefined();
      const edges = result.data?.engagementOverview.collaboration ?? [];
      expect(edges).toHaveLength(PARTNERS);
      for (const edge of edges) {
        expect(edge.institutionA).toEqual({ id: edge.institutionAId });
        expect(edge.institutionB).toEqual({ id: edge.institutionBId });
      }
      const named = new Set(edges.flatMap((edge) => [edge.institutionA?.id, edge.institutionB?.id]));
      expect(named).toEqual(new Set([home, ...partners]));
    }
  });

  it('names each row of the institution split by reference, and no row of another split', async () => {
    const network = await subgraph.execute<{ engagementFunnel: { buckets: Array<{ groups: Group[] }> } }>(
      admin,
      FUNNEL,
      { input: { ...period, granularity: 'YEAR', splitBy: 'INSTITUTION' } },
    );
    expect(network.errors).toBeUndefined();
    const groups = network.data?.engagementFunnel.buckets[0]?.groups ?? [];
    expect(groups).toHaveLength(PARTNERS + 1);
    for (const group of groups) expect(group.institution).toEqual({ id: group.group });
    // the cached answer (a second read of the same roll-up) keeps its references
    const again = await subgraph.execute<{ engagementFunnel: { buckets: Array<{ groups: Group[] }> } }>(
      admin,
      FUNNEL,
      { input: { ...period, granularity: 'YEAR', splitBy: 'INSTITUTION' } },
    );
    expect(again.data).toEqual(network.data);
    const byStage = await subgraph.execute<{ engagementFunnel: { buckets: Array<{ groups: Group[] }> } }>(
      lead,
      FUNNEL,
      { input: { ...period, institutionId: home, granularity: 'YEAR', splitBy: 'CAREER_STAGE' } },
    );
    expect(byStage.errors).toBeUndefined();
    expect(byStage.data?.engagementFunnel.buckets[0]?.groups.map((group) => group.institution)).toEqual(
      byStage.data?.engagementFunnel.buckets[0]?.groups.map(() => null),
    );
  });

  it("gives a lead their own institution's row only, and no reference for a scope they may not see", async () => {
    const own = await subgraph.execute<{ engagementFunnel: { buckets: Array<{ groups: Group[] }> } }>(
      lead,
      FUNNEL,
      { input: { ...period, institutionId: home, granularity: 'YEAR', splitBy: 'INSTITUTION' } },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data?.engagementFunnel.buckets[0]?.groups.map((group) => group.institution)).toEqual([
      { id: home },
    ]);
    const partner = partners[0] as string;
    for (const [query, input] of [
      [OVERVIEW, { ...period, institutionId: partner }],
      [OVERVIEW, period],
      [FUNNEL, { ...period, institutionId: partner, granularity: 'YEAR', splitBy: 'INSTITUTION' }],
      [FUNNEL, { ...period, granularity: 'YEAR', splitBy: 'INSTITUTION' }],
    ] as const) {
      const refused = await subgraph.execute(lead, query, { input });
      expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(refused.data ?? null).toBeNull();
    }
  });
});
