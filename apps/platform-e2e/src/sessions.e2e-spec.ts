import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { waitFor } from '@praxis/platform/testing';
import {
  ADMIN,
  gatewayClient,
  serviceUrl,
  startPlatform,
  TEST_PORT_BASE,
  type StartedPlatform,
} from './support/platform';

const REGISTER = `mutation R($input: RegisterInput!) { register(input: $input) { token member { id } } }`;
const LOGIN = `mutation L($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const LOGIN_FULL = `mutation L($email: String!, $password: String!, $body: Boolean) { login(email: $email, password: $password, refreshTokenInBody: $body) { token tokenExpiresAt refreshToken refreshTokenExpiresAt member { id } } }`;
const REFRESH = `mutation F($t: String) { refreshSession(refreshToken: $t) { token refreshToken } }`;
const ME = `{ me { id } }`;
const LIMITS = {
  THROTTLE_SIGN_IN_PER_ADDRESS_PER_MINUTE: '8',
  THROTTLE_SIGN_IN_PER_ACCOUNT_PER_MINUTE: '10',
  THROTTLE_REGISTER_PER_ADDRESS_PER_HOUR: '3',
  THROTTLE_RESET_PER_ADDRESS_PER_HOUR: '6',
  THROTTLE_RESET_PER_ACCOUNT_PER_HOUR: '2',
  LOCKOUT_FAILURES: '4',
  LOCKOUT_SECONDS: '600',
};

/**
 * The limits above would refuse the other suites' sign-ins, all from 127.0.0.1: this suite starts a platform of its
 * own beside the shared one, on its own ports (20 up, room for more services) and its own broker (its services'
 * consumer groups would clash with the shared platform's on the run's broker).
 */
const PORT_BASE = TEST_PORT_BASE + 20;
const { gql, gqlHttp, gqlOk } = gatewayClient(serviceUrl('gateway', '/graphql', PORT_BASE));

/** Each test signs in from its own client address (the gateway trusts X-Forwarded-For from loopback here). */
function from(address: string): Record<string, string> {
  return { 'x-forwarded-for': address };
}

function cookieValue(setCookies: string[]): string | undefined {
  const cookie = setCookies.find((value) => value.startsWith('praxis_refresh='));
  return cookie?.split(';')[0].slice('praxis_refresh='.length);
}
const GRANT = `mutation G($m: ID!, $role: Role!, $i: ID) { grantRole(memberId: $m, role: $role, institutionId: $i) { roles { role institutionId } } }`;
const REVOKE = `mutation V($m: ID!, $role: Role!, $i: ID) { revokeRole(memberId: $m, role: $role, institutionId: $i) { id } }`;
const PASSWORD = 'a long enough passphrase 7';

interface Account {
  id: string;
  email: string;
  token: string;
}

describe('sessions and roles through the gateway', () => {
  let platform: StartedPlatform;
  let admin: string;
  let institution: string;
  let counter = 0;

  async function account(name: string): Promise<Account> {
    counter += 1;
    const email = `${name}.${counter}.${Date.now()}@example.ac.uk`;
    const result = await gql<{ register: { token: string; member: { id: string } } }>(
      REGISTER,
      {
        input: {
          email,
          password: PASSWORD,
          displayName: name,
          careerStage: 'CONSULTANT',
          institutionId: institution,
          interests: [],
        },
      },
      undefined,
      from(`10.1.0.${counter}`),
    );
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return { id: result.data.register.member.id, email, token: result.data.register.token };
  }

  async function login(email: string, password = PASSWORD): Promise<string> {
    counter += 1;
    const result = await gql<{ login: { token: string } }>(
      LOGIN,
      { email, password },
      undefined,
      from(`10.2.0.${counter}`),
    );
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.login.token;
  }

  /** A sign-in through the web client's path: the refresh token comes back as a cookie only. */
  async function browserLogin(email: string, password = PASSWORD) {
    counter += 1;
    const result = await gqlHttp<{ login: { token: string; refreshToken: string | null } }>(
      LOGIN_FULL,
      { email, password },
      from(`10.3.0.${counter}`),
    );
    if (!result.body.data) throw new Error(JSON.stringify(result.body.errors));
    const cookie = cookieValue(result.setCookies);
    if (!cookie) throw new Error(`no refresh cookie: ${JSON.stringify(result.setCookies)}`);
    return { token: result.body.data.login.token, cookie, setCookies: result.setCookies, body: result.body };
  }

  function refresh(cookie: string) {
    return gqlHttp<{ refreshSession: { token: string; refreshToken: string | null } }>(
      REFRESH,
      {},
      {
        cookie: `praxis_refresh=${cookie}`,
      },
    );
  }

  beforeAll(async () => {
    platform = await startPlatform(LIMITS, { portBase: PORT_BASE, ownBroker: true });
    admin = await login(ADMIN.email, ADMIN.password);
    institution = (
      await gqlOk<{ createInstitution: { id: string } }>(
        `mutation C($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`,
        { input: { name: `Sessions University ${Date.now()}`, country: 'GB' } },
        admin,
      )
    ).createInstitution.id;
  });

  afterAll(async () => {
    const code = await platform?.stop();
    expect(code).toBe(0);
  });

  it('a revoked admin cannot act as admin with the old token, nor grant themselves admin again', async () => {
    const dismissed = await account('dismissed');
    await gqlOk(GRANT, { m: dismissed.id, role: 'ADMIN' }, admin);
    const oldToken = await login(dismissed.email);
    // admin in proposals too (a missing competition is NOT_FOUND for an admin, FORBIDDEN for anyone else)
    const ADMIN_ONLY = `query($c: ID!) { competitionConflicts(competitionId: $c) { totalCount } }`;
    const asAdmin = await gql(ADMIN_ONLY, { c: randomUUID() }, oldToken);
    expect(asAdmin.errors?.[0].extensions?.code).not.toBe('FORBIDDEN');

    await gqlOk(REVOKE, { m: dismissed.id, role: 'ADMIN' }, admin);
    // revoking it again is refused with the rule (it used to succeed silently)
    const twice = await gql(REVOKE, { m: dismissed.id, role: 'ADMIN' }, admin);
    expect(twice.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'role', rule: 'held' });
    const regrant = await gql(GRANT, { m: dismissed.id, role: 'ADMIN' }, oldToken);
    expect(regrant.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const me = await gqlOk<{ me: { roles: Array<{ role: string }> } }>(
      `{ me { roles { role } } }`,
      {},
      admin,
    );
    expect(me.me.roles.map((r) => r.role)).toContain('ADMIN');
    const roles = await gqlOk<{ member: { roles: Array<{ role: string }> } }>(
      `query($id: ID!) { member(id: $id) { roles { role } } }`,
      { id: dismissed.id },
      admin,
    );
    expect(roles.member.roles.map((r) => r.role)).not.toContain('ADMIN');
    // proposals learns of it through its member replica within seconds
    await waitFor(
      async () =>
        (await gql(ADMIN_ONLY, { c: randomUUID() }, oldToken)).errors?.[0].extensions?.code === 'FORBIDDEN',
      { timeoutMs: 10000, intervalMs: 100, description: 'proposals refusing the revoked admin' },
    );
  });

  it('a revoked lead no longer sees private fields of their institution with the old token', async () => {
    const member = await account('colleague');
    const lead = await account('lead');
    await gqlOk(GRANT, { m: lead.id, role: 'LEAD', i: institution }, admin);
    const leadToken = await login(lead.email);
    const EMAIL = `query($id: ID!) { member(id: $id) { email } }`;
    const before = await gqlOk<{ member: { email: string | null } }>(EMAIL, { id: member.id }, leadToken);
    expect(before.member.email).toBe(member.email);
    await gqlOk(REVOKE, { m: lead.id, role: 'LEAD', i: institution }, admin);
    const after = await gqlOk<{ member: { email: string | null } }>(EMAIL, { id: member.id }, leadToken);
    expect(after.member.email).toBeNull();
  });

  it('keeps the refresh token in an httpOnly, Secure, SameSite=Strict cookie and rotates it on refresh', async () => {
    const member = await account('cookie');
    const signedIn = await browserLogin(member.email);
    expect(signedIn.body.data?.login.refreshToken).toBeNull();
    const cookie = signedIn.setCookies.find((value) => value.startsWith('praxis_refresh=')) ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/graphql/);

    const refreshed = await refresh(signedIn.cookie);
    expect(refreshed.body.errors).toBeUndefined();
    const rotated = cookieValue(refreshed.setCookies);
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(signedIn.cookie);
    const fresh = refreshed.body.data?.refreshSession.token as string;
    expect((await gql(ME, {}, fresh)).errors).toBeUndefined();

    // the old refresh token again: someone copied it, so the whole session ends
    const reused = await refresh(signedIn.cookie);
    expect(reused.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const afterReuse = await refresh(rotated as string);
    expect(afterReuse.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(ME, {}, fresh)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('gives clients without cookies the refresh token in the body when asked, and ends a session on logout', async () => {
    const member = await account('logout');
    counter += 1;
    const signedIn = await gqlOk<{ login: { token: string; refreshToken: string; tokenExpiresAt: string } }>(
      LOGIN_FULL,
      { email: member.email, password: PASSWORD, body: true },
    );
    expect(signedIn.login.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // access tokens are short-lived: five minutes by default
    const ttl = Date.parse(signedIn.login.tokenExpiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(240_000);
    expect(ttl).toBeLessThanOrEqual(300_000);
    const other = await login(member.email);

    const out = await gqlHttp<{ logout: boolean }>(
      `mutation { logout }`,
      {},
      {
        authorization: `Bearer ${signedIn.login.token}`,
      },
    );
    expect(out.body.data?.logout).toBe(true);
    expect(out.setCookies.some((value) => /^praxis_refresh=;/.test(value))).toBe(true);
    expect((await gql(ME, {}, signedIn.login.token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const refreshed = await gql(REFRESH, { t: signedIn.login.refreshToken });
    expect(refreshed.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // only that session: the other sign-in goes on
    expect((await gql(ME, {}, other)).errors).toBeUndefined();
  });

  it('signs out everywhere', async () => {
    const member = await account('everywhere');
    const laptop = await browserLogin(member.email);
    const phone = await browserLogin(member.email);
    const ended = await gqlOk<{ logoutEverywhere: number }>(`mutation { logoutEverywhere }`, {}, phone.token);
    expect(ended.logoutEverywhere).toBe(3); // the registration's session too
    for (const device of [laptop, phone]) {
      expect((await gql(ME, {}, device.token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await refresh(device.cookie)).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('changes a password with the current one, ends the other sessions, and applies the password policy', async () => {
    const member = await account('changer');
    const here = await login(member.email);
    const elsewhere = await login(member.email);
    const CHANGE = `mutation C($input: ChangePasswordInput!) { changePassword(input: $input) }`;
    const wrong = await gql(
      CHANGE,
      { input: { currentPassword: 'not my password 1', newPassword: 'x' } },
      here,
    );
    expect(wrong.errors?.[0].extensions?.fields).toEqual([
      { field: 'input.currentPassword', rule: 'matches', message: 'is not your current password' },
    ]);
    const weak = await gql(
      CHANGE,
      { input: { currentPassword: PASSWORD, newPassword: 'password1234' } },
      here,
    );
    expect(weak.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(weak.errors?.[0].extensions?.fields?.[0]).toMatchObject({
      field: 'input.newPassword',
      rule: 'passwordStrength',
    });
    const changed = await gqlOk<{ changePassword: number }>(
      CHANGE,
      { input: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase 9' } },
      here,
    );
    expect(changed.changePassword).toBe(2); // the registration's and the other sign-in
    expect((await gql(ME, {}, here)).errors).toBeUndefined();
    expect((await gql(ME, {}, elsewhere)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      (await gql(LOGIN, { email: member.email, password: PASSWORD }, undefined, from('10.9.0.1'))).errors?.[0]
        .extensions?.code,
    ).toBe('UNAUTHENTICATED');
    await login(member.email, 'a brand new passphrase 9');
  });

  it('refuses common and breached-pattern passwords at registration, naming the rule', async () => {
    const weak = await gql(
      REGISTER,
      {
        input: {
          email: `weak.${Date.now()}@example.ac.uk`,
          password: 'password1234',
          displayName: 'Weak',
          careerStage: 'CONSULTANT',
          institutionId: institution,
          interests: [],
        },
      },
      undefined,
      from('10.4.0.1'),
    );
    expect(weak.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(weak.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({
        field: 'input.password',
        rule: 'passwordStrength',
        message: expect.stringMatching(/too easy to guess/),
      }),
    ]);
  });

  it('resets a forgotten password once, through a link the development delivery logs, and never tells who exists', async () => {
    const member = await account('forgetful');
    const kept = await login(member.email);
    const RESET_REQUEST = `mutation Q($email: String!) { requestPasswordReset(email: $email) }`;
    const unknown = await gql(
      RESET_REQUEST,
      { email: `nobody.${Date.now()}@example.ac.uk` },
      undefined,
      from('10.5.0.1'),
    );
    const known = await gql(
      RESET_REQUEST,
      { email: member.email.toUpperCase() },
      undefined,
      from('10.5.0.2'),
    );
    expect(unknown).toEqual({ data: { requestPasswordReset: true } });
    expect(known).toEqual(unknown);

    const link = await waitFor(
      () => {
        const line = readFileSync(platform.logFile, 'utf8')
          .split('\n')
          .find((entry) => entry.includes('password reset link') && entry.includes(member.email));
        return line ? (/"resetUrl":"([^"]+)"/.exec(line)?.[1] ?? false) : false;
      },
      { timeoutMs: 10000, description: 'the reset link in the log' },
    );
    const token = new URL(link).searchParams.get('token') as string;
    const RESET = `mutation R($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
    const weak = await gql(
      RESET,
      { input: { token, newPassword: 'letmein12345' } },
      undefined,
      from('10.5.0.3'),
    );
    expect(weak.errors?.[0].extensions?.fields?.[0]).toMatchObject({
      field: 'input.newPassword',
      rule: 'passwordStrength',
    });
    const reset = await gql(
      RESET,
      { input: { token, newPassword: 'a second passphrase 8' } },
      undefined,
      from('10.5.0.3'),
    );
    expect(reset).toEqual({ data: { resetPassword: true } });
    const again = await gql(
      RESET,
      { input: { token, newPassword: 'a third passphrase 10' } },
      undefined,
      from('10.5.0.3'),
    );
    expect(again.errors?.[0]).toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [
          {
            field: 'token',
            rule: 'valid',
            message: 'is invalid, expired or already used; ask for a new link',
          },
        ],
      },
    });
    // every session ended; the new password works
    expect((await gql(ME, {}, kept)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await login(member.email, 'a second passphrase 8');
  });

  it('locks an account after repeated failures, telling when to retry, even for the right password', async () => {
    const victim = await account('locked');
    const attempt = (password: string, address: string) =>
      gql(LOGIN, { email: victim.email, password }, undefined, from(address));
    for (let i = 0; i < 4; i += 1) {
      expect((await attempt(`wrong guess ${i} x`, `10.6.0.${i + 1}`)).errors?.[0].extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    }
    const locked = await attempt('wrong guess 5 x', '10.6.0.9');
    expect(locked.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    const right = await attempt(PASSWORD, '10.6.1.1');
    expect(right.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(right.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(500);
    expect(right.errors?.[0].message).toMatch(/try again in \d+ s/);
    await waitFor(
      () => readFileSync(platform.logFile, 'utf8').includes('account locked after 4 failed sign-ins'),
      {
        timeoutMs: 5000,
        description: 'the lockout in the log',
      },
    );
  });

  it('limits sign-ins and registrations per client address without hashing the throttled ones', async () => {
    const address = '10.7.0.1';
    const codes: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const response = await gql(
        LOGIN,
        { email: `guess.${i}.${Date.now()}@example.ac.uk`, password: 'wrong guess 1234' },
        undefined,
        from(address),
      );
      codes.push(response.errors?.[0].extensions?.code ?? 'OK');
    }
    expect(codes.slice(0, 8)).toEqual(Array(8).fill('UNAUTHENTICATED'));
    expect(codes.slice(8)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    // another address is not affected
    const member = await account('neighbour');
    expect(await login(member.email)).toMatch(/^ey/);

    const registrations: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await gql(
        REGISTER,
        {
          input: {
            email: `burst.${i}.${Date.now()}@example.ac.uk`,
            password: PASSWORD,
            displayName: 'Burst',
            careerStage: 'CONSULTANT',
            institutionId: institution,
            interests: [],
          },
        },
        undefined,
        from('10.8.0.1'),
      );
      registrations.push(response.errors?.[0].extensions?.code ?? 'OK');
    }
    expect(registrations).toEqual(['OK', 'OK', 'OK', 'TOO_MANY_REQUESTS']);
  });

  it('refuses control, bidirectional-override and invisible characters in names', async () => {
    const sneaky = await gql(
      REGISTER,
      {
        input: {
          email: `sneaky.${Date.now()}@example.ac.uk`,
          password: PASSWORD,
          displayName: 'Eve\u202Egnp.exe',
          careerStage: 'CONSULTANT',
          institutionId: institution,
          specialty: 'Cardio\u001Blogy',
          interests: ['ok', 'zero\u200Bwidth'],
        },
      },
      undefined,
      from('10.10.0.1'),
    );
    expect(sneaky.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = sneaky.errors?.[0].extensions?.fields?.map((f) => `${f.field}:${f.rule}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'input.displayName:plainText',
        'input.specialty:plainText',
        'input.interests:plainText',
      ]),
    );
    const institutionName = await gql(
      `mutation C($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`,
      { input: { name: 'Evil\u2066 University', country: 'GB' } },
      admin,
    );
    expect(institutionName.errors?.[0].extensions?.fields?.[0]).toMatchObject({
      field: 'input.name',
      rule: 'plainText',
    });
  });
});
