import { randomUUID } from 'node:crypto';
import {
  countQueries,
  executeOk,
  planOf,
  seedReplicaMember,
  startSubgraphHarness,
  type Caller,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { encodeCursor, MAX_PAGE_SIZE } from '@praxis/platform/graphql';
import { proposalsDatabase } from '@praxis/proposals/data-access';
import { MAX_TEAM_PLACES } from '@praxis/proposals/domain';
import { ProposalsFeatureModule } from './proposals-feature.module';
import { openCompetition } from './testing/entries';

const SAVE = `mutation($input: SaveProposalDraftInput!) { saveProposalDraft(input: $input) { id } }`;
const INVITE = `mutation($p: ID!, $m: ID!) { inviteTeamMember(proposalId: $p, memberId: $m) { status } }`;
const DECLINE = `mutation($p: ID!) { declineTeamInvitation(proposalId: $p) { status } }`;
const PAGE = `query($id: ID!, $first: Int, $after: String) { proposal(id: $id) {
  invitations(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { member { id } status invitedAt } }
  }
} }`;
const MY_DRAFTS = `query($first: Int) { myProposals(first: 20) { edges { node { id
  invitations(first: $first) { totalCount edges { node { member { id } } } }
} } } }`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: { member: { id: string }; status: string; invitedAt: string } }>;
}

/**
 * `Proposal.invitations` paged in PostgreSQL (keyset on invited_at then member, newest first) and the cap on a
 * team's places (members and pending invitations together), through GraphQL against real PostgreSQL.
 */
