import { randomUUID } from 'node:crypto';
import { proposalsDatabase } from '@praxis/proposals/data-access';
import {
  describeAuthorisationMatrix,
  executeOk,
  matrixCallers,
  seedMatrixCallers,
  startSubgraphHarness,
  type OperationRule,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { ProposalsFeatureModule } from './proposals-feature.module';

const callers = matrixCallers();
const { ids, caller } = callers;
const admin = () => caller('admin');
const owner = () => caller('owner');

const SIGNED_IN_ONLY = { anonymous: 'UNAUTHENTICATED', others: 'allowed' } as const;
const ADMIN_ONLY = { anonymous: 'UNAUTHENTICATED', admin: 'allowed', others: 'FORBIDDEN' } as const;
/** The admin is let through and refused for the record's state (no judging has happened on it). */
const ADMIN_ONLY_NOT_NOW = { ...ADMIN_ONLY, admin: 'FAILED_PRECONDITION' } as const;
/** The owner's record: the owner (and, where reading, an admin) may; nobody else learns it exists. */
const OWNER_ONLY = { anonymous: 'UNAUTHENTICATED', owner: 'allowed', others: 'FORBIDDEN' } as const;

/** Records the matrix acts on: a competition the admin runs, and proposals `owner` leads in it. */
const records = { competition: '', criterion: '', ownerSubmitted: '' };

const HOUR = 3_600_000;
const competitionInput = () => ({
  title: `Matrix ${randomUUID()}`,
  opensAt: new Date(Date.now() - 60_000).toISOString(),
  closesAt: new Date(Date.now() + HOUR).toISOString(),
  judgingEndsAt: new Date(Date.now() + 2 * HOUR).toISOString(),
  criteria: [{ name: 'Quality', weight: 1, scaleMin: 1, scaleMax: 5 }],
  reviewsPerEntry: 1,
  judgeMaxLoad: 20,
  winnersCount: 1,
  eligibility: { maxTeamSize: 5 },
});

let subgraph: SubgraphHarness;

async function newCompetition(open: boolean): Promise<string> {
  const created = await executeOk<{ createCompetition: { id: string } }>(
    subgraph,
    admin(),
    'mutation($input: CreateCompetitionInput!) { createCompetition(input: $input) { id } }',
    { input: competitionInput() },
  );
  const id = created.createCompetition.id;
  if (open)
    await executeOk(subgraph, admin(), 'mutation($id: ID!) { openCompetition(id: $id) { id } }', { id });
  return id;
}

async function ownerDraft(): Promise<string> {
  const saved = await executeOk<{ saveProposalDraft: { id: string } }>(
    subgraph,
    owner(),
    'mutation($input: SaveProposalDraftInput!) { saveProposalDraft(input: $input) { id } }',
    {
      input: {
        competitionId: records.competition,
        title: `Owner's entry ${randomUUID()}`,
        summary: 'A summary',
        aims: 'Aims',
        methods: 'Methods',
        expectedImpact: 'Impact',
        leadApplicantId: ids.owner,
        teamMemberIds: [ids.owner],
      },
    },
  );
  return saved.saveProposalDraft.id;
}

async function ownerSubmitted(conflictedJudges: Array<{ judgeId: string; reason: string }> = []) {
  const id = await ownerDraft();
  await executeOk(
    subgraph,
    owner(),
    'mutation($id: ID!, $c: [NamedConflictInput!]!) { submitProposal(id: $id, conflictedJudges: $c) { id } }',
    { id, c: conflictedJudges },
  );
  return id;
}

/** A draft of the owner's to which the owner invited `otherMember`. */
async function invitationToOtherMember(): Promise<string> {
  const proposalId = await ownerDraft();
  await executeOk(
    subgraph,
    owner(),
    'mutation($p: ID!, $m: ID!) { inviteTeamMember(proposalId: $p, memberId: $m) { status } }',
    { p: proposalId, m: ids.otherMember },
  );
  return proposalId;
}

/** An applicant's named conflict against the matrix judge, waiting for an admin's review. */
async function namedConflict(): Promise<string> {
  const proposalId = await ownerSubmitted([{ judgeId: ids.judge, reason: 'supervised my thesis' }]);
  const conflicts = await executeOk<{
    competitionConflicts: { edges: Array<{ node: { id: string; proposalId: string } }> };
  }>(
    subgraph,
    admin(),
    'query($c: ID!) { competitionConflicts(competitionId: $c, first: 100) { edges { node { id proposalId } } } }',
    { c: records.competition },
  );
  return (
    conflicts.competitionConflicts.edges.find((edge) => edge.node.proposalId === proposalId)?.node.id ?? ''
  );
}

const PAGE = '{ totalCount }';

/**
 * Every proposals operation × every role, against records `owner` owns (their proposals, invitations they sent,
 * conflicts they named) in a competition the admin runs. Destructive operations get a fresh record per cell.
 * A new operation fails the build until it has a row here.
 */
const RULES: Record<string, OperationRule> = {
  competitions: { document: `{ competitions(first: 5) ${PAGE} }`, expect: SIGNED_IN_ONLY },
  competition: {
    document: 'query($id: ID!) { competition(id: $id) { id } }',
    variables: () => ({ id: records.competition }),
    expect: SIGNED_IN_ONLY,
  },
  competitionRanking: {
    document: 'query($id: ID!) { competitionRanking(competitionId: $id) { published } }',
    variables: () => ({ id: records.competition }),
    // provisional while judging: admins only
    expect: { anonymous: 'UNAUTHENTICATED', admin: 'allowed', others: 'FORBIDDEN' },
  },
  myProposals: { document: `{ myProposals(first: 5) ${PAGE} }`, expect: SIGNED_IN_ONLY },
  proposal: {
    document: 'query($id: ID!) { proposal(id: $id) { id title } }',
    variables: () => ({ id: records.ownerSubmitted }),
    expect: { ...OWNER_ONLY, admin: 'allowed' },
  },
  competitionEntries: {
    document: `query($c: ID!) { competitionEntries(competitionId: $c, first: 5) ${PAGE} }`,
    variables: () => ({ c: records.competition }),
    expect: ADMIN_ONLY,
  },
  myTeamInvitations: { document: `{ myTeamInvitations(first: 5) ${PAGE} }`, expect: SIGNED_IN_ONLY },
  competitionJudges: {
    document: `query($c: ID!) { competitionJudges(competitionId: $c, first: 5) ${PAGE} }`,
    variables: () => ({ c: records.competition }),
    expect: ADMIN_ONLY,
  },
  competitionConflicts: {
    document: `query($c: ID!) { competitionConflicts(competitionId: $c, first: 5) ${PAGE} }`,
    variables: () => ({ c: records.competition }),
    expect: ADMIN_ONLY,
  },
  competitionAssignments: {
    document: `query($c: ID!) { competitionAssignments(competitionId: $c, first: 5) ${PAGE} }`,
    variables: () => ({ c: records.competition }),
    expect: ADMIN_ONLY,
  },
  myAssignments: {
    document: `query($c: ID) { myAssignments(competitionId: $c, first: 5) ${PAGE} }`,
    variables: () => ({ c: records.competition }),
    expect: { anonymous: 'UNAUTHENTICATED', judge: 'allowed', others: 'FORBIDDEN' },
  },
  assignedProposal: {
    document: 'query($p: ID!) { assignedProposal(proposalId: $p) { title } }',
    variables: () => ({ p: records.ownerSubmitted }),
    // nobody is assigned to the owner's entry: not even its judge-to-be reads it
    expect: { anonymous: 'UNAUTHENTICATED', others: 'FORBIDDEN' },
  },
  judgingAuditLog: {
    document: `query($c: ID!) { judgingAuditLog(competitionId: $c, first: 5) ${PAGE} }`,
    variables: () => ({ c: records.competition }),
    expect: ADMIN_ONLY,
  },
  createCompetition: {
    document: 'mutation($input: CreateCompetitionInput!) { createCompetition(input: $input) { id } }',
    variables: () => ({ input: competitionInput() }),
    expect: ADMIN_ONLY,
  },
  updateCompetitionDates: {
    document: `mutation($id: ID!, $input: CompetitionDatesInput!) { updateCompetitionDates(id: $id, input: $input) { id } }`,
    variables: async () => {
      const { opensAt, closesAt, judgingEndsAt } = competitionInput();
      return { id: await newCompetition(false), input: { opensAt, closesAt, judgingEndsAt } };
    },
    expect: ADMIN_ONLY,
  },
  openCompetition: {
    document: 'mutation($id: ID!) { openCompetition(id: $id) { phase } }',
    variables: async () => ({ id: await newCompetition(false) }),
    expect: ADMIN_ONLY,
  },
  startJudging: {
    document: 'mutation($id: ID!) { startJudging(id: $id) { phase } }',
    variables: async () => ({ id: await newCompetition(true) }),
    // let through, then refused: submissions are still open
    expect: ADMIN_ONLY_NOT_NOW,
  },
  publishResults: {
    document: 'mutation($id: ID!) { publishResults(competitionId: $id) { phase } }',
    variables: () => ({ id: records.competition }),
    expect: ADMIN_ONLY_NOT_NOW,
  },
  cancelCompetition: {
    document: 'mutation($id: ID!) { cancelCompetition(id: $id) { phase } }',
    variables: async () => ({ id: await newCompetition(true) }),
    expect: ADMIN_ONLY,
  },
  saveProposalDraft: {
    document: 'mutation($input: SaveProposalDraftInput!) { saveProposalDraft(input: $input) { id } }',
    // an edit of the owner's draft that names every caller on the team: wanting to be on a team is no right
    // to edit its draft
    variables: async () => ({
      input: {
        id: await ownerDraft(),
        competitionId: records.competition,
        title: 'Rewritten by someone',
        leadApplicantId: ids.owner,
        teamMemberIds: Object.values(ids),
      },
    }),
    expect: OWNER_ONLY,
  },
  submitProposal: {
    document: 'mutation($id: ID!) { submitProposal(id: $id) { status } }',
    variables: async () => ({ id: await ownerDraft() }),
    expect: OWNER_ONLY,
  },
  withdrawProposal: {
    document: 'mutation($id: ID!) { withdrawProposal(id: $id) { status } }',
    variables: async () => ({ id: await ownerSubmitted() }),
    expect: OWNER_ONLY,
  },
  inviteTeamMember: {
    document: 'mutation($p: ID!, $m: ID!) { inviteTeamMember(proposalId: $p, memberId: $m) { status } }',
    variables: async () => ({ p: await ownerDraft(), m: ids.mentor }),
    expect: OWNER_ONLY,
  },
  acceptTeamInvitation: {
    document: 'mutation($p: ID!) { acceptTeamInvitation(proposalId: $p) { status } }',
    variables: async () => ({ p: await invitationToOtherMember() }),
    // only the invitee holds an invitation; to anyone else there is none; the lead is on the team already
    expect: { anonymous: 'UNAUTHENTICATED', otherMember: 'allowed', owner: 'CONFLICT', others: 'NOT_FOUND' },
  },
  declineTeamInvitation: {
    document: 'mutation($p: ID!) { declineTeamInvitation(proposalId: $p) { status } }',
    variables: async () => ({ p: await invitationToOtherMember() }),
    expect: { anonymous: 'UNAUTHENTICATED', otherMember: 'allowed', owner: 'CONFLICT', others: 'NOT_FOUND' },
  },
  addJudge: {
    document: 'mutation($c: ID!, $m: ID!) { addJudge(competitionId: $c, memberId: $m) { competitionId } }',
    variables: async () => ({ c: await newCompetition(true), m: ids.judge }),
    expect: ADMIN_ONLY,
  },
  declareConflict: {
    document: 'mutation($p: ID!) { declareConflict(proposalId: $p, reason: "I know the team") { kind } }',
    variables: async () => ({ p: await ownerSubmitted() }),
    // a judge of the competition may declare one on any entry; nobody else is a judge there
    expect: { anonymous: 'UNAUTHENTICATED', judge: 'allowed', others: 'FORBIDDEN' },
  },
  reviewNamedConflict: {
    document: `mutation($id: ID!) { reviewNamedConflict(conflictId: $id, decision: OVERRULE, reason: "no link found") { id } }`,
    variables: async () => ({ id: await namedConflict() }),
    expect: ADMIN_ONLY,
  },
  assignJudges: {
    document: 'mutation($c: ID!) { assignJudges(competitionId: $c) { keptStarted } }',
    variables: () => ({ c: records.competition }),
    // assignment follows the close of submissions
    expect: ADMIN_ONLY_NOT_NOW,
  },
  assignJudge: {
    document: 'mutation($p: ID!, $j: ID!) { assignJudge(proposalId: $p, judgeId: $j) { proposalId } }',
    variables: () => ({ p: records.ownerSubmitted, j: ids.judge }),
    expect: ADMIN_ONLY_NOT_NOW,
  },
  unassignJudge: {
    document: 'mutation($p: ID!, $j: ID!) { unassignJudge(proposalId: $p, judgeId: $j) }',
    variables: () => ({ p: records.ownerSubmitted, j: ids.judge }),
    expect: ADMIN_ONLY_NOT_NOW,
  },
  submitScores: {
    document: 'mutation($input: SubmitScoresInput!) { submitScores(input: $input) { proposalId } }',
    variables: () => ({
      input: { proposalId: records.ownerSubmitted, scores: [{ criterionId: records.criterion, value: 5 }] },
    }),
    // only a judge assigned to the entry scores it, and nobody is
    expect: { anonymous: 'UNAUTHENTICATED', others: 'FORBIDDEN' },
  },
};

describeAuthorisationMatrix({
  service: 'proposals',
  caller,
  rules: RULES,
  async setUp() {
    subgraph = await startSubgraphHarness({
      name: 'proposals_matrix',
      database: proposalsDatabase,
      feature: () => ProposalsFeatureModule.forRoot({ namedConflictsMax: 3, defaultCurrency: 'GBP' }),
    });
    // everyone is at an institution of their own, so no conflict of interest comes from a shared one
    await seedMatrixCallers(subgraph.dataSource, callers);
    records.competition = await newCompetition(true);
    const competition = await executeOk<{ competition: { criteria: Array<{ id: string }> } }>(
      subgraph,
      admin(),
      'query($id: ID!) { competition(id: $id) { criteria { id } } }',
      { id: records.competition },
    );
    records.criterion = competition.competition.criteria[0].id;
    await executeOk(
      subgraph,
      admin(),
      'mutation($c: ID!, $m: ID!) { addJudge(competitionId: $c, memberId: $m) { competitionId } }',
      {
        c: records.competition,
        m: ids.judge,
      },
    );
    records.ownerSubmitted = await ownerSubmitted();
    return subgraph;
  },
});
