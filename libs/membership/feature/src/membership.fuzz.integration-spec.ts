import { randomUUID } from 'node:crypto';
import { membershipDatabase } from '@praxis/membership/data-access';
import {
  fuzzSettings,
  fuzzSubgraph,
  startSubgraphHarness,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { membershipFeatureForTests } from './membership-feature.test-module';
import { seedCallers } from './membership.test-support';

const SETTINGS = fuzzSettings();

describe('membership subgraph fuzz', () => {
  let subgraph: SubgraphHarness;
  const ids: string[] = [];
  const admin = { memberId: randomUUID(), roles: ['admin' as const] };
  const member = { memberId: randomUUID() };

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'membership_fuzz',
      database: membershipDatabase,
      feature: membershipFeatureForTests,
    });
    await seedCallers(subgraph.dataSource, [admin, member]);
    const created = await subgraph.execute<{ createInstitution: { id: string } }>(
      admin,
      'mutation { createInstitution(input: { name: "Fuzz General", country: "GB" }) { id } }',
    );
    ids.push(created.data?.createInstitution.id ?? '');
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it(`answers random operations and inputs from the schema with data or a public error (seed ${SETTINGS.seed})`, async () => {
    const institutionId = ids[0];
    const lead = { memberId: randomUUID(), roles: [{ role: 'lead' as const, institutionId }] };
    await seedCallers(subgraph.dataSource, [lead]);
    const { runs, findings, healthy } = await fuzzSubgraph(subgraph, {
      callers: [
        { name: 'anonymous', caller: null },
        { name: 'member', caller: member },
        { name: 'lead', caller: lead },
        { name: 'admin', caller: admin },
      ],
      knownIds: () => ids,
      ...SETTINGS,
    });
    expect(runs).toBeGreaterThan(20);
    expect(findings.slice(0, 5)).toEqual([]);
    expect(healthy).toBe(true);
  }, 120000);
});
