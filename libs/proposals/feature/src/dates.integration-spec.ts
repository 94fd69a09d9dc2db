import { randomUUID } from 'node:crypto';
import { proposalsDatabase } from '@praxis/proposals/data-access';
import { startSubgraphHarness, type SubgraphHarness } from '@praxis/platform/testing';
import { ProposalsFeatureModule } from './proposals-feature.module';

const CREATE = `mutation($input: CreateCompetitionInput!) { createCompetition(input: $input) { id opensAt } }`;
const admin = { memberId: randomUUID(), roles: ['admin' as const] };
const day = 24 * 3600 * 1000;

function competition(dates: Record<string, unknown>) {
  return {
    title: 'Dated call',
    opensAt: new Date(Date.now() + day).toISOString(),
    closesAt: new Date(Date.now() + 30 * day).toISOString(),
    judgingEndsAt: new Date(Date.now() + 60 * day).toISOString(),
    criteria: [{ name: 'Quality', weight: 1, scaleMin: 0, scaleMax: 4 }],
    reviewsPerEntry: 1,
    judgeMaxLoad: 5,
    winnersCount: 1,
    eligibility: { maxTeamSize: 4 },
    ...dates,
  };
}

/**
 * Every service reads dates through the one DateTime scalar and input pipe of `libs/platform/graphql`: an
 * impossible or absurd date is BAD_USER_INPUT naming the field, inline or in a variable, never an internal error
 * nor a stored year 275760.
 */
describe('absurd dates are refused with the field named', () => {
  let subgraph: SubgraphHarness;

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'proposals_dates',
      database: proposalsDatabase,
      feature: () => ProposalsFeatureModule.forRoot({ namedConflictsMax: 3, defaultCurrency: 'GBP' }),
    });
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it.each([
    ['year 0', '0000-01-01T00:00:00Z', 'dateRange'],
    ['year 9999', '9999-12-31T00:00:00Z', 'dateRange'],
    ['the largest JavaScript date', '+275760-09-13T00:00:00.000Z', 'dateTime'],
    ['a word', 'yesterday', 'dateTime'],
    ['an impossible day', '2026-02-30T10:00:00Z', 'dateTime'],
    ['no time zone', '2026-03-01T10:00:00', 'dateTime'],
    ['a number', 1767225600000, 'dateTime'],
  ])('%s', async (_what, value, rule) => {
    const result = await subgraph.execute(admin, CREATE, { input: competition({ judgingEndsAt: value }) });
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'input.judgingEndsAt', rule })],
    });
  });

  it('refuses an absurd date written inline in the document the same way', async () => {
    const result = await subgraph.execute(
      admin,
      `mutation { updateCompetitionDates(id: "${randomUUID()}", input: {
        opensAt: "2026-01-01T00:00:00Z", closesAt: "9999-01-01T00:00:00Z", judgingEndsAt: "2026-03-01T00:00:00Z" }) { id } }`,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'input.closesAt', rule: 'dateRange' })],
    });
  });

  it('refuses a deadline before the opening, naming it', async () => {
    const result = await subgraph.execute(admin, CREATE, {
      input: competition({ closesAt: new Date(Date.now() - day).toISOString() }),
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: expect.arrayContaining([expect.objectContaining({ field: 'input.closesAt' })]),
    });
  });

  it('accepts sane dates, with or without fractions and offsets', async () => {
    const result = await subgraph.execute<{ createCompetition: { opensAt: string } }>(admin, CREATE, {
      input: competition({
        opensAt: '2027-01-01T09:00:00.5+01:00',
        closesAt: '2027-02-01T00:00:00Z',
        judgingEndsAt: '2027-03-01',
      }),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createCompetition.opensAt).toBe('2027-01-01T08:00:00.500Z');
  });
});
