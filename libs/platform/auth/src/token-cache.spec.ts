import { generateSigningKeys, TokenIssuer, TokenVerifier } from './tokens';

async function setup() {
  const keys = await generateSigningKeys();
  const issuer = await TokenIssuer.fromJwk(keys.privateJwk, {
    issuer: 'praxis',
    audience: 'praxis',
    ttlSeconds: 60,
    rolesClaim: 'praxis_roles',
  });
  const verifier = new TokenVerifier({
    AUTH_ISSUER: 'praxis',
    AUTH_AUDIENCE: 'praxis',
    AUTH_JWKS: JSON.stringify(keys.publicJwks),
    AUTH_ROLES_CLAIM: 'praxis_roles',
  });
  return { issuer, verifier };
}

describe('verified-token cache', () => {
  afterEach(() => jest.useRealTimers());

  function countChecks(verifier: TokenVerifier) {
    return jest.spyOn(
      verifier as unknown as { verifyUncached: (token: string) => Promise<unknown> },
      'verifyUncached',
    );
  }

  it('checks a token once, then answers it from memory with a principal no caller can change', async () => {
    const { issuer, verifier } = await setup();
    const checks = countChecks(verifier);
    const token = await issuer.issue({ memberId: 'm-1', roles: [{ role: 'judge', institutionId: null }] });
    const first = await verifier.verify(token);
    const second = await verifier.verify(token);
    expect(second).toEqual({
      memberId: 'm-1',
      roles: [{ role: 'judge', institutionId: null }],
      issuedAt: expect.any(Number),
    });
    expect(second).toBe(first);
    expect(checks).toHaveBeenCalledTimes(1);
    expect(() => first.roles.push({ role: 'admin', institutionId: null })).toThrow(TypeError);
    expect(Object.isFrozen(first.roles[0])).toBe(true);
  });

  it('stops answering a remembered token when it expires', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const { issuer, verifier } = await setup();
    const token = await issuer.issue({ memberId: 'm-1', roles: [] }); // ttl 60 s
    await verifier.verify(token);
    jest.setSystemTime(Date.now() + 70000); // past exp and the 5 s clock tolerance
    await expect(verifier.verify(token)).rejects.toThrow(/exp/);
  });

  it('never remembers a failure: a forged twin of a remembered token is checked and refused', async () => {
    const { issuer, verifier } = await setup();
    const checks = countChecks(verifier);
    const token = await issuer.issue({ memberId: 'm-1', roles: [] });
    await verifier.verify(token);
    const [h, p, sig] = token.split('.');
    const forged = `${h}.${p}.${sig.slice(0, -4)}AAAA`;
    await expect(verifier.verify(forged)).rejects.toThrow();
    await expect(verifier.verify(forged)).rejects.toThrow();
    expect(checks).toHaveBeenCalledTimes(3);
  });
});
