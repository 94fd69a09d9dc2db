import { ADMIN, gql, gqlOk, startPlatform, type StartedPlatform } from './support/platform';
import { waitFor } from '@praxis/platform/testing';

const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const ME = `query { me { id } }`;
const RECORD = `query R($id: ID!) { memberEngagementRecord(memberId: $id) { memberId careerStage registeredAt } }`;
const FUNNEL = `query F($input: EngagementFunnelInput!) {
  engagementFunnel(input: $input) { suppressionThreshold buckets { label steps { step count suppressed } } }
}`;

/** engagement under `npm start`, through the gateway: membership's events projected, the funnel answered. Lean on purpose. */
describe('engagement through the gateway', () => {
  let platform: StartedPlatform;
  let adminToken: string;

  beforeAll(async () => {
    platform = await startPlatform();
    adminToken = (await gqlOk<{ login: { token: string } }>(LOGIN, ADMIN)).login.token;
  });

  afterAll(async () => {
    const code = await platform?.stop();
    expect(code).toBe(0);
  });

  it('projects the registered admin and answers the network funnel with small counts suppressed', async () => {
    const funnelInput = {
      input: { from: '2020-01-01T00:00:00Z', to: '2040-01-01T00:00:00Z', granularity: 'YEAR' },
    };
    expect((await gql(FUNNEL, funnelInput))?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const adminId = (await gqlOk<{ me: { id: string } }>(ME, {}, adminToken)).me.id;
    await waitFor(async () => (await gql(RECORD, { id: adminId }, adminToken))?.errors === undefined, {
      timeoutMs: 30000,
      intervalMs: 200,
      description: "the admin's registration projected by engagement",
    });
    const funnel = await gqlOk<{
      engagementFunnel: {
        suppressionThreshold: number;
        buckets: Array<{
          label: string;
          steps: Array<{ step: string; count: number | null; suppressed: boolean }>;
        }>;
      };
    }>(FUNNEL, funnelInput, adminToken);
    expect(funnel.engagementFunnel.suppressionThreshold).toBe(5);
    const now = String(new Date().getUTCFullYear());
    const members = funnel.engagementFunnel.buckets
      .find((bucket) => bucket.label === now)
      ?.steps.find((step) => step.step === 'MEMBERS');
    // one member so far: fewer than five, so the count does not leave the service
    expect(members).toEqual({ step: 'MEMBERS', count: null, suppressed: true });
  });
});
