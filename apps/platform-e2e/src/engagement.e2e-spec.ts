import { adminSession, gql, gqlOk } from './support/platform';
import { waitFor } from '@praxis/platform/testing';

const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { token member { id } } }`;
const CREATE_INSTITUTION = `mutation C($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`;
const RECORD = `query R($id: ID!) { memberEngagementRecord(memberId: $id) { memberId careerStage registeredAt } }`;
const FUNNEL = `query F($input: EngagementFunnelInput!) {
  engagementFunnel(input: $input) { suppressionThreshold buckets { label steps { step count suppressed } } }
}`;

interface Funnel {
  engagementFunnel: {
    suppressionThreshold: number;
    buckets: Array<{
      label: string;
      steps: Array<{ step: string; count: number | null; suppressed: boolean }>;
    }>;
  };
}

/**
 * engagement under `npm start`, through the gateway: membership's events projected, the funnel answered. The
 * platform is the run's shared one, so engagement also projects members other suites registered; the test
 * therefore counts inside an institution of its own. Lean on purpose.
 */
describe('engagement through the gateway', () => {
  // signs in again before the token expires: a suite can outlast the 5 minutes one token lives
  const adminToken = adminSession();

  async function register(institutionId: string, n: number): Promise<string> {
    const result = await gqlOk<{ register: { member: { id: string } } }>(REGISTER, {
      input: {
        email: `engagement.${n}.${Date.now()}@example.ac.uk`,
        password: 'a long enough passphrase 7',
        displayName: `Member ${n}`,
        careerStage: 'MEDICAL_STUDENT',
        institutionId,
        specialty: null,
        interests: [],
      },
    });
    return result.register.member.id;
  }

  async function projected(memberId: string): Promise<void> {
    await waitFor(async () => (await gql(RECORD, { id: memberId }, adminToken))?.errors === undefined, {
      timeoutMs: 30000,
      intervalMs: 200,
      description: `member ${memberId}'s registration projected by engagement`,
    });
  }

  async function members(institutionId: string) {
    const funnel = await gqlOk<Funnel>(
      FUNNEL,
      {
        input: {
          institutionId,
          from: '2020-01-01T00:00:00Z',
          to: '2040-01-01T00:00:00Z',
          granularity: 'YEAR',
        },
      },
      adminToken,
    );
    expect(funnel.engagementFunnel.suppressionThreshold).toBe(5);
    const now = String(new Date().getUTCFullYear());
    return funnel.engagementFunnel.buckets
      .find((bucket) => bucket.label === now)
      ?.steps.find((step) => step.step === 'MEMBERS');
  }

  it('projects registrations and suppresses an institution count until it reaches the threshold', async () => {
    const input = {
      input: { from: '2020-01-01T00:00:00Z', to: '2040-01-01T00:00:00Z', granularity: 'YEAR' },
    };
    expect((await gql(FUNNEL, input))?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const institutionId = (
      await gqlOk<{ createInstitution: { id: string } }>(
        CREATE_INSTITUTION,
        { input: { name: `Engagement University ${Date.now()}`, country: 'GB' } },
        adminToken,
      )
    ).createInstitution.id;

    await projected(await register(institutionId, 1));
    // one member: fewer than five, so the count does not leave the service
    expect(await members(institutionId)).toEqual({ step: 'MEMBERS', count: null, suppressed: true });

    for (let n = 2; n <= 5; n += 1) await projected(await register(institutionId, n));
    expect(await members(institutionId)).toEqual({ step: 'MEMBERS', count: 5, suppressed: false });
  });
});