describe('team invitations: pages and the cap on places', () => {
  let subgraph: SubgraphHarness;
  const admin = { memberId: randomUUID(), roles: ['admin' as const] };
  let competitionId: string;

  const ok = <T>(caller: Caller, query: string, variables = {}) =>
    executeOk<T>(subgraph, caller, query, variables);

  async function members(count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    for (const id of ids) await seedReplicaMember(subgraph.dataSource, id);
    return ids;
  }

  /** A draft written by `lead` with `team` invited in the same save. */
  async function draft(lead: string, team: readonly string[]): Promise<string> {
    const saved = await ok<{ saveProposalDraft: { id: string } }>({ memberId: lead }, SAVE, {
      input: {
        competitionId,
        title: 'A team',
        summary: 'S',
        aims: 'A',
        methods: 'M',
        expectedImpact: 'I',
        leadApplicantId: lead,
        teamMemberIds: [lead, ...team],
      },
    });
    return saved.saveProposalDraft.id;
  }

  async function page(caller: Caller, id: string, first: number | null, after: string | null) {
    return subgraph.execute(caller, PAGE, { id, first, after });
  }

  async function okPage(caller: Caller, id: string, first: number, after: string | null): Promise<Page> {
    const result = await page(caller, id, first, after);
    expect(result.errors).toBeUndefined();
    return (result.data as { proposal: { invitations: Page } }).proposal.invitations;
  }

  /** The order the database holds: newest first, then member id, highest first. */
  async function expectedOrder(proposalId: string): Promise<string[]> {
    const rows: Array<{ member_id: string }> = await subgraph.dataSource.query(
      `SELECT member_id FROM team_invitation WHERE proposal_id = $1 ORDER BY invited_at DESC, member_id DESC`,
      [proposalId],
    );
    return rows.map((row) => row.member_id);
  }

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'proposals_team_invitations',
      database: proposalsDatabase,
      feature: () => ProposalsFeatureModule.forRoot({ namedConflictsMax: 3, defaultCurrency: 'GBP' }),
    });
    await seedReplicaMember(subgraph.dataSource, admin.memberId, { roles: admin.roles });
    competitionId = await openCompetition(subgraph, admin, { title: 'Invitations call', judgeMaxLoad: 5 });
  }, 120000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('walks every invitation once, newest first (ties by member), each edge’s cursor resuming after it', async () => {
    const [lead, ...rest] = await members(15);
    // eight invited in one save share its instant; the rest come one by one, each later than the last
    const id = await draft(lead, rest.slice(0, 8));
    for (const member of rest.slice(8)) await ok({ memberId: lead }, INVITE, { p: id, m: member });
    const expected = await expectedOrder(id);
    expect(expected).toHaveLength(15);

    const seen: string[] = [];
    const sizes: number[] = [];
    let after: string | null = null;
    do {
      const current: Page = await okPage({ memberId: lead }, id, 4, after);
      expect(current.totalCount).toBe(15);
      sizes.push(current.edges.length);
      seen.push(...current.edges.map((edge) => edge.node.member.id));
      expect(current.pageInfo.endCursor).toBe(current.edges[current.edges.length - 1].cursor);
      after = current.pageInfo.hasNextPage ? current.pageInfo.endCursor : null;
    } while (after);
    expect(sizes).toEqual([4, 4, 4, 3]);
    expect(seen).toEqual(expected);

    // any edge's cursor is a place to resume from: the rest of the list after that edge, in the same order
    const whole = await okPage({ memberId: lead }, id, MAX_PAGE_SIZE, null);
    expect(whole.edges.map((edge) => edge.node.member.id)).toEqual(expected);
    const fromSixth = await okPage({ memberId: lead }, id, MAX_PAGE_SIZE, whole.edges[5].cursor);
    expect(fromSixth.edges.map((edge) => edge.node.member.id)).toEqual(expected.slice(6));
    expect(fromSixth.pageInfo).toEqual({ hasNextPage: false, endCursor: whole.pageInfo.endCursor });
  });

  it('refuses a forged cursor naming `after`, and `first` out of range naming `first`', async () => {
    const [lead, partner] = await members(2);
    const id = await draft(lead, [partner]);
    const forged = [
      'not a cursor',
      encodeCursor(['2026-12-02T07:00:00.000Z']),
      encodeCursor(['yesterday', randomUUID()]),
      encodeCursor(['2026-12-02T07:00:00.000Z', 'not-a-member']),
      encodeCursor([7, 8]),
    ];
    for (const after of forged) {
      const refused = await page({ memberId: lead }, id, 5, after);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'after', rule: 'cursor' }],
      });
    }
    for (const first of [0, MAX_PAGE_SIZE + 1]) {
      const refused = await page({ memberId: lead }, id, first, null);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'first', rule: 'range' }],
      });
    }
  });

  it('pages the invitations of every proposal of a page in as many queries for twelve proposals as for two', async () => {
    const [lead] = await members(1);
    const teams: string[][] = [];
    for (let i = 0; i < 12; i += 1) {
      const team = await members(3);
      teams.push(team);
      await draft(lead, team);
    }
    const run = (first: number) =>
      countQueries(subgraph.dataSource, () => subgraph.execute({ memberId: lead }, MY_DRAFTS, { first }));
    const two = await run(2);
    const twelve = await run(12);
    expect(twelve.result.errors).toBeUndefined();
    expect(twelve.queries.length).toBe(two.queries.length);
    type Drafts = {
      myProposals: {
        edges: Array<{ node: { id: string; invitations: Omit<Page, 'pageInfo'> } }>;
      };
    };
    const drafts = (two.result.data as Drafts).myProposals.edges;
    expect(drafts).toHaveLength(12);
    for (const { node } of drafts) {
      // each proposal gets its own page: its lead and three invited, newest two first
      expect(node.invitations.totalCount).toBe(4);
      expect(node.invitations.edges.map((edge) => edge.node.member.id)).toEqual(
        (await expectedOrder(node.id)).slice(0, 2),
      );
    }
  });

  it(`holds at most ${MAX_TEAM_PLACES} members and pending invitations, refusing the next naming the field`, async () => {
    const [lead, ...invited] = await members(MAX_TEAM_PLACES);
    const [extra, another] = await members(2);
    const tooMany = await subgraph.execute({ memberId: lead }, SAVE, {
      input: {
        competitionId,
        title: 'Too many',
        summary: 'S',
        aims: 'A',
        methods: 'M',
        expectedImpact: 'I',
        leadApplicantId: lead,
        teamMemberIds: [lead, ...invited, extra],
      },
    });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.teamMemberIds', rule: 'maxTeamPlaces' }],
    });

    const id = await draft(lead, invited);
    const refused = await subgraph.execute({ memberId: lead }, INVITE, { p: id, m: extra });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'memberId', rule: 'maxTeamPlaces' }],
    });
    expect(refused.errors?.[0]?.message).toContain(`at most ${MAX_TEAM_PLACES}`);
    // inviting again someone already pending takes no new place
    await ok({ memberId: lead }, INVITE, { p: id, m: invited[0] });
    // a declined invitation gives its place back
    await ok({ memberId: invited[1] }, DECLINE, { p: id });
    await ok({ memberId: lead }, INVITE, { p: id, m: extra });
    const after = await subgraph.execute({ memberId: lead }, INVITE, { p: id, m: another });
    expect(after.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await okPage({ memberId: lead }, id, MAX_PAGE_SIZE, null)).totalCount).toBe(MAX_TEAM_PLACES + 1);
  });

  it('lets only one of two invitations racing for the last place in', async () => {
    for (let round = 0; round < 4; round += 1) {
      const [lead, ...invited] = await members(MAX_TEAM_PLACES - 1);
      const [first, second] = await members(2);
      const id = await draft(lead, invited);
      const results = await Promise.all(
        [first, second].map((member) => subgraph.execute({ memberId: lead }, INVITE, { p: id, m: member })),
      );
      const refused = results.filter((result) => result.errors);
      expect(results.length - refused.length).toBe(1);
      expect(refused[0].errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'memberId', rule: 'maxTeamPlaces' }],
      });
      const [{ taken }]: Array<{ taken: number }> = await subgraph.dataSource.query(
        `SELECT count(*)::int AS taken FROM team_invitation WHERE proposal_id = $1 AND status <> 'DECLINED'`,
        [id],
      );
      expect(taken).toBe(MAX_TEAM_PLACES);
    }
  });

  it("reads a member's pending invitations (myTeamInvitations) along an index, newest first, without a sort", async () => {
    const [lead, invited] = await members(2);
    await draft(lead, [invited]);
    const mine = await ok<{ myTeamInvitations: { edges: unknown[] } }>(
      { memberId: invited },
      `{ myTeamInvitations(first: 20) { edges { node { status } } } }`,
    );
    expect(mine.myTeamInvitations.edges).toHaveLength(1);
    // the page's statement in the shape paginate gives it (filter, keyset order, the page plus one), with the
    // table's other access paths made dear: a partial index on (member, invited_at, proposal) serves it whole
    const text = await planOf(subgraph.dataSource, {
      sql: `SELECT * FROM team_invitation WHERE member_id = $1 AND status = 'PENDING'
          ORDER BY invited_at DESC, proposal_id DESC LIMIT 21`,
      parameters: [invited],
    });
    expect(text).toContain('team_invitation_pending_idx');
    expect(text).not.toMatch(/\bSort\b/);
  });
});
