import { randomUUID } from 'node:crypto';
import { countQueries, type SubgraphHarness } from '@praxis/platform/testing';
import { activeAward, addMember, ADMIN, startFunding } from './testing/funding.fixtures';

const PAGE = `query($n: Int) { awards(first: $n) { edges { node {
  id budget { committed { amountMinor } paid { amountMinor } remaining { amountMinor } lines { category paid { amountMinor } } }
  protectedTime { status weeklyHours member { id } }
} } } }`;
const SPEND = `mutation S($id: ID!, $input: RecordSpendInput!) { recordSpend(awardId: $id, input: $input) { id } }`;

interface Node {
  id: string;
  budget: {
    committed: { amountMinor: number };
    paid: { amountMinor: number };
    remaining: { amountMinor: number };
    lines: Array<{ category: string; paid: { amountMinor: number } }>;
  };
  protectedTime: Array<{ status: string; weeklyHours: number; member: { id: string } }>;
}

/** An award's budget and protected time cost a fixed number of queries for a page of awards, whatever its size. */
describe('funding: award fields on a page of awards', () => {
  let subgraph: SubgraphHarness;
  let pi: string;
  const awards: string[] = [];

  beforeAll(async () => {
    subgraph = await startFunding();
    pi = await addMember(subgraph, randomUUID());
    for (let index = 0; index < 4; index += 1) {
      const id = await activeAward(subgraph, {
        pi,
        startsOn: '2026-01-05',
        endsOn: '2027-01-03',
        amountMinor: 10_000,
        requestedHours: 104,
      });
      const spent = await subgraph.execute(ADMIN, SPEND, {
        id,
        input: {
          budgetLine: 'OTHER',
          kind: 'PAYMENT',
          amount: { amountMinor: 1_000 * (index + 1), currency: 'GBP' },
          date: '2026-02-02',
          description: 'Transcription',
        },
      });
      if (spent.errors) throw new Error(JSON.stringify(spent.errors));
      awards.push(id);
    }
  }, 120000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('answers budget and protectedTime for a page of 4 awards in as many queries as a page of 1', async () => {
    const page = (n: number) =>
      countQueries(subgraph.dataSource, async () => {
        const result = await subgraph.execute<{ awards: { edges: Array<{ node: Node }> } }>(
          { memberId: pi },
          PAGE,
          {
            n,
          },
        );
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        return result.data?.awards.edges.map((edge) => edge.node) ?? [];
      });
    const one = await page(1);
    const four = await page(4);
    expect(four.result).toHaveLength(4);
    expect(four.queries.length).toBe(one.queries.length);

    const byId = new Map(four.result.map((node) => [node.id, node]));
    awards.forEach((id, index) => {
      const paid = 1_000 * (index + 1);
      expect(byId.get(id)).toEqual({
        id,
        budget: {
          committed: { amountMinor: 0 },
          paid: { amountMinor: paid },
          remaining: { amountMinor: 10_000 - paid },
          lines: [{ category: 'OTHER', paid: { amountMinor: paid } }],
        },
        protectedTime: [{ status: 'PROPOSED', weeklyHours: 2, member: { id: pi } }],
      });
    });
  });
});
