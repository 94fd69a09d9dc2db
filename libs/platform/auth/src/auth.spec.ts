import { generateSigningKeys, TokenIssuer, TokenVerifier } from './tokens';
import {
  hashPassword,
  passwordHashLoad,
  passwordProblem,
  setPasswordHashConcurrency,
  verifyPassword,
} from './password';
import { isLeadOf, withReplicaRoles } from './principal';

describe('passwords', () => {
  // scrypt with 32 MiB per hash is slow on a loaded machine
  jest.setTimeout(30000);

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

  it('states the rule for short or letter-only passwords', () => {
    expect(passwordProblem('short1')).toMatchObject({ rule: 'passwordLength', message: /12 to 128/ });
    expect(passwordProblem('no digits at all here')).toMatchObject({ message: /one digit/ });
    expect(passwordProblem('twelve chars 1')).toBeNull();
  });

  it('refuses common and breached patterns that pass the length rule, naming the rule', () => {
    for (const weak of ['password1234', 'qwertyuiop12', 'letmein12345', 'iloveyou2024']) {
      expect(passwordProblem(weak)).toMatchObject({ rule: 'passwordStrength', message: /too easy to guess/ });
    }
    expect(passwordProblem('a long enough passphrase 7')).toBeNull();
  });

  it("refuses a password made of the member's own details", () => {
    expect(passwordProblem('ada lovelace 1815', ['ada.lovelace@example.org', 'Ada Lovelace'])).toMatchObject({
      rule: 'passwordStrength',
    });
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
    expect(verified).toEqual({ ...principal, issuedAt: expect.any(Number) });
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

describe('roles from a replica', () => {
  const judge = { role: 'judge' as const, institutionId: null };
  const changedAt = new Date('2026-01-01T12:00:00.000Z');
  const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

  it('lets the replica decide for a token issued before its last change (a revocation)', () => {
    const principal = { memberId: 'm', roles: [judge], issuedAt: at('2026-01-01T11:59:00Z') };
    expect(withReplicaRoles(principal, { roles: [], changedAt }).roles).toEqual([]);
  });

  it('keeps the roles of a token issued after the replica last changed (a grant on its way)', () => {
    const principal = { memberId: 'm', roles: [judge], issuedAt: at('2026-01-01T12:00:01Z') };
    expect(withReplicaRoles(principal, { roles: [], changedAt }).roles).toEqual([judge]);
  });

  it('lets the replica decide within the same second and for tokens without an issue time', () => {
    const sameSecond = { memberId: 'm', roles: [judge], issuedAt: at('2026-01-01T12:00:00Z') };
    expect(withReplicaRoles(sameSecond, { roles: [], changedAt }).roles).toEqual([]);
    expect(withReplicaRoles({ memberId: 'm', roles: [judge] }, { roles: [], changedAt }).roles).toEqual([]);
    expect(withReplicaRoles({ memberId: 'm', roles: [judge] }, null).roles).toEqual([judge]);
  });
});

describe('password hashing under load', () => {
  jest.setTimeout(60000);

  it('runs at most the configured number of hashes at once and queues the rest', async () => {
    setPasswordHashConcurrency(1);
    try {
      const stored = await hashPassword('one at a time 1');
      const burst = Promise.all(Array.from({ length: 4 }, (_, i) => verifyPassword(`wrong ${i}`, stored)));
      expect(passwordHashLoad()).toEqual({ running: 1, waiting: 3 });
      expect(await burst).toEqual([false, false, false, false]);
      expect(passwordHashLoad()).toEqual({ running: 0, waiting: 0 });
    } finally {
      setPasswordHashConcurrency(2);
    }
  });
});
