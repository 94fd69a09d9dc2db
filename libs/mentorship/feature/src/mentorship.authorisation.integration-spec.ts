import { randomUUID } from 'node:crypto';
import { mentorshipDatabase } from '@praxis/mentorship/data-access';
import { loadConfig } from '@praxis/platform/config';
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
import { MentorshipFeatureModule } from './mentorship-feature.module';
import { matchWeightsEnvShape, mentorshipOptionsFromEnv } from './mentorship.options';

/** Who may call each mentorship operation; a new operation fails the build until it is declared here. */
const ACCESS: AccessDeclaration = {
  public: [],
  signedIn: [
    'createMastermindGroup',
    'mastermindGroup',
    'myMastermindGroups',
    'mastermindSessions',
    'recordMastermindSession',
    'rateSession',
    'reportNextStepDone',
    'createCoachingWorkshop',
    'coachingWorkshop',
    'upcomingCoachingWorkshops',
    'enrolInWorkshop',
    'withdrawFromWorkshop',
    'markWorkshopHeld',
    'setActionPlan',
    'actionPlan',
    'requestCvReview',
    'requestFollowUp',
    'respondToCoachingRequest',
    'coachingRequests',
    'upsertMentorProfile',
    'upsertMenteeProfile',
    'myMentorProfile',
    'myMenteeProfile',
    'mentorSuggestions',
    'requestMentor',
    'respondToRequest',
    'endRelationship',
    'setAgreement',
    'agreeToAgreement',
    'logCheckIn',
    'giveFeedback',
    'myRelationships',
    'relationship',
  ],
  adminOnly: [
    'runMatching',
    'editMatchProposal',
    'approveMatchRun',
    'matchRun',
    'supervisionProposals',
    'confirmSupervision',
    'mentorshipOverview',
    'relationshipStats',
  ],
};

describe('mentorship authorisation matrix (operations from the committed supergraph)', () => {
  let subgraph: SubgraphHarness;
  const otherInstitution = randomUUID();

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'mentorship_matrix',
      database: mentorshipDatabase,
      feature: () =>
        MentorshipFeatureModule.forRoot(mentorshipOptionsFromEnv(loadConfig(matchWeightsEnvShape, {}))),
    });
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('declares a rule for every Query and Mutation field mentorship owns in the supergraph', () => {
    expect(undeclaredOperations(ACCESS, supergraphOperations('MENTORSHIP'))).toEqual([]);
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
