import { randomUUID } from 'node:crypto';
import { countQueries, startSubgraphHarness, type SubgraphHarness } from '@praxis/platform/testing';
import { proposalsDatabase } from '@praxis/proposals/data-access';
import { ProposalsFeatureModule } from './proposals-feature.module';

const CREATE = `mutation($input: CreateCompetitionInput!) { createCompetition(input: $input) { id } }`;
const SAVE = `mutation($input: SaveProposalDraftInput!) { saveProposalDraft(input: $input) { id } }`;
const ENTRIES = `query($c: ID!, $n: Int) {
  competitionEntries(competitionId: $c, first: $n) {
    totalCount edges { node { id title invitations { status member { id } } } }
  }
}`;
const REFERENCES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Proposal { id title } ... on Competition { id title } } }`;

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

  async function replicaMember(memberId: string, roles: string[] = []): Promise<void> {
    await subgraph.dataSource.query(
      `INSERT INTO member_replica (member_id, display_name, career_stage, institution_id, interests)
       VALUES ($1, $2, 'RESIDENT', $3, '{}')`,
      [memberId, `Member ${memberId.slice(0, 4)}`, randomUUID()],
    );
    for (const role of roles) {
      await subgraph.dataSource.query('INSERT INTO member_role_replica (member_id, role) VALUES ($1, $2)', [
        memberId,
        role,
      ]);
    }
  }

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'proposals_resolvers',
      database: proposalsDatabase,
      feature: () => ProposalsFeatureModule.forRoot({ namedConflictsMax: 3, defaultCurrency: 'GBP' }),
    });
    await replicaMember(admin.memberId, ['admin']);
    const created = await subgraph.execute<{ createCompetition: { id: string } }>(admin, CREATE, {
      input: {
        title: 'Loader call',
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
        judgingEndsAt: new Date(Date.now() + 7_200_000).toISOString(),
        criteria: [{ name: 'Quality', weight: 1, scaleMin: 1, scaleMax: 5 }],
        reviewsPerEntry: 1,
        judgeMaxLoad: 20,
        winnersCount: 1,
        eligibility: { maxTeamSize: 5 },
      },
    });
    expect(created.errors).toBeUndefined();
    competitionId = created.data!.createCompetition.id;
    const opened = await subgraph.execute(admin, 'mutation($id: ID!) { openCompetition(id: $id) { id } }', {
      id: competitionId,
    });
    expect(opened.errors).toBeUndefined();
    for (let i = 0; i < 12; i += 1) {
      const lead = randomUUID();
      const partner = randomUUID();
      await replicaMember(lead);
      await replicaMember(partner);
      const saved = await subgraph.execute<{ saveProposalDraft: { id: string } }>({ memberId: lead }, SAVE, {
        input: {
          competitionId,
          title: `Entry ${i}`,
          summary: 'A summary',
          aims: 'Aims',
          methods: 'Methods',
          expectedImpact: 'Impact',
          leadApplicantId: lead,
          teamMemberIds: [lead, partner],
        },
      });
      expect(saved.errors).toBeUndefined();
      const id = saved.data!.saveProposalDraft.id;
      const submitted = await subgraph.execute(
        { memberId: lead },
        'mutation($id: ID!) { submitProposal(id: $id) { id } }',
        {
          id,
        },
      );
      expect(submitted.errors).toBeUndefined();
      leads.push(lead);
      partners.push(partner);
      proposalIds.push(id);
    }
  }, 120000);

  afterAll(async () => {
    await subgraph?.close();
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
    await replicaMember(stranger.memberId);
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
      twelve.result.data as { competitionEntries: { edges: Array<{ node: { invitations: unknown[] } }> } }
    ).competitionEntries.edges;
    expect(edges).toHaveLength(12);
    expect(edges.every((edge) => edge.node.invitations.length === 2)).toBe(true);
    expect(twelve.queries.length).toBe(two.queries.length);
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
});
