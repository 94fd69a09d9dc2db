import { randomUUID } from 'node:crypto';
import { proposalsDatabase } from '@praxis/proposals/data-access';
import {
  declaredCells,
  matrixCaller,
  plausibleOperation,
  startSubgraphHarness,
  supergraphOperations,
  undeclaredOperations,
  type AccessDeclaration,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { ProposalsFeatureModule } from './proposals-feature.module';

/** Who may call each proposals operation; a new operation fails the build until it is declared here. */
const ACCESS: AccessDeclaration = {
  public: [],
  signedIn: [
    'competitions',
    'competition',
    'competitionRanking',
    'saveProposalDraft',
    'submitProposal',
    'withdrawProposal',
    'myProposals',
    'proposal',
    'declareConflict',
    'myAssignments',
    'assignedProposal',
    'submitScores',
    'inviteTeamMember',
    'acceptTeamInvitation',
    'declineTeamInvitation',
    'myTeamInvitations',
  ],
  adminOnly: [
    'createCompetition',
    'updateCompetitionDates',
    'openCompetition',
    'startJudging',
    'publishResults',
    'cancelCompetition',
    'competitionEntries',
    'addJudge',
    'competitionJudges',
    'competitionConflicts',
    'reviewNamedConflict',
    'assignJudges',
    'assignJudge',
    'unassignJudge',
    'competitionAssignments',
    'judgingAuditLog',
  ],
};

describe('proposals authorisation matrix (operations from the committed supergraph)', () => {
  let subgraph: SubgraphHarness;
  const otherInstitution = randomUUID();

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'proposals_matrix',
      database: proposalsDatabase,
      feature: () => ProposalsFeatureModule.forRoot({ namedConflictsMax: 3, defaultCurrency: 'GBP' }),
    });
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('declares a rule for every Query and Mutation field proposals owns in the supergraph', () => {
    expect(undeclaredOperations(ACCESS, supergraphOperations('PROPOSALS'))).toEqual([]);
  });

  it.each(declaredCells(ACCESS))('%s as %s: %s', async (operation, role, outcome) => {
    const { document, variables } = plausibleOperation(subgraph.schema, operation);
    const result = await subgraph.execute(matrixCaller(role, {}, otherInstitution), document, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe(outcome);
  });

  it.each(ACCESS.adminOnly)('%s as admin: not refused for the role', async (operation) => {
    const { document, variables } = plausibleOperation(subgraph.schema, operation);
    const result = await subgraph.execute(matrixCaller('admin', {}, otherInstitution), document, variables);
    const code = result.errors?.[0]?.extensions?.code;
    expect(['FORBIDDEN', 'UNAUTHENTICATED', 'INTERNAL_SERVER_ERROR']).not.toContain(code);
  });
});
