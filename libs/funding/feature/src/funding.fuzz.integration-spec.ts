import { randomUUID } from 'node:crypto';
import { fuzzSettings, fuzzSubgraph, type SubgraphHarness } from '@praxis/platform/testing';
import { activeAward, addMember, ADMIN, startFunding } from './testing/funding.fixtures';

const SETTINGS = fuzzSettings();

describe('funding subgraph fuzz', () => {
  let subgraph: SubgraphHarness;
  const institutionId = randomUUID();
  const ids: string[] = [randomUUID()];
  let pi = '';

  beforeAll(async () => {
    subgraph = await startFunding();
    // real records for the fuzzer to reach: an active award its PI leads, its fund and proposed protected time
    pi = await addMember(subgraph, institutionId);
    const awardId = await activeAward(subgraph, {
      pi,
      startsOn: '2026-01-05',
      endsOn: '2027-01-03',
      requestedHours: 104,
    });
    const award = await subgraph.execute<{
      award: { fundId: string; protectedTime: Array<{ id: string }> };
    }>(ADMIN, 'query($id: ID!) { award(id: $id) { fundId protectedTime { id } } }', { id: awardId });
    ids.push(
      pi,
      institutionId,
      awardId,
      award.data?.award.fundId ?? randomUUID(),
      ...(award.data?.award.protectedTime ?? []).map((allocation) => allocation.id),
    );
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it(`answers random operations and inputs from the schema with data or a public error (seed ${SETTINGS.seed})`, async () => {
    const { runs, findings, healthy } = await fuzzSubgraph(subgraph, {
      callers: [
        { name: 'anonymous', caller: null },
        { name: 'principal investigator', caller: { memberId: pi } },
        { name: 'member', caller: { memberId: randomUUID() } },
        { name: 'lead', caller: { memberId: randomUUID(), roles: [{ role: 'lead', institutionId }] } },
        { name: 'admin', caller: ADMIN },
      ],
      knownIds: () => ids,
      ...SETTINGS,
    });
    expect(runs).toBeGreaterThan(20);
    expect(findings.slice(0, 5)).toEqual([]);
    expect(healthy).toBe(true);
  }, 120000);
});
