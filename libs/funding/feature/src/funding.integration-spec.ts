import { randomUUID } from 'node:crypto';
import type { EachMessagePayload, Kafka, Producer } from 'kafkajs';
import {
  CompetitionResultsPublishedV1,
  CompetitionResultsPublishedV2,
  createEvent,
  MentorshipRelationshipStartedV2,
  type EventContract,
  type EventOf,
} from '@praxis/contracts';
import { fundingDatabase, SpendEntryEntity } from '@praxis/funding/data-access';
import { EventConsumer, type EventHandler } from '@praxis/platform/messaging';
import { createLogger } from '@praxis/platform/observability';
import { countQueries, startSubgraphHarness, type SubgraphHarness, must } from '@praxis/platform/testing';
import { AwardsService } from './award/awards.service';
import { FundingFeatureModule } from './funding-feature.module';
import { addMember } from './testing/funding.fixtures';
import { DEFAULT_FUNDING_OPTIONS } from './funding.options';
import { offerAwardsWhenResultsPublished } from './handlers/offer-awards-when-results-published.handler';
import { recordSupervisorWhenSupervisionStarts } from './handlers/record-supervisor-when-supervision-starts.handler';
import { LedgerService } from './ledger/ledger.service';

const logger = createLogger('funding-test', process.env.TEST_LOG_LEVEL ?? 'silent');

const CREATE_FUND = `mutation F($input: CreateFundInput!) { createFund(input: $input) { id currency balance { total { amountMinor } available { amountMinor } committed { amountMinor } } } }`;
const AWARDS = `query A($status: AwardStatus) { awards(first: 100, status: $status) { totalCount edges { node {
  id status amount { amountMinor currency } requested { amountMinor } cappedReason proposalId competitionId
  principalInvestigator { id } supervisor { id } availableActions } } } }`;
const AWARD = `query A($id: ID!) { award(id: $id) { id status availableActions transitions { action from to by { id } }
  budget { remaining { amountMinor } lines { category budgeted { amountMinor } committed { amountMinor } paid { amountMinor } remaining { amountMinor } } } } }`;
const ACCEPT = `mutation A($id: ID!) { acceptAward(id: $id) { id status } }`;
const ACTIVATE = `mutation A($id: ID!) { activateAward(id: $id) { id status } }`;
const LINES = `mutation L($id: ID!, $lines: [BudgetLineInput!]!) { setBudgetLines(awardId: $id, lines: $lines) { id budgetLines { category } } }`;
const SPEND = `mutation S($id: ID!, $input: RecordSpendInput!) { recordSpend(awardId: $id, input: $input) { id amount { amountMinor } overrideReason } }`;

interface AwardNode {
  id: string;
  status: string;
  amount: { amountMinor: number; currency: string };
  requested: { amountMinor: number } | null;
  cappedReason: string | null;
  proposalId: string | null;
  competitionId: string | null;
  principalInvestigator: { id: string };
  supervisor: { id: string } | null;
  availableActions: string[];
}

