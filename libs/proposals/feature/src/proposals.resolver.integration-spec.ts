import { randomUUID } from 'node:crypto';
import {
  countQueries,
  errorCodeOf,
  executeOk,
  keyTypesWithoutReferenceResolver,
  type ConnectionData,
  seedReplicaMember,
  startSubgraphHarness,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { proposalsDatabase } from '@praxis/proposals/data-access';
import { ProposalsFeatureModule } from './proposals-feature.module';
import { openCompetition, submitEntry } from './testing/entries';

const ENTRIES = `query($c: ID!, $n: Int) {
  competitionEntries(competitionId: $c, first: $n) {
    totalCount edges { node { id title invitations(first: 1) { totalCount edges { node { status member { id } } } } } }
  }
}`;
const REFERENCES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Proposal { id title } ... on Competition { id title } } }`;

/** A competition opening in an hour, as createCompetition takes it. */
function draftInput(title: string, extra: Record<string, unknown> = {}) {
  return {
    title,
    judgeMaxLoad: 5,
    opensAt: new Date(Date.now() + 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 7_200_000).toISOString(),
    judgingEndsAt: new Date(Date.now() + 10_800_000).toISOString(),
    criteria: [{ name: 'Quality', weight: 1, scaleMin: 1, scaleMax: 5 }],
    reviewsPerEntry: 1,
    winnersCount: 1,
    eligibility: { maxTeamSize: 5 },
    ...extra,
  };
}

/**
 * Proposals in-process through GraphQL operations: reference resolvers answer like operations (through the one
 * error mapping), and field and reference resolvers load through request-scoped loaders (a page of N costs
 * what a page of 2 costs).
 */
describe('proposals subgraph in-process: references, loaders, field resolvers', () => {
  let subgraph: SubgraphHarness;
  const admin = { memberId: randomUUID(), roles: ['admin' as const] };
  let competitionId: string;
  const leads: string[] = [];
  const partners: string[] = [];
  const proposalIds: string[] = [];

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'proposals_resolvers',
      database: proposalsDatabase,
      feature: () => ProposalsFeatureModule.forRoot({ namedConflictsMax: 3, defaultCurrency: 'GBP' }),
    });
    await seedReplicaMember(subgraph.dataSource, admin.memberId, { roles: admin.roles });
    competitionId = await openCompetition(subgraph, admin, { title: 'Loader call', judgeMaxLoad: 20 });
    for (let i = 0; i < 12; i += 1) {
      const lead = randomUUID();
      const partner = randomUUID();
      await seedReplicaMember(subgraph.dataSource, lead);
      await seedReplicaMember(subgraph.dataSource, partner);
      proposalIds.push(await submitEntry(subgraph, competitionId, `Entry ${i}`, [lead, partner]));
      leads.push(lead);
      partners.push(partner);
    }
  }, 120000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('has a reference resolver for every entity type it declares', () => {
    expect(keyTypesWithoutReferenceResolver(subgraph.schema)).toEqual([]);
  });

  it('answers a full page of 100 competitions with every field within the cost limit, but not that page 15 times', async () => {
    const page = `competitions(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
      id title description phase nextPhases opensAt closesAt judgingEndsAt
      criteria { id name guidance weight scaleMin scaleMax } reviewsPerEntry judgeMaxLoad blind winnersCount
      eligibility { requiresInterInstitutionalTeam maxTeamSize allowedCareerStages } currency
      fundingAvailableMoney { amountMinor currency } protectedHoursAvailable resultsPublishedAt } } }`;
    const full = await subgraph.execute(admin, `{ ${page} }`);
    expect(full.errors).toBeUndefined();
    const aliased = Array.from({ length: 15 }, (_, i) => `p${i}: ${page}`).join(' ');
    const fifteen = await subgraph.execute(admin, `{ ${aliased} }`);
    expect(fifteen.errors?.[0]?.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'maxCost',
    });
  });

  it('resolves Proposal and Competition references for a caller allowed to read them', async () => {
    const result = await subgraph.execute(admin, REFERENCES, {
      r: [
        { __typename: 'Proposal', id: proposalIds[0] },
        { __typename: 'Competition', id: competitionId },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        { id: proposalIds[0], title: 'Entry 0' },
        { id: competitionId, title: 'Loader call' },
      ],
    });
  });

  it('answers a reference nobody may read with null, and one with a malformed id as BAD_USER_INPUT naming id', async () => {
    const stranger = { memberId: randomUUID() };
    await seedReplicaMember(subgraph.dataSource, stranger.memberId);
    const hidden = await subgraph.execute(stranger, REFERENCES, {
      r: [{ __typename: 'Proposal', id: proposalIds[1] }],
    });
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data).toEqual({ _entities: [null] });
    const malformed = await subgraph.execute(admin, REFERENCES, {
      r: [{ __typename: 'Proposal', id: 'nope' }],
    });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'id', rule: 'uuid' }],
    });
    const unknown = await subgraph.execute(admin, REFERENCES, {
      r: [{ __typename: 'Proposal', id: randomUUID() }],
    });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ _entities: [null] });
  });

  it('loads a page of 12 entries with their invitations in as many queries as a page of 2', async () => {
    const page = async (n: number) =>
      countQueries(subgraph.dataSource, () => subgraph.execute(admin, ENTRIES, { c: competitionId, n }));
    const two = await page(2);
    const twelve = await page(12);
    expect(two.result.errors).toBeUndefined();
    expect(twelve.result.errors).toBeUndefined();
    const edges = (
      twelve.result.data as {
        competitionEntries: { edges: Array<{ node: { invitations: ConnectionData<unknown> } }> };
      }
    ).competitionEntries.edges;
    expect(edges).toHaveLength(12);
    expect(
      edges.every(
        (edge) => edge.node.invitations.totalCount === 2 && edge.node.invitations.edges.length === 1,
      ),
    ).toBe(true);
    expect(twelve.queries.length).toBe(two.queries.length);
  });

  it("pages a proposal's invitations newest first, the page size checked", async () => {
    const INVITATIONS = `query($id: ID!, $after: String) { proposal(id: $id) {
      invitations(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { member { id } status invitedAt } } }
    } }`;
    type Page = {
      proposal: {
        invitations: ConnectionData<{ member: { id: string }; invitedAt: string }> & {
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
    };
    const first = await executeOk<Page>(subgraph, admin, INVITATIONS, { id: proposalIds[0] });
    expect(first.proposal.invitations.totalCount).toBe(2);
    expect(first.proposal.invitations.pageInfo.hasNextPage).toBe(true);
    const second = await executeOk<Page>(subgraph, admin, INVITATIONS, {
      id: proposalIds[0],
      after: first.proposal.invitations.pageInfo.endCursor,
    });
    expect(second.proposal.invitations.pageInfo.hasNextPage).toBe(false);
    const [newer, older] = [first, second].map((page) => page.proposal.invitations.edges[0].node);
    expect([newer.member.id, older.member.id].sort()).toEqual([leads[0], partners[0]].sort());
    expect(Date.parse(newer.invitedAt)).toBeGreaterThanOrEqual(Date.parse(older.invitedAt));
    const tooBig = await subgraph.execute(
      admin,
      `query($id: ID!) { proposal(id: $id) { invitations(first: 101) { totalCount } } }`,
      { id: proposalIds[0] },
    );
    expect(tooBig.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'first' }],
    });
  });

  it('keeps the team and its invitations when an edit leaves teamMemberIds out, and removes the left-out when it names them', async () => {
    const SAVE = `mutation($input: SaveProposalDraftInput!) { saveProposalDraft(input: $input) {
      id team { id } invitations(first: 100) { totalCount edges { node { status member { id } } } } } }`;
    type Saved = {
      saveProposalDraft: {
        id: string;
        team: Array<{ id: string }>;
        invitations: ConnectionData<{ status: string; member: { id: string } }>;
      };
    };
    const [lead, ...invited] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const member of [lead, ...invited]) await seedReplicaMember(subgraph.dataSource, member);
    const text = { summary: 'S', aims: 'A', methods: 'M', expectedImpact: 'I', leadApplicantId: lead };
    const created = await executeOk<Saved>(subgraph, { memberId: lead }, SAVE, {
      input: { ...text, competitionId, title: 'Team kept', teamMemberIds: invited },
    });
    const id = created.saveProposalDraft.id;
    await executeOk(
      subgraph,
      { memberId: invited[0] },
      `mutation($id: ID!) { acceptTeamInvitation(proposalId: $id) { status } }`,
      {
        id,
      },
    );
    await executeOk(
      subgraph,
      { memberId: invited[1] },
      `mutation($id: ID!) { declineTeamInvitation(proposalId: $id) { status } }`,
      {
        id,
      },
    );
    const statuses = (saved: Saved) =>
      Object.fromEntries(
        saved.saveProposalDraft.invitations.edges.map(({ node }) => [node.member.id, node.status]),
      );
    const expected = {
      [lead]: 'ACCEPTED',
      [invited[0]]: 'ACCEPTED',
      [invited[1]]: 'DECLINED',
      [invited[2]]: 'PENDING',
    };

    // a new title only: nobody leaves, no declined invitation is sent again
    const kept = await executeOk<Saved>(subgraph, { memberId: lead }, SAVE, {
      input: { ...text, id, competitionId, title: 'Team kept, new title' },
    });
    expect(statuses(kept)).toEqual(expected);
    expect(kept.saveProposalDraft.team.map((member) => member.id).sort()).toEqual([lead, invited[0]].sort());

    // a list still means the whole team wanted: the left-out are removed
    const named = await executeOk<Saved>(subgraph, { memberId: lead }, SAVE, {
      input: { ...text, id, competitionId, title: 'Team named', teamMemberIds: [invited[0]] },
    });
    expect(statuses(named)).toEqual({ [lead]: 'ACCEPTED', [invited[0]]: 'ACCEPTED' });

    // a new proposal without the list is its author's alone; someone else's name as lead is refused by field
    const alone = await executeOk<Saved>(subgraph, { memberId: lead }, SAVE, {
      input: { ...text, competitionId, title: 'Alone' },
    });
    expect(statuses(alone)).toEqual({ [lead]: 'ACCEPTED' });
    const notMine = await subgraph.execute({ memberId: invited[2] }, SAVE, {
      input: { ...text, competitionId, title: 'Not mine' },
    });
    expect(notMine.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.teamMemberIds', rule: 'includesYou' }],
    });
  });

  it("pages a competition's ranking best first (provisional, admins only, before results)", async () => {
    const RANKING = `query($c: ID!, $after: String) { competitionRanking(competitionId: $c) {
      published entries(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { rank proposalId } } }
    } }`;
    type Page = {
      competitionRanking: {
        published: boolean;
        entries: ConnectionData<{ rank: number; proposalId: string }> & {
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
    };
    const seen: Array<{ rank: number; proposalId: string }> = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Page = await executeOk<Page>(subgraph, admin, RANKING, { c: competitionId, after });
      expect(page.competitionRanking.published).toBe(false);
      expect(page.competitionRanking.entries.totalCount).toBe(12);
      seen.push(...page.competitionRanking.entries.edges.map((edge) => edge.node));
      after = page.competitionRanking.entries.pageInfo.hasNextPage
        ? page.competitionRanking.entries.pageInfo.endCursor
        : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(seen.map((entry) => entry.proposalId))).toEqual(new Set(proposalIds));
    const order = seen.map((entry) => [entry.rank, entry.proposalId] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
    const member = { memberId: leads[0] };
    expect(await errorCodeOf(subgraph, member, RANKING, { c: competitionId })).toBe('FORBIDDEN');
  });

  it('lists competitions newest first to a member, and lets only admins cancel one', async () => {
    const member = { memberId: leads[1] };
    const draft = await executeOk<{ createCompetition: { id: string } }>(
      subgraph,
      admin,
      `mutation($input: CreateCompetitionInput!) { createCompetition(input: $input) { id } }`,
      { input: draftInput('To cancel') },
    );
    const draftId = draft.createCompetition.id;
    const LIST = `{ competitions(first: 2) { totalCount edges { node { id title phase } } } }`;
    const listed = await executeOk<{
      competitions: ConnectionData<{ id: string; title: string; phase: string }>;
    }>(subgraph, admin, LIST);
    expect(listed.competitions.edges.map((edge) => edge.node.id)).toEqual([draftId, competitionId]);
    // drafts are the admins' work in progress: a member's list skips it
    const before = await executeOk<{ competitions: ConnectionData<{ id: string }> }>(subgraph, member, LIST);
    expect(before.competitions.edges.map((edge) => edge.node.id)).toEqual([competitionId]);
    const CANCEL = `mutation($id: ID!) { cancelCompetition(id: $id) { id phase } }`;
    expect(await errorCodeOf(subgraph, member, CANCEL, { id: draftId })).toBe('FORBIDDEN');
    const cancelled = await executeOk<{ cancelCompetition: { id: string; phase: string } }>(
      subgraph,
      admin,
      CANCEL,
      { id: draftId },
    );
    expect(cancelled.cancelCompetition).toEqual({ id: draftId, phase: 'CANCELLED' });
    expect(await errorCodeOf(subgraph, admin, CANCEL, { id: draftId })).toBe('FAILED_PRECONDITION');
    // once cancelled it is no longer a draft: members see it, cancelled
    const after = await executeOk<{ competitions: ConnectionData<{ id: string; phase: string }> }>(
      subgraph,
      member,
      LIST,
    );
    expect(after.competitions.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ id: draftId, phase: 'CANCELLED' }),
      expect.objectContaining({ id: competitionId, phase: 'OPEN' }),
    ]);
  });

  it('resolves 12 Proposal references in as many queries as 2', async () => {
    const references = (n: number) =>
      countQueries(subgraph.dataSource, () =>
        subgraph.execute(admin, REFERENCES, {
          r: proposalIds.slice(0, n).map((id) => ({ __typename: 'Proposal', id })),
        }),
      );
    const two = await references(2);
    const twelve = await references(12);
    expect(twelve.result.errors).toBeUndefined();
    expect((twelve.result.data as { _entities: unknown[] })._entities).toHaveLength(12);
    expect(twelve.queries.length).toBe(two.queries.length);
  });

  it("loads a page of 12 entries' published feedback in as many queries as a page of 2, for the team and admins only", async () => {
    const FEEDBACK = `query($c: ID!, $n: Int) { competitionEntries(competitionId: $c, first: $n) {
      edges { node { id result { rank } feedback { reviewer total comment } } }
    } }`;
    const OWN = `query($id: ID!) { proposal(id: $id) { feedback { comment } } }`;
    type Node = { id: string; result: { rank: number }; feedback: Array<{ comment: string }> };
    // the results as publication freezes them on each entry (how they are computed is judging-integrity's test)
    await subgraph.dataSource.query(
      `UPDATE proposal SET rank = r.n, review_count = 1,
         published_feedback = jsonb_build_array(jsonb_build_object('reviewer', 'Reviewer 1', 'total', r.n * 5,
           'scores', '[]'::jsonb, 'comment', 'entry ranked ' || r.n))
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM proposal WHERE id = ANY($1)) r
        WHERE proposal.id = r.id`,
      [proposalIds],
    );
    try {
      const page = async (n: number) =>
        countQueries(subgraph.dataSource, () => subgraph.execute(admin, FEEDBACK, { c: competitionId, n }));
      const two = await page(2);
      const twelve = await page(12);
      expect(twelve.result.errors).toBeUndefined();
      const nodes = (twelve.result.data as { competitionEntries: { edges: Array<{ node: Node }> } })
        .competitionEntries.edges;
      expect(nodes).toHaveLength(12);
      for (const { node } of nodes) {
        expect(node.feedback).toEqual([
          {
            reviewer: 'Reviewer 1',
            total: node.result.rank * 5,
            comment: `entry ranked ${node.result.rank}`,
          },
        ]);
      }
      expect(twelve.queries.length).toBe(two.queries.length);

      // per record: a team reads its own feedback, another entry's lead is refused it
      const own = await executeOk<{ proposal: { feedback: Array<{ comment: string }> } }>(
        subgraph,
        { memberId: leads[0] },
        OWN,
        { id: proposalIds[0] },
      );
      expect(own.proposal.feedback).toHaveLength(1);
      expect(await errorCodeOf(subgraph, { memberId: leads[1] }, OWN, { id: proposalIds[0] })).toBe(
        'FORBIDDEN',
      );
    } finally {
      await subgraph.dataSource.query(
        `UPDATE proposal SET rank = NULL, review_count = NULL, published_feedback = NULL WHERE id = ANY($1)`,
        [proposalIds],
      );
    }
  });

  // runs last: it withdraws an entry the page tests above count
  it('lets only the invitee decline and only the team withdraw, per record', async () => {
    const DECLINE = 'mutation($p: ID!) { declineTeamInvitation(proposalId: $p) { status member { id } } }';
    const WITHDRAW = 'mutation($id: ID!) { withdrawProposal(id: $id) { id status } }';
    const notInvited = await subgraph.execute({ memberId: partners[2] }, DECLINE, { p: proposalIds[3] });
    expect(notInvited.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const declined = await subgraph.execute({ memberId: partners[3] }, DECLINE, { p: proposalIds[3] });
    expect(declined.errors).toBeUndefined();
    expect(declined.data).toEqual({
      declineTeamInvitation: { status: 'DECLINED', member: { id: partners[3] } },
    });
    const byAnotherTeam = await subgraph.execute({ memberId: leads[4] }, WITHDRAW, { id: proposalIds[3] });
    expect(byAnotherTeam.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byAdmin = await subgraph.execute(admin, WITHDRAW, { id: proposalIds[3] });
    expect(byAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byLead = await subgraph.execute({ memberId: leads[3] }, WITHDRAW, { id: proposalIds[3] });
    expect(byLead.errors).toBeUndefined();
    expect(byLead.data).toEqual({ withdrawProposal: { id: proposalIds[3], status: 'WITHDRAWN' } });
  });

  it('takes the funding available as Money through GraphQL, refusing a fraction of a minor unit and a wrong currency by field', async () => {
    const CREATE = `mutation($input: CreateCompetitionInput!) {
      createCompetition(input: $input) { currency fundingAvailableMoney { amountMinor currency } }
    }`;
    const input = (fundingAvailableMoney: unknown, currency?: string) => ({
      input: draftInput('Money through GraphQL', {
        ...(currency ? { currency } : {}),
        fundingAvailableMoney,
      }),
    });
    const created = await executeOk<{
      createCompetition: {
        currency: string;
        fundingAvailableMoney: { amountMinor: number; currency: string };
      };
    }>(subgraph, admin, CREATE, input({ amountMinor: 250_050, currency: 'EUR' }, 'EUR'));
    expect(created.createCompetition).toEqual({
      currency: 'EUR',
      fundingAvailableMoney: { amountMinor: 250_050, currency: 'EUR' },
    });
    // the default currency is GBP here
    const wrong = await subgraph.execute(admin, CREATE, input({ amountMinor: 100, currency: 'EUR' }));
    expect(wrong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'input.fundingAvailableMoney.currency' })],
    });
    // a fraction of a minor unit never reaches the service
    const fraction = await subgraph.execute(admin, CREATE, input({ amountMinor: 100.5, currency: 'GBP' }));
    expect(fraction.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(fraction.data ?? null).toBeNull();
  });

  it('finds competitions by part of their title, any case, drafts still for admins only, the text checked', async () => {
    const create = (title: string) =>
      executeOk<{ createCompetition: { id: string } }>(
        subgraph,
        admin,
        `mutation($input: CreateCompetitionInput!) { createCompetition(input: $input) { id } }`,
        { input: draftInput(title) },
      );
    const older = (await create('Simulation 50% fund')).createCompetition.id;
    const newer = (await create('Ward SIMULATION call')).createCompetition.id;
    await create('Unrelated title');
    const FIND = `query($text: String) { competitions(titleContains: $text, first: 5) { totalCount edges { node { id } } } }`;
    type Found = { competitions: ConnectionData<{ id: string }> };
    const found = await executeOk<Found>(subgraph, admin, FIND, { text: '  simulation ' });
    expect(found.competitions.totalCount).toBe(2);
    expect(found.competitions.edges.map((edge) => edge.node.id)).toEqual([newer, older]);
    // LIKE's wildcards are the text itself, not patterns
    const percent = await executeOk<Found>(subgraph, admin, FIND, { text: '50%' });
    expect(percent.competitions.edges.map((edge) => edge.node.id)).toEqual([older]);
    const none = await executeOk<Found>(subgraph, admin, FIND, { text: '_' });
    expect(none.competitions.totalCount).toBe(0);
    // both are drafts: a member's search skips them as their list does
    const member = await executeOk<Found>(subgraph, { memberId: leads[2] }, FIND, { text: 'simulation' });
    expect(member.competitions.totalCount).toBe(0);
    const tooLong = await subgraph.execute(admin, FIND, { text: 'x'.repeat(201) });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'titleContains', rule: 'maxLength' }],
    });
  });
});
