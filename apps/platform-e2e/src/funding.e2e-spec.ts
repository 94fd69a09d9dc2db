import { randomUUID } from 'node:crypto';
import { CompetitionResultsPublishedV2, createEvent } from '@praxis/contracts';
import { testBrokers, testKafka, waitFor } from '@praxis/platform/testing';
import { ADMIN, gql, gqlOk, startPlatform, type StartedPlatform } from './support/platform';

const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { token member { id } } }`;
const CREATE_FUND = `mutation F($input: CreateFundInput!) { createFund(input: $input) { id } }`;
const MY_AWARDS = `{ awards(first: 20) { edges { node { id status competitionId } } } }`;
const AWARD = `query A($id: ID!) { award(id: $id) { id status transitions { action to } } }`;
const ACCEPT = `mutation A($id: ID!) { acceptAward(id: $id) { id status } }`;

/**
 * funding under `npm start`, through the gateway: a competition's winner (results v2 on Kafka) gets an award
 * offered against the competition's fund, accepts it, and nobody else can read it. Lean on purpose.
 */
describe('funding through the gateway', () => {
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

  async function register(name: string, institutionId: string) {
    const result = await gqlOk<{ register: { token: string; member: { id: string } } }>(REGISTER, {
      input: {
        email: `${name}.${Date.now()}@example.ac.uk`,
        password: 'a long enough passphrase 7',
        displayName: name,
        careerStage: 'RESIDENT',
        institutionId,
        specialty: null,
        interests: [],
      },
    });
    return { id: result.register.member.id, token: result.register.token };
  }

  it('offers the winner an award from the results event, which only they accept and see', async () => {
    expect((await gql(MY_AWARDS))?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const institution = (
      await gqlOk<{ createInstitution: { id: string } }>(
        `mutation C($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`,
        { input: { name: `Funding University ${Date.now()}`, country: 'GB' } },
        adminToken,
      )
    ).createInstitution.id;
    const winner = await register('winner', institution);
    const other = await register('other', institution);
    const competitionId = randomUUID();
    await gqlOk(
      CREATE_FUND,
      {
        input: {
          name: 'Competition prize fund',
          source: 'Research charity',
          total: { amountMinor: 500_000, currency: 'GBP' },
          competitionId,
        },
      },
      adminToken,
    );
    const event = createEvent(
      CompetitionResultsPublishedV2,
      { aggregateId: competitionId, actorId: null, correlationId: `e2e-${competitionId}` },
      {
        competitionId,
        title: 'Medical education research competition',
        publishedAt: new Date().toISOString(),
        currency: 'GBP',
        fundingAvailable: { amountMinor: 300_000, currency: 'GBP' },
        protectedHoursAvailable: null,
        entries: 4,
        winners: [
          {
            proposalId: randomUUID(),
            rank: 1,
            title: 'Near-peer teaching',
            keywords: [],
            leadApplicantId: winner.id,
            teamMemberIds: [winner.id],
            institutionIds: [institution],
            requestedFunding: { amountMinor: 250_000, currency: 'GBP' },
            requestedHours: 104,
            normalisedScore: 1,
            meanRawScore: 3.5,
          },
        ],
      },
    );
    const producer = testKafka(testBrokers()).producer();
    await producer.connect();
    try {
      await producer.send({
        topic: CompetitionResultsPublishedV2.topic,
        messages: [{ key: competitionId, value: JSON.stringify(event) }],
      });
    } finally {
      await producer.disconnect();
    }
    interface Awards {
      awards: { edges: Array<{ node: { id: string; status: string; competitionId: string | null } }> };
    }
    const offered = await waitFor(
      async () =>
        (await gqlOk<Awards>(MY_AWARDS, {}, winner.token)).awards.edges.find(
          (edge) => edge.node.competitionId === competitionId,
        )?.node,
      { timeoutMs: 30000, intervalMs: 200, description: "the winner's award offered" },
    );
    expect(offered.status).toBe('OFFERED');
    expect((await gqlOk<Awards>(MY_AWARDS, {}, other.token)).awards.edges).toEqual([]);
    expect((await gql(AWARD, { id: offered.id }, other.token))?.errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await gql(ACCEPT, { id: offered.id }, adminToken))?.errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await gqlOk<{ acceptAward: { status: string } }>(ACCEPT, { id: offered.id }, winner.token)).acceptAward
        .status,
    ).toBe('ACCEPTED');
    const history = await gqlOk<{ award: { transitions: Array<{ action: string; to: string }> } }>(
      AWARD,
      { id: offered.id },
      adminToken,
    );
    expect(history.award.transitions).toEqual([
      { action: 'OFFER', to: 'OFFERED' },
      { action: 'ACCEPT', to: 'ACCEPTED' },
    ]);
  });
});
