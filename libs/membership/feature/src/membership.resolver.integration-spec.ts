import { randomBytes, randomUUID } from 'node:crypto';
import { isObjectType } from 'graphql';
import { membershipDatabase } from '@praxis/membership/data-access';
import {
  countQueries,
  errorCodeOf,
  executeOk,
  keyTypesWithoutReferenceResolver,
  type ConnectionData,
  startSubgraphHarness,
  type SubgraphHarness,
  must,
} from '@praxis/platform/testing';
import { membershipFeatureForTests } from './membership-feature.test-module';
import { seedCallers } from './membership.test-support';

const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) { token member { id displayName institution { name } } }
}`;

describe('membership subgraph in-process: operations, roles, references, limits', () => {
  let subgraph: SubgraphHarness;
  let institutionId: string;
  let memberId: string;
  const admin = { memberId: randomUUID(), roles: ['admin' as const] };

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'membership',
      database: membershipDatabase,
      feature: membershipFeatureForTests,
    });
    await seedCallers(subgraph.dataSource, [admin]);
    const created = await subgraph.execute<{ createInstitution: { id: string } }>(
      admin,
      'mutation { createInstitution(input: { name: "St Elsewhere", country: "GB" }) { id } }',
    );
    expect(created.errors).toBeUndefined();
    institutionId = must(created.data, 'created data').createInstitution.id;
    const registered = await subgraph.execute<{ register: { member: { id: string } } }>(null, REGISTER, {
      input: {
        email: 'ada@example.org',
        password: `Px-${randomBytes(9).toString('base64url')}-7q`,
        displayName: 'Ada',
        careerStage: 'RESIDENT',
        institutionId,
      },
    });
    expect(registered.errors).toBeUndefined();
    memberId = must(registered.data, 'registered data').register.member.id;
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('refuses names that are blank once trimmed with a field error, never an internal error (found by the fuzz test)', async () => {
    const member = { memberId };
    const profile = await subgraph.execute(
      member,
      'mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id displayName } }',
      { input: { displayName: '   ' } },
    );
    const registration = await subgraph.execute(null, REGISTER, {
      input: {
        email: 'blank@example.org',
        password: `Px-${randomBytes(9).toString('base64url')}-9q`,
        displayName: ' ',
        careerStage: 'RESIDENT',
        institutionId,
      },
    });
    const institution = await subgraph.execute(
      admin,
      'mutation { createInstitution(input: { name: "    ", country: "GB" }) { id } }',
    );
    for (const [result, field] of [
      [profile, 'input.displayName'],
      [registration, 'input.displayName'],
      [institution, 'input.name'],
    ] as const) {
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: expect.arrayContaining([expect.objectContaining({ field, rule: 'notBlank' })]),
      });
    }
  });

  it("answers me from the guard's one query: the profile and roles as they are now, in one statement", async () => {
    // a member of this test's own, so the other tests' Ada keeps her name and roles
    const email = `hopper.${randomUUID()}@example.org`;
    const registered = await subgraph.execute<{ register: { member: { id: string } } }>(null, REGISTER, {
      input: {
        email,
        password: `Px-${randomBytes(9).toString('base64url')}-7q`,
        displayName: 'Grace Hopper',
        careerStage: 'RESIDENT',
        institutionId,
      },
    });
    expect(registered.errors).toBeUndefined();
    const graceId = must(registered.data, 'registered data').register.member.id;
    const grace = { memberId: graceId, roles: [] };
    const renamed = await subgraph.execute(
      grace,
      'mutation { updateMyProfile(input: { displayName: "Grace H" }) { displayName } }',
    );
    expect(renamed.errors).toBeUndefined();
    const granted = await subgraph.execute(
      admin,
      'mutation($id: ID!) { grantRole(memberId: $id, role: MENTOR) { id } }',
      { id: graceId },
    );
    expect(granted.errors).toBeUndefined();
    // the token still says no roles: the guard's read of role_grant decides, and me shows that read
    const { result, queries } = await countQueries(subgraph.dataSource, () =>
      subgraph.execute(
        grace,
        '{ me { id displayName careerStage institutionId interests email roles { role } } }',
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      me: {
        id: graceId,
        displayName: 'Grace H',
        careerStage: 'RESIDENT',
        institutionId,
        interests: [],
        email,
        roles: [{ role: 'MENTOR' }],
      },
    });
    expect(queries).toHaveLength(1);
  });

  it('lets anyone register and resolves the field resolvers of what a public operation returned', async () => {
    const result = await subgraph.execute(null, REGISTER, {
      input: {
        email: 'grace@example.org',
        password: `Px-${randomBytes(9).toString('base64url')}-8q`,
        displayName: 'Grace',
        careerStage: 'RESIDENT',
        institutionId,
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ register: { member: { institution: { name: 'St Elsewhere' } } } });
  });

  it('finds members by part of their name, any case, taking the text literally', async () => {
    for (const displayName of ['Ada Lovelace-Byron', 'Adam 100% Smith']) {
      const result = await subgraph.execute(null, REGISTER, {
        input: {
          email: `${randomUUID()}@example.org`,
          password: `Px-${randomBytes(9).toString('base64url')}-5q`,
          displayName,
          careerStage: 'RESIDENT',
          institutionId,
        },
      });
      expect(result.errors).toBeUndefined();
    }
    const search = async (nameContains: string) => {
      const result = await subgraph.execute<{ members: { edges: Array<{ node: { displayName: string } }> } }>(
        { memberId },
        'query($filter: MembersFilter) { members(filter: $filter, first: 10) { edges { node { displayName } } } }',
        { filter: { nameContains } },
      );
      expect(result.errors).toBeUndefined();
      return must(result.data, 'result data')
        .members.edges.map((edge) => edge.node.displayName)
        .sort();
    };
    expect(await search('LOVELACE')).toEqual(['Ada Lovelace-Byron']);
    expect(await search('ada')).toEqual(['Ada', 'Ada Lovelace-Byron', 'Adam 100% Smith']);
    expect(await search('0%')).toEqual(['Adam 100% Smith']);
    expect(await search('a_a')).toEqual([]);
    const tooShort = await subgraph.execute(
      { memberId },
      '{ members(filter: { nameContains: "a" }) { totalCount } }',
    );
    expect(tooShort.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('validates a nested filter input, in variables too, naming its field (filters once never ran their rules)', async () => {
    const query = 'query($filter: MembersFilter) { members(filter: $filter, first: 5) { totalCount } }';
    for (const [filter, field] of [
      [{ institutionId: 'not-a-uuid' }, 'filter.institutionId'],
      [{ nameContains: 'Ada\u0000' }, 'filter.nameContains'],
    ] as const) {
      const result = await subgraph.execute({ memberId }, query, { filter });
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field })],
      });
    }
  });

  it('pages institutions by name to anyone, narrowed by part of the name in any case, the text taken literally', async () => {
    const tag = randomUUID().slice(0, 8);
    for (const name of [`Zeta ${tag} Hospital`, `Alpha ${tag} College`, `Mu ${tag}% School`]) {
      await executeOk(
        subgraph,
        admin,
        'mutation($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }',
        {
          input: { name, country: 'GB' },
        },
      );
    }
    const PAGE = `query($text: String, $after: String) {
      institutions(nameContains: $text, first: 2, after: $after) {
        totalCount edges { node { name country } } pageInfo { hasNextPage endCursor }
      }
    }`;
    type Page = {
      institutions: ConnectionData<{ name: string }> & {
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = await executeOk<Page>(subgraph, null, PAGE, { text: tag.toUpperCase() });
    expect(first.institutions.totalCount).toBe(3);
    expect(first.institutions.edges.map((edge) => edge.node.name)).toEqual([
      `Alpha ${tag} College`,
      `Mu ${tag}% School`,
    ]);
    expect(first.institutions.pageInfo.hasNextPage).toBe(true);
    const second = await executeOk<Page>(subgraph, null, PAGE, {
      text: tag,
      after: first.institutions.pageInfo.endCursor,
    });
    expect(second.institutions.edges.map((edge) => edge.node.name)).toEqual([`Zeta ${tag} Hospital`]);
    expect(second.institutions.pageInfo.hasNextPage).toBe(false);
    const literal = await executeOk<Page>(subgraph, null, PAGE, { text: `${tag}%` });
    expect(literal.institutions.edges.map((edge) => edge.node.name)).toEqual([`Mu ${tag}% School`]);
    const tooLong = await subgraph.execute(null, PAGE, { text: 'x'.repeat(201) });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'nameContains', rule: 'maxLength' })],
    });
    const tooBig = await subgraph.execute(null, '{ institutions(first: 101) { totalCount } }');
    expect(tooBig.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'first' })],
    });
  });

  it('ends one session with logout and every session with logoutEverywhere, so their refresh tokens stop working', async () => {
    const email = `sessions-${randomUUID().slice(0, 8)}@example.org`;
    const password = `Px-${randomBytes(9).toString('base64url')}-5q`;
    const registered = await executeOk<{ register: { refreshToken: string; member: { id: string } } }>(
      subgraph,
      null,
      `mutation($input: RegisterInput!) { register(input: $input, refreshTokenInBody: true) { refreshToken member { id } } }`,
      { input: { email, password, displayName: 'Sessions', careerStage: 'RESIDENT', institutionId } },
    );
    const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password, refreshTokenInBody: true) { refreshToken } }`;
    const second = await executeOk<{ login: { refreshToken: string } }>(subgraph, null, LOGIN, {
      email,
      password,
    });
    const third = await executeOk<{ login: { refreshToken: string } }>(subgraph, null, LOGIN, {
      email,
      password,
    });
    const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t, refreshTokenInBody: true) { refreshToken } }`;
    const LOGOUT = `mutation($t: String) { logout(refreshToken: $t) }`;
    expect(await executeOk(subgraph, null, LOGOUT, { t: registered.register.refreshToken })).toEqual({
      logout: true,
    });
    expect(await errorCodeOf(subgraph, null, REFRESH, { t: registered.register.refreshToken })).toBe(
      'UNAUTHENTICATED',
    );
    const refreshed = await executeOk<{ refreshSession: { refreshToken: string } }>(subgraph, null, REFRESH, {
      t: second.login.refreshToken,
    });
    const member = { memberId: registered.register.member.id };
    expect(await executeOk(subgraph, member, 'mutation { logoutEverywhere }')).toEqual({
      logoutEverywhere: 2,
    });
    for (const token of [refreshed.refreshSession.refreshToken, third.login.refreshToken]) {
      expect(await errorCodeOf(subgraph, null, REFRESH, { t: token })).toBe('UNAUTHENTICATED');
    }
    expect(await errorCodeOf(subgraph, null, 'mutation { logoutEverywhere }')).toBe('UNAUTHENTICATED');
  });

  it('erases the caller’s own voluntary answers once: true when there were answers, then false', async () => {
    const member = { memberId };
    await executeOk(
      subgraph,
      member,
      `mutation { recordDemographics(input: { gender: PREFER_NOT_TO_SAY, ethnicityGroup: PREFER_NOT_TO_SAY,
        disability: NO, firstGenerationHigherEducation: YES }) { gender } }`,
    );
    expect(await executeOk(subgraph, member, 'mutation { eraseMyDemographics }')).toEqual({
      eraseMyDemographics: true,
    });
    expect(await executeOk(subgraph, member, 'mutation { eraseMyDemographics }')).toEqual({
      eraseMyDemographics: false,
    });
    expect(await errorCodeOf(subgraph, null, 'mutation { eraseMyDemographics }')).toBe('UNAUTHENTICATED');
  });

  it('refuses createInstitution to a member without the admin role', async () => {
    const result = await subgraph.execute(
      { memberId },
      'mutation { createInstitution(input: { name: "Nope", country: "GB" }) { id } }',
    );
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('has a reference resolver for every entity type it declares', () => {
    expect(keyTypesWithoutReferenceResolver(subgraph.schema)).toEqual([]);
  });

  it('does not answer _entities for a member to a caller without a token', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id displayName } } }`;
    const anonymous = await subgraph.execute(null, query, { r: [{ __typename: 'Member', id: memberId }] });
    expect(JSON.stringify(anonymous.data ?? null)).not.toContain('Ada');
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const other = { memberId: randomUUID() };
    await seedCallers(subgraph.dataSource, [other]);
    const signedIn = await subgraph.execute(other, query, {
      r: [{ __typename: 'Member', id: memberId }],
    });
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data).toEqual({ _entities: [{ id: memberId, displayName: 'Ada' }] });
  });

  it("names a member for other subgraphs' references: in full to a lead of their institution, the public name to others", async () => {
    const leadHere = { memberId: randomUUID(), roles: [{ role: 'lead' as const, institutionId }] };
    const elsewhere = { memberId: randomUUID() };
    await seedCallers(subgraph.dataSource, [leadHere, elsewhere]);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id displayName email } } }`;
    const ref = (id: string) => ({ __typename: 'Member', id });
    const result = await subgraph.execute(leadHere, query, {
      r: [ref(memberId), ref(elsewhere.memberId), ref(randomUUID()), ref('not-a-uuid')],
    });
    // nothing refused fails the others: an unknown or malformed id is null, without an error
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        { id: memberId, displayName: 'Ada', email: 'ada@example.org' },
        { id: elsewhere.memberId, displayName: 'Test caller', email: null },
        null,
        null,
      ],
    });
    // no demographic answer can travel with a reference: the type has no such field
    const member = subgraph.schema.getType('Member');
    const fields = isObjectType(member) ? Object.keys(member.getFields()) : [];
    expect(fields).toContain('displayName');
    expect(fields.filter((name) => /gender|ethnic|disab|generation|demographic/i.test(name))).toEqual([]);
  });

  it('names institutions past any first page from one _entities call, in one query, and the institution of a lead role', async () => {
    const many = Array.from({ length: 150 }, (_, i) => ({
      id: randomUUID(),
      name: `Teaching hospital ${String(i).padStart(3, '0')}`,
    }));
    for (const institution of many)
      await subgraph.dataSource.query(`INSERT INTO institution (id, name, country) VALUES ($1, $2, 'GB')`, [
        institution.id,
        institution.name,
      ]);
    const leadHere = {
      memberId: randomUUID(),
      roles: ['judge' as const, { role: 'lead' as const, institutionId }],
    };
    await seedCallers(subgraph.dataSource, [leadHere]);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Institution { id name } } }`;
    const entities = (ids: string[]) =>
      countQueries(subgraph.dataSource, () =>
        subgraph.execute(leadHere, query, { r: ids.map((id) => ({ __typename: 'Institution', id })) }),
      );
    // the caller's own read is kept after their first request: compare calls once it is
    await entities([many[0].id]);
    const all = await entities(many.map((institution) => institution.id));
    expect(all.result.errors).toBeUndefined();
    expect(all.result.data).toEqual({ _entities: many });
    const two = await entities(many.slice(0, 2).map((institution) => institution.id));
    expect(all.queries.length).toBe(two.queries.length);
    const me = await executeOk<{
      me: { roles: Array<{ role: string; institution: { name: string } | null }> };
    }>(subgraph, leadHere, '{ me { roles { role institution { name } } } }');
    expect(me.me.roles).toEqual(
      expect.arrayContaining([
        { role: 'LEAD', institution: { name: 'St Elsewhere' } },
        { role: 'JUDGE', institution: null },
      ]),
    );
  });

  it('refuses 30 aliases of a 100-member page with a nested field before any SQL runs, with a clear error', async () => {
    const page = (i: number) => `p${i}: members(first: 100) { edges { node { id institution { name } } } }`;
    const { result, queries } = await countQueries(subgraph.dataSource, () =>
      subgraph.execute(admin, `{ ${Array.from({ length: 30 }, (_, i) => page(i)).join(' ')} }`),
    );
    // refused in validation: not even the caller's authentication reached the database
    expect(queries).toEqual([]);
    expect(result.data).toBeUndefined();
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(result.errors?.[0].message).toMatch(/Aliases limit of 15 exceeded, found 30/);
  });
});
