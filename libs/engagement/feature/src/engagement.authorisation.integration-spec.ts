import { randomUUID } from 'node:crypto';
import { engagementDatabase } from '@praxis/engagement/data-access';
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
import { EngagementFeatureModule } from './engagement-feature.module';

/**
 * Who may call each engagement operation; a new operation fails the build until it is declared here. Both are
 * open to signed-in callers at the role level and decide per record (engagement.integration-spec.ts): the funnel
 * for a lead of that institution or an admin, the record for the member, their lead or an admin.
 */
const ACCESS: AccessDeclaration = {
  public: [],
  signedIn: [
    'engagementFunnel',
    'engagementOverview',
    'engagementProgrammes',
    'engagementFunding',
    'engagementExport',
    'memberEngagementRecord',
  ],
  adminOnly: [],
};

describe('engagement authorisation matrix (operations from the committed supergraph)', () => {
  let subgraph: SubgraphHarness;
  const otherInstitution = randomUUID();

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'engagement_matrix',
      database: engagementDatabase,
      feature: () => EngagementFeatureModule.forRoot({ suppressionThreshold: 5, demographicsKey: null }),
    });
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('declares a rule for every Query and Mutation field engagement owns in the supergraph', () => {
    expect(undeclaredOperations(ACCESS, supergraphOperations('ENGAGEMENT'))).toEqual([]);
  });

  it.each(declaredCells(ACCESS))('%s as %s: %s', async (operation, role, outcome) => {
    const { document, variables } = plausibleOperation(subgraph.schema, operation);
    const result = await subgraph.execute(matrixCaller(role, {}, otherInstitution), document, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe(outcome);
  });
});
