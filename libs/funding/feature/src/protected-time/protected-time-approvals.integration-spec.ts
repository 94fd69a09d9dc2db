import { randomUUID } from 'node:crypto';
import { countQueries, type SubgraphHarness } from '@praxis/platform/testing';
import { ADMIN, addMember, errorCode, leadOf, offerAward, startFunding } from '../testing/funding.fixtures';

const ALLOCATE = `mutation A($input: AllocateProtectedTimeInput!) { allocateProtectedTime(input: $input) { id } }`;
const APPROVE = `mutation P($id: ID!) { approveProtectedTime(allocationId: $id) { id status } }`;
const REJECT = `mutation R($id: ID!) { rejectProtectedTime(allocationId: $id, reason: "Rota is full") { id } }`;
const QUEUE = `query Q($first: Int, $after: String) { protectedTimeToApprove(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id awardId awardTitle status weeklyHours member { id } } } } }`;

interface Queue {
  protectedTimeToApprove: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: { id: string; awardId: string; awardTitle: string; status: string; member: { id: string } };
    }>;
  };
}

/** `protectedTimeToApprove`: the server-side approval queue, per record by the rule of approving. */
describe('funding: the protected-time approval queue', () => {
  let subgraph: SubgraphHarness;
  const north = randomUUID();
  const south = randomUUID();
  const northLead = leadOf(north);
  const southLead = leadOf(south);
  // a lead of north who is also on an award: another lead or an admin approves their time, never they
  const leadWithTimeId = randomUUID();
  const leadWithTime = { memberId: leadWithTimeId, roles: [{ role: 'lead' as const, institutionId: north }] };
  const allocations: Record<string, string> = {};

  /** An accepted award for `pi` and proposed time for them on it; the allocation's id. */
  async function proposeTimeFor(pi: string): Promise<string> {
    const awardId = await offerAward(subgraph, { pi, startsOn: '2027-01-04', endsOn: '2027-12-26' });
    const accepted = await subgraph.execute(
      { memberId: pi },
      `mutation A($id: ID!) { acceptAward(id: $id) { id } }`,
      {
        id: awardId,
      },
    );
    expect(accepted.errors).toBeUndefined();
    const allocated = await subgraph.execute<{ allocateProtectedTime: { id: string } }>(ADMIN, ALLOCATE, {
      input: {
        awardId,
        memberId: pi,
        weekly: { unit: 'HOURS', amount: 4 },
        from: '2027-01-04',
        to: '2027-12-26',
      },
    });
    expect(allocated.errors).toBeUndefined();
    return allocated.data?.allocateProtectedTime.id as string;
  }

  const ids = (result: { data?: Queue | null }) =>
    result.data?.protectedTimeToApprove.edges.map((edge) => edge.node.id);

  beforeAll(async () => {
    subgraph = await startFunding();
    // oldest first: allocated one after another
    allocations.northMember = await proposeTimeFor(await addMember(subgraph, north));
    allocations.southMember = await proposeTimeFor(await addMember(subgraph, south));
    allocations.lead = await proposeTimeFor(await addMember(subgraph, north, leadWithTimeId));
    allocations.northDecided = await proposeTimeFor(await addMember(subgraph, north));
    allocations.northRejected = await proposeTimeFor(await addMember(subgraph, north));
    expect(
      (await subgraph.execute(northLead, APPROVE, { id: allocations.northDecided })).errors,
    ).toBeUndefined();
    expect((await subgraph.execute(ADMIN, REJECT, { id: allocations.northRejected })).errors).toBeUndefined();
  }, 120000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('lists for a lead the proposed time of their institution’s members, not their own; for an admin all of it', async () => {
    const lead = await subgraph.execute<Queue>(northLead, QUEUE, {});
    expect(lead.errors).toBeUndefined();
    expect(ids(lead)).toEqual([allocations.northMember, allocations.lead]);
    expect(lead.data?.protectedTimeToApprove.edges[0].node).toMatchObject({
      awardTitle: 'Award',
      status: 'PROPOSED',
    });
    expect(ids(await subgraph.execute<Queue>(leadWithTime, QUEUE, {}))).toEqual([allocations.northMember]);
    expect(ids(await subgraph.execute<Queue>(southLead, QUEUE, {}))).toEqual([allocations.southMember]);
    expect(ids(await subgraph.execute<Queue>(ADMIN, QUEUE, {}))).toEqual([
      allocations.northMember,
      allocations.southMember,
      allocations.lead,
    ]);
  });

  it('follows a member who moves institution: their new institution’s leads decide', async () => {
    const member = await addMember(subgraph, north);
    const moving = await proposeTimeFor(member);
    expect(ids(await subgraph.execute<Queue>(northLead, QUEUE, {}))).toContain(moving);
    await subgraph.dataSource.query(`UPDATE member_replica SET institution_id = $2 WHERE member_id = $1`, [
      member,
      south,
    ]);
    expect(ids(await subgraph.execute<Queue>(northLead, QUEUE, {}))).not.toContain(moving);
    expect(ids(await subgraph.execute<Queue>(southLead, QUEUE, {}))).toContain(moving);
    expect((await subgraph.execute(southLead, REJECT, { id: moving })).errors).toBeUndefined();
    expect(ids(await subgraph.execute<Queue>(southLead, QUEUE, {}))).not.toContain(moving);
  });

  it('is refused to anyone but leads and admins', async () => {
    const member = { memberId: await addMember(subgraph, north) };
    expect(errorCode(await subgraph.execute(member, QUEUE, {}))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.execute({ memberId: randomUUID(), roles: ['judge'] }, QUEUE, {}))).toBe(
      'FORBIDDEN',
    );
  });

  it('pages oldest first with a cursor, and refuses a page size past 100 or a forged cursor by name', async () => {
    const first = await subgraph.execute<Queue>(ADMIN, QUEUE, { first: 2 });
    expect(ids(first)).toEqual([allocations.northMember, allocations.southMember]);
    expect(first.data?.protectedTimeToApprove.pageInfo.hasNextPage).toBe(true);
    expect(first.data?.protectedTimeToApprove.totalCount).toBe(3);
    const next = await subgraph.execute<Queue>(ADMIN, QUEUE, {
      first: 2,
      after: first.data?.protectedTimeToApprove.pageInfo.endCursor,
    });
    expect(ids(next)).toEqual([allocations.lead]);
    expect(next.data?.protectedTimeToApprove.pageInfo.hasNextPage).toBe(false);

    const tooMany = await subgraph.execute(ADMIN, QUEUE, { first: 101 });
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'first', rule: 'range' }),
    ]);
    const forged = await subgraph.execute(ADMIN, QUEUE, {
      after: Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url'),
    });
    expect(errorCode(forged)).toBe('BAD_USER_INPUT');
    expect(forged.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'after', rule: 'cursor' }),
    ]);
  });

  it('loads the award titles of a whole page in one query', async () => {
    const run = (first: number) =>
      countQueries(subgraph.dataSource, () => subgraph.execute<Queue>(ADMIN, QUEUE, { first }));
    const one = await run(1);
    const three = await run(3);
    expect(three.result.data?.protectedTimeToApprove.edges.map((edge) => edge.node.awardTitle)).toEqual([
      'Award',
      'Award',
      'Award',
    ]);
    expect(three.queries.length).toBe(one.queries.length);
  });
});