/** funding in process: its subgraph on real PostgreSQL, events delivered through its real inbox. */
describe('funding: awards from results, the status machine, the ledger under concurrency', () => {
  let subgraph: SubgraphHarness;
  const admin = { memberId: randomUUID(), roles: ['admin' as const] };
  const [institutionA, institutionB] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'funding',
      database: fundingDatabase,
      feature: () => FundingFeatureModule.forRoot(),
    });
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  function member(institutionId: string): Promise<string> {
    return addMember(subgraph, institutionId);
  }

  function deliverer(handlers: EventHandler[]) {
    const consumer = new EventConsumer({
      kafka: {} as Kafka,
      dataSource: subgraph.dataSource,
      groupId: `funding.test-${randomUUID()}`,
      handlers,
      producer: () => Promise.reject(new Error('nothing should be dead-lettered here')) as Promise<Producer>,
      settings: { sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, maxWaitMs: 100, consumerMaxAttempts: 1 },
      logger,
    });
    let offset = 0;
    return <C extends EventContract>(contract: C, event: EventOf<C>) =>
      consumer.onMessage({
        topic: contract.topic,
        partition: 0,
        message: {
          key: Buffer.from(event.aggregateId),
          value: Buffer.from(JSON.stringify(event)),
          headers: {},
          offset: String(offset++),
          timestamp: String(Date.now()),
          attributes: 0,
        },
        heartbeat: async () => undefined,
        pause: () => () => undefined,
      } as EachMessagePayload);
  }

  async function awardsOf(caller: Parameters<SubgraphHarness['execute']>[0], competitionId: string) {
    const result = await subgraph.execute<{ awards: { edges: Array<{ node: AwardNode }> } }>(caller, AWARDS);
    expect(result.errors).toBeUndefined();
    return (result.data?.awards.edges ?? [])
      .map((edge) => edge.node)
      .filter((node) => node.competitionId === competitionId);
  }

  const OUTCOMES = `query O($c: ID!) { competitionFundingOutcomes(competitionId: $c) {
    rank outcome requested { amountMinor } offered { amountMinor } reason awardId } }`;
  async function outcomesOf(caller: Parameters<SubgraphHarness['execute']>[0], competitionId: string) {
    const result = await subgraph.execute<{
      competitionFundingOutcomes: Array<{ rank: number; outcome: string; reason: string | null }>;
    }>(caller, OUTCOMES, { c: competitionId });
    expect(result.errors).toBeUndefined();
    return result.data?.competitionFundingOutcomes ?? [];
  }

  it('offers each winner one award, capped in rank order, whether results come once, again, or as v1 and v2', async () => {
    const competitionId = randomUUID();
    const fund = await subgraph.execute<{ createFund: { id: string } }>(admin, CREATE_FUND, {
      input: {
        name: 'Prize fund',
        source: 'Charity',
        total: { amountMinor: 1_000_000, currency: 'GBP' },
        competitionId,
      },
    });
    expect(fund.errors).toBeUndefined();
    const [first, second, third] = [
      await member(institutionA),
      await member(institutionA),
      await member(institutionB),
    ];
    const winner = (pi: string, rank: number, requested: number) => ({
      proposalId: randomUUID(),
      rank,
      title: `Entry ${rank}`,
      keywords: [],
      leadApplicantId: pi,
      teamMemberIds: [pi],
      institutionIds: [rank === 3 ? institutionB : institutionA],
      requestedFunding: requested,
      requestedHours: 52,
      normalisedScore: 1,
      meanRawScore: 3,
    });
    const winners = [winner(first, 1, 2000), winner(second, 2, 2000), winner(third, 3, 500)];
    const v1 = {
      competitionId,
      title: 'Research competition',
      publishedAt: new Date().toISOString(),
      fundingAvailable: 3000,
      protectedHoursAvailable: null,
      entries: 9,
      winners,
    };
    const meta = { aggregateId: competitionId, actorId: null, correlationId: randomUUID() };
    const deliver = deliverer(
      offerAwardsWhenResultsPublished(
        new AwardsService(subgraph.dataSource, DEFAULT_FUNDING_OPTIONS),
        DEFAULT_FUNDING_OPTIONS,
      ),
    );
    const v2Event = createEvent(CompetitionResultsPublishedV2, meta, {
      ...v1,
      currency: 'GBP',
      fundingAvailable: { amountMinor: 300_000, currency: 'GBP' },
      winners: winners.map((w) => ({
        ...w,
        requestedFunding: { amountMinor: w.requestedFunding * 100, currency: 'GBP' as const },
      })),
    });
    expect(await deliver(CompetitionResultsPublishedV2, v2Event)).toBe('applied');
    expect(await deliver(CompetitionResultsPublishedV2, v2Event)).toBe('duplicate');
    // the same results under a new event id, and as v1: the (competition, proposal) index keeps one award each
    expect(await deliver(CompetitionResultsPublishedV2, { ...v2Event, eventId: randomUUID() })).toBe(
      'applied',
    );
    expect(
      await deliver(CompetitionResultsPublishedV1, createEvent(CompetitionResultsPublishedV1, meta, v1)),
    ).toBe('applied');

    const awards = await awardsOf(admin, competitionId);
    const byPi = new Map(awards.map((award) => [award.principalInvestigator.id, award]));
    expect(awards).toHaveLength(2);
    expect(byPi.get(first)).toMatchObject({
      status: 'OFFERED',
      amount: { amountMinor: 200_000, currency: 'GBP' },
    });
    // the second winner gets what was left, with the reason; the third nothing (no award)
    expect(byPi.get(second)).toMatchObject({
      amount: { amountMinor: 100_000 },
      requested: { amountMinor: 200_000 },
    });
    expect(byPi.get(second)?.cappedReason).toMatch(/remained after higher-ranked winners/);
    expect(byPi.has(third)).toBe(false);
    // ...but the winner who got nothing reads why, once despite the redeliveries; a stranger reads nothing
    const outcomes = await outcomesOf({ memberId: third }, competitionId);
    expect(outcomes).toEqual([
      expect.objectContaining({
        rank: 3,
        outcome: 'NOTHING_LEFT',
        requested: { amountMinor: 50_000 },
        offered: { amountMinor: 0 },
        awardId: null,
        reason: expect.stringMatching(/£0\.00 remained after higher-ranked winners/),
      }),
    ]);
    expect((await outcomesOf(admin, competitionId)).map((o) => [o.rank, o.outcome])).toEqual([
      [1, 'FUNDED'],
      [2, 'CAPPED'],
      [3, 'NOTHING_LEFT'],
    ]);
    expect(
      await outcomesOf(
        { memberId: randomUUID(), roles: [{ role: 'lead', institutionId: institutionB }] },
        competitionId,
      ),
    ).toHaveLength(1);
    expect(await outcomesOf({ memberId: randomUUID() }, competitionId)).toEqual([]);

    // who sees what: the PI theirs, a lead of the institution both, a lead elsewhere and another member none
    expect((await awardsOf({ memberId: first }, competitionId)).map((a) => a.id)).toEqual([
      byPi.get(first)?.id,
    ]);
    expect(
      await awardsOf(
        { memberId: randomUUID(), roles: [{ role: 'lead', institutionId: institutionA }] },
        competitionId,
      ),
    ).toHaveLength(2);
    expect(
      await awardsOf(
        { memberId: randomUUID(), roles: [{ role: 'lead', institutionId: institutionB }] },
        competitionId,
      ),
    ).toHaveLength(0);
    const stranger = await subgraph.execute({ memberId: third }, AWARD, { id: byPi.get(first)?.id });
    expect(stranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // only the PI accepts (not an admin on their behalf); acceptance proposes the protected time asked for
    const award = byPi.get(first) as AwardNode;
    expect(award.availableActions).toEqual(expect.arrayContaining(['CANCEL']));
    const byAdmin = await subgraph.execute(admin, ACCEPT, { id: award.id });
    expect(byAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const accepted = await subgraph.execute({ memberId: first }, ACCEPT, { id: award.id });
    expect(accepted.errors).toBeUndefined();
    const again = await subgraph.execute({ memberId: first }, ACCEPT, { id: award.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('FAILED_PRECONDITION');
    const [allocation] = await subgraph.dataSource.query(
      `SELECT status, weekly_minutes FROM allocation WHERE award_id = $1`,
      [award.id],
    );
    expect(allocation).toMatchObject({ status: 'PROPOSED', weekly_minutes: 60 });

    // the supervisor mentorship confirms for this entry is recorded on its award (v2 names the entry)
    const supervisor = randomUUID();
    const deliverSupervision = deliverer(
      recordSupervisorWhenSupervisionStarts(new AwardsService(subgraph.dataSource, DEFAULT_FUNDING_OPTIONS)),
    );
    await deliverSupervision(
      MentorshipRelationshipStartedV2,
      createEvent(
        MentorshipRelationshipStartedV2,
        { aggregateId: randomUUID(), actorId: admin.memberId, correlationId: 'c' },
        {
          relationshipId: randomUUID(),
          mentorId: supervisor,
          menteeId: first,
          kind: 'SUPERVISION',
          origin: 'COMPETITION',
          competitionId,
          proposalId: award.proposalId,
          startedAt: new Date().toISOString(),
        },
      ),
    );
    expect((await awardsOf({ memberId: supervisor }, competitionId)).map((a) => a.supervisor?.id)).toEqual([
      supervisor,
    ]);
  });

  it('keeps a supervisor confirmed before the results arrive and records it on the award when it is offered', async () => {
    const competitionId = randomUUID();
    const proposalId = randomUUID();
    const pi = await member(institutionA);
    const [early, later] = [randomUUID(), randomUUID()];
    const deliverSupervision = deliverer(
      recordSupervisorWhenSupervisionStarts(new AwardsService(subgraph.dataSource, DEFAULT_FUNDING_OPTIONS)),
    );
    const supervision = (mentorId: string, startedAt: string) =>
      createEvent(
        MentorshipRelationshipStartedV2,
        { aggregateId: randomUUID(), actorId: admin.memberId, correlationId: 'c' },
        {
          relationshipId: randomUUID(),
          mentorId,
          menteeId: pi,
          kind: 'SUPERVISION',
          origin: 'COMPETITION',
          competitionId,
          proposalId,
          startedAt,
        },
      );
    // two relationships for the entry, the later-started one delivered first: it stands
    expect(
      await deliverSupervision(MentorshipRelationshipStartedV2, supervision(later, '2026-06-02T09:00:00Z')),
    ).toBe('applied');
    expect(
      await deliverSupervision(MentorshipRelationshipStartedV2, supervision(early, '2026-06-01T09:00:00Z')),
    ).toBe('applied');
    const deliver = deliverer(
      offerAwardsWhenResultsPublished(
        new AwardsService(subgraph.dataSource, DEFAULT_FUNDING_OPTIONS),
        DEFAULT_FUNDING_OPTIONS,
      ),
    );
    const results = createEvent(
      CompetitionResultsPublishedV2,
      { aggregateId: competitionId, actorId: null, correlationId: randomUUID() },
      {
        competitionId,
        title: 'Supervised competition',
        publishedAt: new Date().toISOString(),
        currency: 'GBP',
        fundingAvailable: null,
        protectedHoursAvailable: null,
        entries: 2,
        winners: [
          {
            proposalId,
            rank: 1,
            title: 'Entry',
            keywords: [],
            leadApplicantId: pi,
            teamMemberIds: [pi],
            institutionIds: [institutionA],
            requestedFunding: { amountMinor: 10_000, currency: 'GBP' as const },
            requestedHours: 0,
            normalisedScore: 1,
            meanRawScore: 3,
          },
        ],
      },
    );
    expect(await deliver(CompetitionResultsPublishedV2, results)).toBe('applied');
    expect((await awardsOf({ memberId: later }, competitionId)).map((a) => a.supervisor?.id)).toEqual([
      later,
    ]);
    expect(await awardsOf({ memberId: early }, competitionId)).toEqual([]);
    const [{ n }] = await subgraph.dataSource.query(
      `SELECT count(*)::int AS n FROM pending_supervisor WHERE competition_id = $1`,
      [competitionId],
    );
    expect(n).toBe(0);
  });

  it('attaches awards offered before their competition had a fund once the fund is created, while it can pay them', async () => {
    const competitionId = randomUUID();
    const [first, second] = [await member(institutionA), await member(institutionA)];
    const winner = (pi: string, rank: number) => ({
      proposalId: randomUUID(),
      rank,
      title: `Entry ${rank}`,
      keywords: [],
      leadApplicantId: pi,
      teamMemberIds: [pi],
      institutionIds: [institutionA],
      requestedFunding: { amountMinor: 60_000, currency: 'GBP' as const },
      requestedHours: 0,
      normalisedScore: 1,
      meanRawScore: 3,
    });
    const deliver = deliverer(
      offerAwardsWhenResultsPublished(
        new AwardsService(subgraph.dataSource, DEFAULT_FUNDING_OPTIONS),
        DEFAULT_FUNDING_OPTIONS,
      ),
    );
    const event = createEvent(
      CompetitionResultsPublishedV2,
      { aggregateId: competitionId, actorId: null, correlationId: randomUUID() },
      {
        competitionId,
        title: 'Fundless competition',
        publishedAt: new Date().toISOString(),
        currency: 'GBP',
        fundingAvailable: null,
        protectedHoursAvailable: null,
        entries: 4,
        winners: [winner(first, 1), winner(second, 2)],
      },
    );
    expect(await deliver(CompetitionResultsPublishedV2, event)).toBe('applied');
    const fundsOf = async () =>
      (
        (await subgraph.dataSource.query(
          `SELECT principal_investigator_id AS pi, fund_id FROM award WHERE competition_id = $1`,
          [competitionId],
        )) as Array<{ pi: string; fund_id: string | null }>
      ).reduce((map, row) => map.set(row.pi, row.fund_id), new Map<string, string | null>());
    expect([...(await fundsOf()).values()]).toEqual([null, null]);
    expect((await outcomesOf({ memberId: second }, competitionId))[0]).toMatchObject({
      outcome: 'NO_FUND',
      reason: expect.stringMatching(/has no fund yet/),
    });

    // the fund can promise one award's whole amount, not both: the earlier offer is attached
    const fund = await subgraph.execute<{ createFund: { id: string } }>(admin, CREATE_FUND, {
      input: {
        name: 'Late fund',
        source: 'Charity',
        total: { amountMinor: 100_000, currency: 'GBP' },
        competitionId,
      },
    });
    expect(fund.errors).toBeUndefined();
    const attached = await fundsOf();
    expect(attached.get(first)).toBe(fund.data?.createFund.id);
    expect(attached.get(second)).toBeNull();
    expect((await outcomesOf(admin, competitionId)).map((o) => [o.outcome, o.reason])).toEqual([
      ['FUNDED', null],
      ['NO_FUND', expect.stringMatching(/could not promise the whole amount/)],
    ]);
  });

  it("has a lead of the member's institution approve protected time, the member log it, and shows utilisation to those allowed", async () => {
    const pi = await member(institutionA);
    const fund = await subgraph.execute<{ createFund: { id: string } }>(admin, CREATE_FUND, {
      input: { name: 'Time fund', source: 'Institution', total: { amountMinor: 100_000, currency: 'GBP' } },
    });
    const today = new Date().toISOString().slice(0, 10);
    const created = await subgraph.execute<{ createAward: { id: string } }>(
      admin,
      `mutation C($input: CreateAwardInput!) { createAward(input: $input) { id } }`,
      {
        input: {
          title: 'Time award',
          fundId: fund.data?.createFund.id,
          amount: { amountMinor: 10_000, currency: 'GBP' },
          principalInvestigatorId: pi,
          teamMemberIds: [],
          startsOn: '2026-01-05',
          endsOn: '2027-01-03',
          requestedHours: 104,
        },
      },
    );
    const awardId = created.data?.createAward.id as string;
    expect((await subgraph.execute({ memberId: pi }, ACCEPT, { id: awardId })).errors).toBeUndefined();
    const allocations = await subgraph.execute<{
      award: { protectedTime: Array<{ id: string; status: string; weeklyHours: number }> };
    }>({ memberId: pi }, `query A($id: ID!) { award(id: $id) { protectedTime { id status weeklyHours } } }`, {
      id: awardId,
    });
    const [allocation] = allocations.data?.award.protectedTime ?? [];
    expect(allocation).toMatchObject({ status: 'PROPOSED', weeklyHours: 2 });
    const APPROVE = `mutation P($id: ID!) { approveProtectedTime(allocationId: $id) { id status } }`;
    const leadA = { memberId: randomUUID(), roles: [{ role: 'lead' as const, institutionId: institutionA }] };
    const leadB = { memberId: randomUUID(), roles: [{ role: 'lead' as const, institutionId: institutionB }] };
    expect(
      (await subgraph.execute({ memberId: pi }, APPROVE, { id: allocation?.id })).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await subgraph.execute(leadB, APPROVE, { id: allocation?.id })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await subgraph.execute(leadA, APPROVE, { id: allocation?.id })).data).toMatchObject({
      approveProtectedTime: { status: 'APPROVED' },
    });
    expect(
      (await subgraph.execute(admin, APPROVE, { id: allocation?.id })).errors?.[0]?.extensions?.code,
    ).toBe('CONFLICT');

    const LOG = `mutation L($input: LogTimeInput!) { logTime(input: $input) { id hours note } }`;
    const logged = await subgraph.execute({ memberId: pi }, LOG, {
      input: { date: today, hours: 1.5, activity: 'WRITING', note: 'private thoughts' },
    });
    expect(logged.errors).toBeUndefined();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const future = await subgraph.execute({ memberId: pi }, LOG, {
      input: { date: tomorrow, hours: 1, activity: 'WRITING' },
    });
    expect(future.errors?.[0]?.extensions?.code).toBe('FAILED_PRECONDITION');
    const tooMuch = await subgraph.execute({ memberId: pi }, LOG, {
      input: { date: today, hours: 23, activity: 'RESEARCH' },
    });
    expect(tooMuch.errors?.[0]?.extensions?.code).toBe('FAILED_PRECONDITION');

    const UTILISATION = `query U($m: ID!, $from: String!, $to: String!) { memberUtilisation(memberId: $m, from: $from, to: $to) { atRisk weeks { week allocatedHours loggedHours complete } } }`;
    const range = { m: pi, from: today, to: today };
    expect(
      (await subgraph.execute({ memberId: randomUUID() }, UTILISATION, range)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await subgraph.execute(leadB, UTILISATION, range)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const seen = await subgraph.execute<{ memberUtilisation: { weeks: Array<{ loggedHours: number }> } }>(
      leadA,
      UTILISATION,
      range,
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.memberUtilisation.weeks[0]?.loggedHours).toBe(1.5);
    // the time.logged event carries hours and activity, never the note
    const [outbox] = await subgraph.dataSource.query(
      `SELECT envelope->'payload' AS payload FROM outbox WHERE topic = 'funding.time.logged.v1' AND message_key = $1`,
      [(logged.data as { logTime: { id: string } }).logTime.id],
    );
    expect(outbox.payload).toMatchObject({ memberId: pi, minutes: 90, activity: 'WRITING' });
    expect(JSON.stringify(outbox.payload)).not.toContain('private');
  });

  it('refuses a spend past the line with the figures, records an override, and keeps the fund whole', async () => {
    const { awardId, pi } = await activeAward(50_000, [
      { category: 'TRAVEL', budgeted: { amountMinor: 10_000, currency: 'GBP' } },
      { category: 'OTHER', budgeted: { amountMinor: 40_000, currency: 'GBP' } },
    ]);
    const spend = (amountMinor: number, override?: string) =>
      subgraph.execute(admin, SPEND, {
        id: awardId,
        input: {
          budgetLine: 'TRAVEL',
          kind: 'PAYMENT',
          amount: { amountMinor, currency: 'GBP' },
          date: new Date().toISOString().slice(0, 10),
          description: 'Conference',
          ...(override ? { override: { reason: override } } : {}),
        },
      });
    expect((await spend(8_000)).errors).toBeUndefined();
    const refused = await spend(3_000);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'BUDGET_LINE_LIMIT_EXCEEDED',
      details: { remaining: { amountMinor: 2_000 }, budgeted: { amountMinor: 10_000 } },
    });
    const overridden = await spend(3_000, 'Registration fee rose');
    expect(overridden.errors).toBeUndefined();
    expect(overridden.data).toMatchObject({ recordSpend: { overrideReason: 'Registration fee rose' } });
    const bad = await spend(1.5);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const byPi = await subgraph.execute({ memberId: pi }, SPEND, {
      id: awardId,
      input: {
        budgetLine: 'TRAVEL',
        kind: 'PAYMENT',
        amount: { amountMinor: 1, currency: 'GBP' },
        date: '2026-01-01',
        description: 'x',
      },
    });
    expect(byPi.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const view = await subgraph.execute<{
      award: { budget: { lines: Array<{ category: string; remaining: { amountMinor: number } }> } };
    }>({ memberId: pi }, AWARD, { id: awardId });
    expect(
      view.data?.award.budget.lines.find((line) => line.category === 'TRAVEL')?.remaining.amountMinor,
    ).toBe(-1_000);
    // the ledger is append-only in the database itself
    await expect(
      subgraph.dataSource.query(`UPDATE spend_entry SET amount_minor = 1 WHERE award_id = $1`, [awardId]),
    ).rejects.toThrow(/append-only/);
  });

  it("names funds for other subgraphs' references to admins, all of them in the queries one costs; refused to others", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const created = await subgraph.execute<{ createFund: { id: string } }>(admin, CREATE_FUND, {
        input: { name: `Named fund ${i}`, source: 'Charity', total: { amountMinor: 500, currency: 'GBP' } },
      });
      ids.push(must(created.data, 'created data').createFund.id);
    }
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Fund { id name } } }`;
    const refs = (list: string[]) => list.map((id) => ({ __typename: 'Fund', id }));
    const all = await countQueries(subgraph.dataSource, () =>
      subgraph.execute(admin, query, { r: [...refs(ids), ...refs([randomUUID()])] }),
    );
    expect(all.result.errors).toBeUndefined();
    expect(all.result.data).toEqual({
      _entities: [...ids.map((id, i) => ({ id, name: `Named fund ${i}` })), null],
    });
    const one = await countQueries(subgraph.dataSource, () =>
      subgraph.execute(admin, query, { r: refs(ids.slice(0, 1)) }),
    );
    expect(all.queries.length).toBe(one.queries.length);
    const lead = { memberId: randomUUID(), roles: [{ role: 'lead' as const, institutionId: institutionA }] };
    const refused = await subgraph.execute(lead, query, { r: refs(ids.slice(0, 1)) });
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(refused.data ?? null)).not.toContain('Named fund');
  });

  it('pages funds newest first to admins, each page with its balances in as many queries as a page of one', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const created = await subgraph.execute<{ createFund: { id: string } }>(admin, CREATE_FUND, {
        input: {
          name: `Paged fund ${i}`,
          source: 'Charity',
          total: { amountMinor: 1_000 * (i + 1), currency: 'GBP' },
        },
      });
      expect(created.errors).toBeUndefined();
      ids.push(must(created.data, 'created data').createFund.id);
    }
    const FUNDS = `query($n: Int, $after: String) { funds(first: $n, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id name balance { total { amountMinor } available { amountMinor } } } }
    } }`;
    type Page = {
      funds: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: Array<{ node: { id: string; balance: { total: { amountMinor: number } } } }>;
      };
    };
    const page = (n: number, after: string | null = null) =>
      countQueries(subgraph.dataSource, () => subgraph.execute<Page>(admin, FUNDS, { n, after }));
    const one = await page(1);
    const four = await page(4);
    expect(four.result.errors).toBeUndefined();
    expect(must(four.result.data, 'four data').funds.edges.map((edge) => edge.node.id)).toEqual(
      [...ids].reverse(),
    );
    expect(
      must(four.result.data, 'four data').funds.edges.map((edge) => edge.node.balance.total.amountMinor),
    ).toEqual([4_000, 3_000, 2_000, 1_000]);
    expect(four.queries.length).toBe(one.queries.length);
    const next = await page(1, must(one.result.data, 'one data').funds.pageInfo.endCursor);
    expect(must(next.result.data, 'next data').funds.edges.map((edge) => edge.node.id)).toEqual([ids[2]]);
    const member = { memberId: randomUUID() };
    await addMember(subgraph, randomUUID(), member.memberId);
    const refused = await subgraph.execute(member, FUNDS, { n: 1 });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('leaves a line at exactly its budget when 50 spends race for its last funds', async () => {
    const { awardId } = await activeAward(10_000, [
      { category: 'CONSUMABLES', budgeted: { amountMinor: 10_000, currency: 'GBP' } },
    ]);
    const ledger = new LedgerService(subgraph.dataSource);
    await ledger.recordSpend(
      awardId,
      {
        budgetLine: 'CONSUMABLES',
        kind: 'PAYMENT',
        amount: { amountMinor: 9_000, currency: 'GBP' },
        date: new Date().toISOString().slice(0, 10),
        description: 'Most of it',
      },
      admin.memberId,
    );
    // 1,000 pence left; 50 spends of 30p each: exactly 33 fit (990p), 17 are refused, the line ends at 9,990p.
    // Two services stand for two replicas (each groups its own waiting spends into one transaction; the row
    // locks order the two), and five spends on a line the award does not have are mixed in: refused alone.
    const replicas = [ledger, new LedgerService(subgraph.dataSource)];
    const spend = (index: number, budgetLine: 'CONSUMABLES' | 'TRAVEL') =>
      replicas[index % 2].recordSpend(
        awardId,
        {
          budgetLine,
          kind: 'PAYMENT',
          amount: { amountMinor: 30, currency: 'GBP' },
          date: new Date().toISOString().slice(0, 10),
          description: 'Reagent',
        },
        admin.memberId,
      );
    const outcomes = await Promise.allSettled(
      Array.from({ length: 55 }, (_, index) => spend(index, index % 11 === 5 ? 'TRAVEL' : 'CONSUMABLES')),
    );
    const reasons = outcomes.map((outcome) =>
      outcome.status === 'fulfilled' ? 'RECORDED' : (outcome.reason as { code: string }).code,
    );
    expect(reasons.filter((reason) => reason === 'RECORDED')).toHaveLength(33);
    expect(reasons.filter((reason) => reason === 'BUDGET_LINE_LIMIT_EXCEEDED')).toHaveLength(17);
    expect(reasons.filter((_, index) => index % 11 === 5)).toEqual(Array(5).fill('UNKNOWN_BUDGET_LINE'));
    const [{ total }] = await subgraph.dataSource.query(
      `SELECT sum(amount_minor)::int AS total FROM spend_entry WHERE award_id = $1`,
      [awardId],
    );
    expect(total).toBe(9_990);
    expect(await subgraph.dataSource.getRepository(SpendEntryEntity).countBy({ awardId })).toBe(34);
    // one event per recorded spend, numbered without gaps on the award
    const events: Array<{ sequence: number }> = await subgraph.dataSource.query(
      `SELECT sequence::int FROM outbox WHERE topic = 'funding.spend.recorded.v1' AND message_key = $1 ORDER BY sequence`,
      [awardId],
    );
    expect(events).toHaveLength(34);
    expect(new Set(events.map((event) => event.sequence)).size).toBe(34);
  }, 120000);

  /** An ACTIVE award with these lines, through GraphQL as admins and the PI would do it. */
  async function activeAward(
    amountMinor: number,
    lines: Array<{ category: string; budgeted: { amountMinor: number; currency: string } }>,
  ) {
    const fund = await subgraph.execute<{ createFund: { id: string } }>(admin, CREATE_FUND, {
      input: { name: 'Fund', source: 'Institution', total: { amountMinor: 1_000_000, currency: 'GBP' } },
    });
    const pi = await member(institutionA);
    const today = new Date().toISOString().slice(0, 10);
    const created = await subgraph.execute<{ createAward: { id: string } }>(
      admin,
      `mutation C($input: CreateAwardInput!) { createAward(input: $input) { id status } }`,
      {
        input: {
          title: 'Award',
          fundId: fund.data?.createFund.id,
          amount: { amountMinor, currency: 'GBP' },
          principalInvestigatorId: pi,
          teamMemberIds: [],
          startsOn: today,
          endsOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const awardId = created.data?.createAward.id as string;
    expect((await subgraph.execute(admin, LINES, { id: awardId, lines })).errors).toBeUndefined();
    expect((await subgraph.execute({ memberId: pi }, ACCEPT, { id: awardId })).errors).toBeUndefined();
    expect((await subgraph.execute(admin, ACTIVATE, { id: awardId })).errors).toBeUndefined();
    return { awardId, pi };
  }
});
