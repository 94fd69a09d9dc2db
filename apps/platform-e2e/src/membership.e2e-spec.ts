import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { JWK } from 'jose';
import {
  demographicAnswersSchema,
  MemberDemographicsRecordedV2,
  MemberRegisteredV1,
  parseEvent,
} from '@praxis/contracts';
import { decryptPayload } from '@praxis/platform/messaging';
import { collectTopic, testBrokers, waitFor } from '@praxis/platform/testing';
import {
  ADMIN,
  adminSession,
  gql,
  gqlOk,
  METRICS_TOKEN,
  serviceUrl,
  sharedPlatform,
} from './support/platform';

const REGISTER = `
  mutation Register($input: RegisterInput!) {
    register(input: $input) { token member { id displayName email careerStage institution { id name } } }
  }`;
const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token member { id } } }`;
const MEMBER = `query Member($id: ID!) { member(id: $id) { id displayName careerStage interests email specialty joinedAt institution { name } roles { role } } }`;

interface Registered {
  register: { token: string; member: { id: string; displayName: string; email: string | null } };
}

describe('membership through the gateway', () => {
  let registered: Awaited<ReturnType<typeof collectTopic>>;
  let demographics: Awaited<ReturnType<typeof collectTopic>>;
  // signs in again before the token expires: a suite can outlast the 5 minutes one token lives
  const adminToken = adminSession();
  let institutionA: string;
  let institutionB: string;
  // the reporting service's key pair: membership gets the public half, engagement and this test the private one
  let recipientPrivateJwk: JWK;

  beforeAll(async () => {
    recipientPrivateJwk = JSON.parse(sharedPlatform().demographicsPrivateJwk) as JWK;
    registered = await collectTopic(testBrokers(), MemberRegisteredV1.topic);
    demographics = await collectTopic(testBrokers(), MemberDemographicsRecordedV2.topic);
    const create = `mutation C($input: CreateInstitutionInput!) { createInstitution(input: $input) { id name } }`;
    institutionA = (
      await gqlOk<{ createInstitution: { id: string } }>(
        create,
        { input: { name: 'University of Leeds', country: 'GB' } },
        adminToken,
      )
    ).createInstitution.id;
    institutionB = (
      await gqlOk<{ createInstitution: { id: string } }>(
        create,
        { input: { name: 'University of Dundee', country: 'GB' } },
        adminToken,
      )
    ).createInstitution.id;
  });

  afterAll(async () => {
    await registered?.stop();
    await demographics?.stop();
  });

  function registration(name: string, institutionId: string) {
    return {
      email: `${name.toLowerCase()}.${Date.now()}@Example.ac.uk`,
      password: 'a long enough passphrase 7',
      displayName: name,
      careerStage: 'MEDICAL_STUDENT',
      institutionId,
      specialty: 'Cardiology',
      interests: ['Medical Education', 'qualitative research'],
    };
  }

  it('registers two members, logs in, reads me, and keeps private fields and demographics private', async () => {
    const aliceInput = registration('Alice', institutionA);
    const correlationId = `e2e-${Date.now()}`;
    const aliceResult = await gql<Registered>(REGISTER, { input: aliceInput }, undefined, {
      'x-correlation-id': correlationId,
    });
    const alice = (aliceResult.data as Registered).register;
    const bob = (await gqlOk<Registered>(REGISTER, { input: registration('Bob', institutionB) })).register;
    expect(alice.member.email).toBe(aliceInput.email.toLowerCase());

    // email is case-insensitive at login
    const login = await gqlOk<{ login: { token: string; member: { id: string } } }>(LOGIN, {
      email: aliceInput.email.toUpperCase(),
      password: aliceInput.password,
    });
    expect(login.login.member.id).toBe(alice.member.id);

    const me = await gqlOk<{ me: { id: string; email: string; specialty: string; interests: string[] } }>(
      `{ me { id email specialty interests } }`,
      {},
      login.login.token,
    );
    expect(me.me).toEqual({
      id: alice.member.id,
      email: aliceInput.email.toLowerCase(),
      specialty: 'Cardiology',
      interests: ['medical education', 'qualitative research'],
    });

    // Bob sees Alice's public fields only (specialty is public: it is on member events and drives matching)
    const seenByBob = await gqlOk<{ member: Record<string, unknown> }>(
      MEMBER,
      { id: alice.member.id },
      bob.token,
    );
    expect(seenByBob.member).toMatchObject({
      displayName: 'Alice',
      careerStage: 'MEDICAL_STUDENT',
      email: null,
      specialty: 'Cardiology',
      joinedAt: expect.any(String),
    });
    expect(seenByBob.member.institution).toEqual({ name: 'University of Leeds' });
    const listed = await gqlOk<{ members: { edges: Array<{ node: { id: string; email: string | null } }> } }>(
      `query { members(first: 100) { edges { node { id email } } } }`,
      {},
      bob.token,
    );
    expect(listed.members.edges.find((edge) => edge.node.id === alice.member.id)?.node.email).toBeNull();

    // demographics: Alice answers; nobody else can read them through any query
    await gqlOk(
      `mutation { recordDemographics(input: { gender: WOMAN, ethnicityGroup: PREFER_NOT_TO_SAY, disability: NO, firstGenerationHigherEducation: YES }) { gender } }`,
      {},
      alice.token,
    );
    const own = await gqlOk<{ myDemographics: { gender: string } }>(
      `{ myDemographics { gender firstGenerationHigherEducation } }`,
      {},
      alice.token,
    );
    expect(own.myDemographics).toEqual({ gender: 'WOMAN', firstGenerationHigherEducation: 'YES' });
    expect(
      (await gqlOk<{ myDemographics: null }>(`{ myDemographics { gender } }`, {}, bob.token)).myDemographics,
    ).toBeNull();
    const probe = await gql(
      `query($id: ID!) { member(id: $id) { demographics { gender } } }`,
      { id: alice.member.id },
      bob.token,
    );
    expect(probe.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    // the public event carries the public profile and a valid envelope; demographics go only to their own topic
    // other suites register members on the same topic: wait for Alice's own event
    const event = await waitFor(
      () =>
        registered.messages
          .map((message) => parseEvent(MemberRegisteredV1, message.json()))
          .find((parsed) => parsed.ok && parsed.event.aggregateId === alice.member.id),
      { timeoutMs: 20000, description: "Alice's registered event" },
    );
    expect(event.ok).toBe(true);
    if (event?.ok) {
      expect(event.event.payload).toMatchObject({
        memberId: alice.member.id,
        displayName: 'Alice',
        institutionId: institutionA,
      });
      expect(JSON.stringify(event.event)).not.toMatch(/@example\.ac\.uk|passphrase|WOMAN/i);
      // the caller's correlation id crossed the gateway and the outbox into the event
      expect(event.event.correlationId).toBe(correlationId);
      expect(event.event.actorId).toBe(alice.member.id);
    }
    const demographicEvent = await waitFor(
      () => demographics.messages.find((message) => message.key === alice.member.id),
      { timeoutMs: 20000, description: "Alice's demographics event" },
    );
    // readable by whoever reads the topic: who answered, never what
    expect(demographicEvent.value).not.toMatch(/WOMAN|PREFER_NOT_TO_SAY|"YES"|"NO"/);
    const parsed = parseEvent(MemberDemographicsRecordedV2, demographicEvent.json());
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.event.payload.memberId).toBe(alice.member.id);
    // the reporting service decrypts the answers with its private key
    const answers = demographicAnswersSchema.parse(
      await decryptPayload(recipientPrivateJwk, parsed.event.payload.answers),
    );
    expect(answers).toEqual({
      institutionId: institutionA,
      gender: 'WOMAN',
      ethnicityGroup: 'PREFER_NOT_TO_SAY',
      disability: 'NO',
      firstGenerationHigherEducation: 'YES',
    });

    // erasure: the answers are gone from membership, and a tombstone erases them from the compacted topic
    const erased = await gqlOk<{ eraseMyDemographics: boolean }>(
      `mutation { eraseMyDemographics }`,
      {},
      alice.token,
    );
    expect(erased.eraseMyDemographics).toBe(true);
    expect(
      (await gqlOk<{ myDemographics: null }>(`{ myDemographics { gender } }`, {}, alice.token))
        .myDemographics,
    ).toBeNull();
    const tombstone = await waitFor(
      () =>
        demographics.messages.find((message) => message.key === alice.member.id && message.value === null),
      { timeoutMs: 20000, description: "the tombstone for Alice's answers" },
    );
    expect(tombstone.partition).toBe(demographicEvent.partition);
    // another member cannot erase Alice's answers; an admin gets a clear error for a malformed id
    const refused = await gql(
      `mutation($id: ID!) { eraseMemberDemographics(memberId: $id) }`,
      { id: alice.member.id },
      bob.token,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const malformed = await gql(
      `mutation { eraseMemberDemographics(memberId: "not-an-id") }`,
      {},
      adminToken,
    );
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets admins create institutions and refuses everyone else', async () => {
    const member = (await gqlOk<Registered>(REGISTER, { input: registration('Carol', institutionA) }))
      .register;
    const refused = await gql(
      `mutation { createInstitution(input: { name: "Rogue Institute", country: "GB" }) { id } }`,
      {},
      member.token,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await gql(
      `mutation { createInstitution(input: { name: "Rogue Institute", country: "GB" }) { id } }`,
    );
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await gql(`{ me { id } }`, {}, `${member.token.slice(0, -4)}AAAA`);
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows a lead full profiles of their own institution only', async () => {
    const dana = (await gqlOk<Registered>(REGISTER, { input: registration('Dana', institutionA) })).register;
    const erin = (await gqlOk<Registered>(REGISTER, { input: registration('Erin', institutionB) })).register;
    const leadInput = registration('Lee', institutionA);
    const lead = (await gqlOk<Registered>(REGISTER, { input: leadInput })).register;
    await gqlOk(
      `mutation($m: ID!, $i: ID!) { grantRole(memberId: $m, role: LEAD, institutionId: $i) { roles { role institutionId } } }`,
      { m: lead.member.id, i: institutionA },
      adminToken,
    );
    const leadToken = (
      await gqlOk<{ login: { token: string } }>(LOGIN, {
        email: leadInput.email,
        password: leadInput.password,
      })
    ).login.token;
    const ownInstitution = await gqlOk<{ member: { email: string | null } }>(
      MEMBER,
      { id: dana.member.id },
      leadToken,
    );
    expect(ownInstitution.member.email).toMatch(/^dana\./);
    const otherInstitution = await gqlOk<{ member: { email: string | null } }>(
      MEMBER,
      { id: erin.member.id },
      leadToken,
    );
    expect(otherInstitution.member.email).toBeNull();
    const missingInstitution = await gql(
      `mutation($m: ID!) { grantRole(memberId: $m, role: LEAD) { id } }`,
      { m: dana.member.id },
      adminToken,
    );
    expect(missingInstitution.errors?.[0].extensions?.fields).toEqual([
      { field: 'institutionId', rule: 'required', message: 'is required for the lead role' },
    ]);
  });

  it('answers bad input with every field and rule, and never tells which accounts exist', async () => {
    const bad = await gql(REGISTER, {
      input: {
        ...registration('Zed', institutionA),
        email: 'not-an-email',
        password: 'short',
        interests: [''],
      },
    });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = bad.errors?.[0].extensions?.fields?.map((field) => `${field.field}:${field.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['input.email:isEmail', 'input.interests:isLength']));
    const weak = await gql(REGISTER, { input: { ...registration('Zed', institutionA), password: 'short' } });
    expect(weak.errors?.[0].extensions?.fields).toEqual([
      {
        field: 'input.password',
        rule: 'passwordLength',
        message: 'must be 12 to 128 characters and contain at least one letter and one digit',
      },
    ]);
    const unknown = await gql(LOGIN, { email: 'nobody@example.org', password: 'whatever password 1' });
    const wrong = await gql(LOGIN, { email: ADMIN.email, password: 'wrong password 123' });
    expect(unknown.errors?.[0].message).toBe('email or password is incorrect');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
    const tooBig = await gql(`{ members(first: 1000) { totalCount } }`, {}, adminToken);
    expect(tooBig.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'first', rule: 'range' });
  });

  it('refuses queries deeper, wider or costlier than the gateway limits', async () => {
    // the platform runs with the default MAX_QUERY_DEPTH=10 (leaf fields count): a connection's edges and node
    // take two levels, so a connection inside a connection is within it, and three entities further is not
    const within = await gql(
      `query Ok { members(first: 1) { edges { node { institution { id } } } } }`,
      {},
      adminToken,
    );
    expect(within.errors).toBeUndefined();
    const nested = await gql(
      `query Nested { myRelationships(first: 1) { edges { node { checkIns(first: 1) { edges { node { id } } } } } } }`,
      {},
      adminToken,
    );
    expect(nested.errors).toBeUndefined();
    const deep = await gql(
      `query TooDeep { myRelationships(first: 1) { edges { node { checkIns(first: 1) { edges { node {
        loggedBy { registrationConfirmation { member { institution { id } } } }
      } } } } } } }`,
      {},
      adminToken,
    );
    expect(deep.errors?.[0]).toMatchObject({
      message: 'Query depth limit of 10 exceeded, found 11.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth' },
    });
    const manyAliases = `query Wide { ${Array.from({ length: 300 }, (_, i) => `m${i}: me { id }`).join(' ')} }`;
    const wide = await gql(manyAliases, {}, adminToken);
    expect(wide.errors?.[0]).toMatchObject({
      message: 'Aliases limit of 15 exceeded, found 300.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxAliases' },
    });
    const costly = await gql(
      `{ a: members(first: 100) { edges { node { id } } } b: members(first: 100) { edges { node { id } } } }`,
      {},
      adminToken,
    );
    expect(costly.errors).toBeUndefined();
    const introspection = await gql(`{ __schema { queryType { name } } }`, {}, adminToken);
    expect(introspection.errors).toBeUndefined();
  });

  it('serves the subgraph schema that is committed (run npm run supergraph when this fails)', async () => {
    const response = await fetch(serviceUrl('membership'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    const body = (await response.json()) as { data: { _service: { sdl: string } } };
    const committed = readFileSync(path.resolve(__dirname, '../../membership/schema.graphql'), 'utf8');
    expect(`${body.data._service.sdl.trim()}\n`).toBe(committed);
  });

  it('reports health and metrics', async () => {
    const health = (await (await fetch(serviceUrl('membership', '/health'))).json()) as {
      status: string;
      info: Record<string, { status: string }>;
    };
    expect(health.status).toBe('ok');
    // readiness is the database only; the broker is a metric (the outbox keeps writes safe without it)
    expect(Object.keys(health.info)).toEqual(['database']);
    // /metrics answers only the scraper's bearer token
    expect((await fetch(serviceUrl('membership', '/metrics'))).status).toBe(401);
    expect((await fetch(serviceUrl('gateway', '/metrics'))).status).toBe(401);
    const metrics = await (
      await fetch(serviceUrl('membership', '/metrics'), {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      })
    ).text();
    expect(metrics).toMatch(/^praxis_broker_up\{service="membership"\} 1$/m);
    expect(metrics).toMatch(/^praxis_outbox_failed_rows\{service="membership"\} 0$/m);
    // the guard's cache of callers is on (its change feed listens) and has answered requests of this suite
    expect(metrics).toMatch(/^praxis_principal_cache_live\{service="membership"\} 1$/m);
    expect(metrics).toMatch(/^praxis_principal_reads_total\{outcome="hit",service="membership"\} [1-9]\d*$/m);
    expect(metrics).toMatch(
      /praxis_outbox_published_total\{topic="membership\.member\.registered\.v1",service="membership"\} \d+/,
    );
  });
});
