import { startSubgraphHarness, type SubgraphHarness } from '@praxis/platform/testing';
import { membershipDatabase } from '@praxis/membership/data-access';
import { membershipFeatureForTests } from '../membership-feature.test-module';

const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const RESET = `mutation { resetPassword(input: { token: "not-a-reset-token-at-all-0000", newPassword: "a long passphrase 9" }) }`;

/**
 * Password reset is limited per client address and per account (the system tests cover sign-in and registration
 * limits); a throttled request is refused before any lookup, token check or delivery, saying when to retry.
 * In-process every request comes from one address.
 */
describe('password reset throttling', () => {
  let subgraph: SubgraphHarness;

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'membership_reset_throttle',
      database: membershipDatabase,
      feature: (issuer) =>
        membershipFeatureForTests(issuer, { resetPerAddressPerHour: 5, resetPerAccountPerHour: 2 }),
    });
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  const outcome = async (document: string, variables?: Record<string, unknown>) => {
    const result = await subgraph.execute(null, document, variables);
    const error = result.errors?.[0];
    if (!error) return 'OK';
    return `${String(error.extensions?.code)} ${error.message.replace(/\d+ s$/, 'N s')}`;
  };

  it('refuses a third reset request for one account within the hour, and then any from the same address', async () => {
    expect(await outcome(REQUEST, { e: 'ana@example.org' })).toBe('OK');
    expect(await outcome(REQUEST, { e: 'ANA@example.org' })).toBe('OK');
    const third = await subgraph.execute(null, REQUEST, { e: 'ana@example.org' });
    expect(third.errors?.[0]?.extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: expect.any(Number),
    });
    expect(third.errors?.[0]?.message).toMatch(
      /password reset requests for this address; try again in \d+ s/,
    );
    // another account still has its own budget, until the address has used all of its own
    expect(await outcome(REQUEST, { e: 'ben@example.org' })).toBe('OK');
    expect(await outcome(REQUEST, { e: 'cy@example.org' })).toBe('OK');
    expect(await outcome(REQUEST, { e: 'dee@example.org' })).toBe(
      'TOO_MANY_REQUESTS too many password reset attempts from your address; try again in N s',
    );
    // using a reset token counts against the same address budget, before the token is looked at
    expect(await outcome(RESET)).toBe(
      'TOO_MANY_REQUESTS too many password reset attempts from your address; try again in N s',
    );
  });
});
