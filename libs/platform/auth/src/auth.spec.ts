import { generateSigningKeys, TokenIssuer, TokenVerifier } from './tokens';
import { hashPassword, passwordProblems, verifyPassword } from './password';
import { isLeadOf } from './principal';

describe('passwords', () => {
  it('hashes with scrypt, verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse 42');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('correct horse');
    await expect(verifyPassword('correct horse 42', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse 43', hash)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password 1')).not.toBe(await hashPassword('same password 1'));
  });

  it('states the rule for weak passwords', () => {
    expect(passwordProblems('short1')).toMatch(/12 to 128 characters/);
    expect(passwordProblems('no digits at all here')).toMatch(/one digit/);
    expect(passwordProblems('twelve chars 1')).toBeNull();
  });
});

describe('tokens', () => {
  const config = { issuer: 'praxis', audience: 'praxis', ttlSeconds: 60, rolesClaim: 'praxis_roles' };

  async function setup() {
    const keys = await generateSigningKeys();
    const issuer = await TokenIssuer.fromJwk(keys.privateJwk, config);
    const verifier = new TokenVerifier({
      AUTH_ISSUER: 'praxis',
      AUTH_AUDIENCE: 'praxis',
      AUTH_JWKS: JSON.stringify(keys.publicJwks),
      AUTH_ROLES_CLAIM: 'praxis_roles',
    });
    return { issuer, verifier, keys };
  }

  it('round-trips the principal with scoped roles', async () => {
    const { issuer, verifier } = await setup();
    const principal = { memberId: 'm-1', roles: [{ role: 'lead' as const, institutionId: 'inst-1' }] };
    const verified = await verifier.verify(await issuer.issue(principal));
    expect(verified).toEqual(principal);
    expect(isLeadOf(verified, 'inst-1')).toBe(true);
    expect(isLeadOf(verified, 'inst-2')).toBe(false);
  });

  it('rejects a token signed by another key, a tampered token and a wrong audience', async () => {
    const { verifier } = await setup();
    const other = await setup();
    const foreign = await other.issuer.issue({ memberId: 'm-1', roles: [] });
    await expect(verifier.verify(foreign)).rejects.toThrow();

    const { issuer } = await setup().then(async (s) => ({ issuer: s.issuer, verifier: s.verifier }));
    const [h, p, s] = (await issuer.issue({ memberId: 'm-1', roles: [] })).split('.');
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(p, 'base64url').toString()),
        praxis_roles: [{ role: 'admin', institutionId: null }],
      }),
    ).toString('base64url');
    await expect(verifier.verify([h, forged, s].join('.'))).rejects.toThrow();

    const wrongAudience = await TokenIssuer.fromJwk(other.keys.privateJwk, {
      ...config,
      audience: 'elsewhere',
    });
    await expect(
      other.verifier.verify(await wrongAudience.issue({ memberId: 'm', roles: [] })),
    ).rejects.toThrow(/aud/);
  });

  it('rejects an expired token', async () => {
    const { keys, verifier } = await setup();
    const shortLived = await TokenIssuer.fromJwk(keys.privateJwk, { ...config, ttlSeconds: -60 });
    await expect(verifier.verify(await shortLived.issue({ memberId: 'm', roles: [] }))).rejects.toThrow(
      /exp/,
    );
  });
});
