import { randomUUID } from 'node:crypto';
import { engagementDatabase } from '@praxis/engagement/data-access';
import {
  describeAuthorisationMatrix,
  MATRIX_ROLES,
  matrixCaller,
  seedMatrixCallers,
  startSubgraphHarness,
  type Caller,
  type OperationRule,
  type Outcome,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { EngagementFeatureModule } from './engagement-feature.module';
import { projectionHandlers } from './projections';
import { projectionKit } from './engagement.test-kit';

/**
 * Engagement's records are institutions' figures and members' records. `owner` and `otherMember` are members of
 * institution A, whose lead is `leadOfOwnInstitution`; `leadOfAnotherInstitution` leads institution B, which has a
 * member of its own. Every caller is in the replica with the roles its token claims (the replica decides).
 */
const ROLES = [...MATRIX_ROLES, 'leadOfOwnInstitution'] as const;
type Role = (typeof ROLES)[number];

const ids = Object.fromEntries(ROLES.map((role) => [role, randomUUID()])) as Record<Role, string>;
const institutionA = randomUUID();
const institutionB = randomUUID();
const memberOfB = randomUUID();

function caller(role: Role): Caller {
  if (role === 'leadOfOwnInstitution')
    return { memberId: ids[role], roles: [{ role: 'lead', institutionId: institutionA }] };
  return matrixCaller(role, ids, institutionB);
}

type Expectation = Partial<Record<Role, Outcome>> & { others: Outcome };

/** One operation against one record: the variables that name it and what each role gets. */
type RecordRule = OperationRule<Role> & { expect: Expectation };

/** A's figures: its lead and admins; B's lead and every member refused. */
const A_FIGURES: Expectation = {
  anonymous: 'UNAUTHENTICATED',
  leadOfOwnInstitution: 'allowed',
  admin: 'allowed',
  others: 'FORBIDDEN',
};
/** B's figures: B's lead and admins; A's lead refused. */
const B_FIGURES: Expectation = {
  anonymous: 'UNAUTHENTICATED',
  leadOfAnotherInstitution: 'allowed',
  admin: 'allowed',
  others: 'FORBIDDEN',
};
/** The whole network: admins only, whatever institution a lead leads. */
const NETWORK: Expectation = { anonymous: 'UNAUTHENTICATED', admin: 'allowed', others: 'FORBIDDEN' };

const PERIOD = { from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z' };

/**
 * A metric operation for each scope: institution A's figures, institution B's and the network's (no institution).
 */
function metricRules(document: string, input: Record<string, unknown>): Record<string, RecordRule> {
  const scoped = (institutionId: string | undefined, expect: Expectation): RecordRule => ({
    document,
    variables: () => ({ input: { ...PERIOD, ...input, ...(institutionId ? { institutionId } : {}) } }),
    expect,
  });
  return {
    "institution A's figures": scoped(institutionA, A_FIGURES),
    "institution B's figures": scoped(institutionB, B_FIGURES),
    'the network': scoped(undefined, NETWORK),
  };
}

const RECORD =
  'query($id: ID!) { memberEngagementRecord(memberId: $id) { memberId activities(first: 5) { edges { node { activity } } } } }';

/** Every engagement operation in the committed supergraph, per record it can be asked about. */
const RULES: Record<string, Record<string, RecordRule>> = {
  engagementFunnel: metricRules(
    'query($input: EngagementFunnelInput!) { engagementFunnel(input: $input) { __typename } }',
    { granularity: 'QUARTER' },
  ),
  engagementOverview: metricRules(
    'query($input: EngagementOverviewInput!) { engagementOverview(input: $input) { __typename } }',
    {},
  ),
  engagementProgrammes: metricRules(
    'query($input: EngagementMetricsInput!) { engagementProgrammes(input: $input) { __typename } }',
    { granularity: 'QUARTER' },
  ),
  engagementFunding: metricRules(
    'query($input: EngagementMetricsInput!) { engagementFunding(input: $input) { __typename } }',
    { granularity: 'QUARTER' },
  ),
  engagementExport: metricRules(
    'query($input: EngagementExportInput!) { engagementExport(input: $input) { filename } }',
    { granularity: 'QUARTER', table: 'FUNNEL' },
  ),
  memberEngagementRecord: {
    // the member, their institution's lead and admins; anyone else cannot tell it from a missing record
    "owner's record (institution A)": {
      document: RECORD,
      variables: () => ({ id: ids.owner }),
      expect: {
        anonymous: 'UNAUTHENTICATED',
        owner: 'allowed',
        leadOfOwnInstitution: 'allowed',
        admin: 'allowed',
        others: 'NOT_FOUND',
      },
    },
    "a member of institution B's record": {
      document: RECORD,
      variables: () => ({ id: memberOfB }),
      expect: {
        anonymous: 'UNAUTHENTICATED',
        leadOfAnotherInstitution: 'allowed',
        admin: 'allowed',
        others: 'NOT_FOUND',
      },
    },
  },
};

let subgraph: SubgraphHarness;
const { register } = projectionKit(
  () => subgraph.dataSource,
  () => projectionHandlers(null),
);

describeAuthorisationMatrix<Role>({
  service: 'engagement',
  roles: ROLES,
  caller,
  rulesPerRecord: RULES,
  async setUp() {
    subgraph = await startSubgraphHarness({
      name: 'engagement_matrix',
      database: engagementDatabase,
      feature: () => EngagementFeatureModule.forRoot({ suppressionThreshold: 5, demographicsKey: null }),
    });
    await seedMatrixCallers(
      subgraph.dataSource,
      { roles: ROLES, ids, otherInstitution: institutionB, caller },
      { institutionOf: (role) => (role === 'leadOfAnotherInstitution' ? institutionB : institutionA) },
    );
    // the records: members of A and of B as engagement's projections know them
    for (const memberId of [ids.owner, ids.otherMember])
      await register(memberId, institutionA, 'RESIDENT', '2026-01-10T09:00:00Z');
    await register(memberOfB, institutionB, 'CONSULTANT', '2026-01-15T09:00:00Z');
    return subgraph;
  },
});
