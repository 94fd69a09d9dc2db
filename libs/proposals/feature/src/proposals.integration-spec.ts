import { randomUUID } from 'node:crypto';
import {
  CompetitionChangedV1,
  CompetitionOpenedV1,
  parseEvent,
  ProposalSubmittedV1,
  ReviewSubmittedV1,
} from '@praxis/contracts';
import { MessagingRuntime } from '@praxis/platform/messaging';
import { ProposalsErrorCode } from '@praxis/proposals/domain';
import { createLogger } from '@praxis/platform/observability';
import { collectTopic, testBrokers, testKafkaSettings, uniqueName, waitFor } from '@praxis/platform/testing';
import type { CreateCompetitionInput } from './proposals.objects';
import { startProposalsServices, type ProposalsServicesKit } from './testing/services-kit';

const logger = createLogger('proposals-test', process.env.TEST_LOG_LEVEL ?? 'silent');

describe('proposals: member replica and outbox events', () => {
  let kit: ProposalsServicesKit;
  const runtimes: MessagingRuntime[] = [];

  beforeAll(async () => {
    kit = await startProposalsServices('proposals');
  });

  afterEach(async () => {
    for (const runtime of runtimes.splice(0)) await runtime.stop();
  });

  afterAll(async () => {
    await kit?.close();
  });

  it('publishes submissions and reviews with valid envelopes, and no identities for blind competitions', async () => {
    const [institutionA, institutionB] = [randomUUID(), randomUUID()];
    const applicant = await kit.member({ institutionId: institutionA });
    const partnerPrincipal = await kit.member({ institutionId: institutionB });
    const judgePrincipal = await kit.member({ roles: ['judge'] });
    const [lead, partner, judge] = [applicant, partnerPrincipal, judgePrincipal].map((m) => m.memberId);
    const { proposals, judging, admin } = kit;
    const competition = await kit.openCompetition({
      title: 'Blind integration call',
      blind: true,
      judgeMaxLoad: 5,
      eligibility: { requiresInterInstitutionalTeam: true, maxTeamSize: 4, allowedCareerStages: [] },
    });
    const draft = await kit.draft(competition.id, applicant, {
      title: 'Peer teaching',
      keywords: ['Teaching'],
      teamMemberIds: [partner],
      requestedFunding: 100,
      requestedHours: 10,
    });
    // the partner joins by accepting the invitation
    await proposals.answerInvitation(draft.id, true, partnerPrincipal);
    await proposals.submit(draft.id, [], applicant);
    await kit.startJudging(competition.id);
    await judging.addJudge(competition.id, judge, admin.memberId);
    await judging.assign(competition.id, admin.memberId);
    await judging.submitScores(
      { proposalId: draft.id, scores: [{ criterionId: 'c1', value: 3 }], comment: 'good' },
      judgePrincipal,
    );

    const submittedTopic = await collectTopic(testBrokers(), ProposalSubmittedV1.topic);
    const reviewTopic = await collectTopic(testBrokers(), ReviewSubmittedV1.topic);
    try {
      const runtime = new MessagingRuntime({
        service: uniqueName('proposals'),
        settings: testKafkaSettings('proposals'),
        dataSource: kit.dataSource,
        databaseUrl: kit.databaseUrl,
        logger,
        produces: [ProposalSubmittedV1, ReviewSubmittedV1],
        relay: { pollIntervalMs: 200 },
      });
      runtimes.push(runtime);
      runtime.start();

      const submission = await waitFor(
        () => submittedTopic.messages.find((message) => message.key === draft.id),
        { timeoutMs: 30000, description: 'the submitted event on Kafka' },
      );
      const parsedSubmission = parseEvent(ProposalSubmittedV1, submission.json());
      expect(parsedSubmission.ok).toBe(true);
      if (parsedSubmission.ok) {
        expect(parsedSubmission.event).toMatchObject({
          type: 'proposals.proposal.submitted',
          version: 1,
          aggregateId: draft.id,
          actorId: null,
          payload: {
            proposalId: draft.id,
            competitionId: competition.id,
            version: 1,
            blind: true,
            team: null,
          },
        });
      }
      const review = await waitFor(
        () =>
          reviewTopic.messages.find((message) => {
            const parsed = parseEvent(ReviewSubmittedV1, message.json());
            return parsed.ok && parsed.event.payload.proposalId === draft.id;
          }),
        { timeoutMs: 30000, description: 'the review event on Kafka' },
      );
      const parsedReview = parseEvent(ReviewSubmittedV1, review.json());
      expect(parsedReview.ok).toBe(true);
      if (parsedReview.ok) {
        expect(parsedReview.event.actorId).toBeNull();
        expect(parsedReview.event.payload.judgeId).toBeNull();
      }
      for (const message of [submission, review]) {
        for (const identity of [lead, partner, judge, institutionA, institutionB]) {
          expect(message.value).not.toContain(identity);
        }
      }
    } finally {
      await submittedTopic.stop();
      await reviewTopic.stop();
    }
  });

  it('gives each competition an ISO 4217 currency and keeps its amounts as exact minor units', async () => {
    const { competitions, proposals } = kit;
    const admin = kit.admin.memberId;
    const input = kit.competitionInput({ title: 'Money call', fundingAvailable: 1234.5 });
    expect(await competitions.create(input, admin)).toMatchObject({
      currency: 'GBP',
      fundingAvailableMinor: 123450,
    });
    const usd = await competitions.create({ ...input, currency: 'usd', fundingAvailable: 0.07 }, admin);
    expect(usd).toMatchObject({ currency: 'USD', fundingAvailableMinor: 7 });
    // an unknown code and a sub-penny amount are refused together, each naming its field
    await expect(
      competitions.create({ ...input, currency: 'GPB', fundingAvailable: 1 }, admin),
    ).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'input.currency', rule: 'iso4217' })],
    });
    await expect(competitions.create({ ...input, fundingAvailable: 10.005 }, admin)).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'input.fundingAvailable', rule: 'minorUnits' })],
    });

    // the Money input: integer minor units in the competition's currency (given, else the default), each problem
    // naming its field; the deprecated Float beside it is refused
    const withMoney = (
      amountMinor: number,
      currency: string,
      overrides: Partial<CreateCompetitionInput> = {},
    ) => ({
      ...input,
      fundingAvailable: undefined,
      fundingAvailableMoney: { amountMinor, currency },
      ...overrides,
    });
    await expect(competitions.create(withMoney(1000, 'USD'), admin)).rejects.toMatchObject({
      code: ProposalsErrorCode.INVALID_INPUT,
      fields: [
        expect.objectContaining({
          field: 'input.fundingAvailableMoney.currency',
          rule: 'competitionCurrency',
        }),
      ],
    });
    await expect(
      competitions.create(withMoney(1000, 'GBP', { currency: 'EUR' }), admin),
    ).rejects.toMatchObject({
      fields: [
        expect.objectContaining({
          field: 'input.fundingAvailableMoney.currency',
          rule: 'competitionCurrency',
        }),
      ],
    });
    await expect(competitions.create(withMoney(-1, 'GBP'), admin)).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'input.fundingAvailableMoney.amountMinor', rule: 'min' })],
    });
    await expect(
      competitions.create(withMoney(1000, 'GBP', { fundingAvailable: 10 }), admin),
    ).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'input.fundingAvailable', rule: 'oneOf' })],
    });
    expect(await competitions.create(withMoney(123456, 'GBP'), admin)).toMatchObject({
      currency: 'GBP',
      fundingAvailableMinor: 123456,
    });
    expect(await competitions.create(withMoney(7, 'USD', { currency: 'usd' }), admin)).toMatchObject({
      currency: 'USD',
      fundingAvailableMinor: 7,
    });
    // neither given: the competition states no amount
    expect(
      await competitions.create(withMoney(0, 'GBP', { fundingAvailableMoney: null }), admin),
    ).toMatchObject({ fundingAvailableMinor: null });

    const yen = await competitions.create(withMoney(500000, 'JPY', { currency: 'JPY' }), admin);
    await competitions.open(yen.id);
    const lead = randomUUID();
    const draftInput = {
      competitionId: yen.id,
      title: 'Yen entry',
      summary: '',
      aims: '',
      methods: '',
      expectedImpact: '',
      keywords: [],
      leadApplicantId: lead,
      teamMemberIds: [],
      requestedFunding: 1000.5,
      requestedHours: 0,
    };
    await expect(proposals.saveDraft(draftInput, { memberId: lead, roles: [] })).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'input.requestedFunding', rule: 'minorUnits' })],
    });
    const saved = await proposals.saveDraft(
      { ...draftInput, requestedFunding: 1000 },
      { memberId: lead, roles: [] },
    );
    expect(saved).toMatchObject({ currency: 'JPY', requestedFundingMinor: 1000 });

    // the Money input: integer minor units in the competition's currency, each problem naming its field
    const asLead = { memberId: lead, roles: [] };
    const moneyInput = (amountMinor: number, currency: string) => ({
      ...draftInput,
      id: saved.id,
      requestedFunding: undefined,
      requestedFundingMoney: { amountMinor, currency },
    });
    await expect(proposals.saveDraft(moneyInput(1000, 'GBP'), asLead)).rejects.toMatchObject({
      fields: [
        expect.objectContaining({
          field: 'input.requestedFundingMoney.currency',
          rule: 'competitionCurrency',
        }),
      ],
    });
    await expect(proposals.saveDraft(moneyInput(-1, 'JPY'), asLead)).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'input.requestedFundingMoney.amountMinor', rule: 'min' })],
    });
    await expect(
      proposals.saveDraft({ ...moneyInput(1000, 'JPY'), requestedFunding: 1000 }, asLead),
    ).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'input.requestedFunding', rule: 'oneOf' })],
    });
    expect(await proposals.saveDraft(moneyInput(2500, 'JPY'), asLead)).toMatchObject({
      currency: 'JPY',
      requestedFundingMinor: 2500,
    });
    // neither given: nothing requested
    expect(
      await proposals.saveDraft({ ...moneyInput(0, 'JPY'), requestedFundingMoney: undefined }, asLead),
    ).toMatchObject({ requestedFundingMinor: 0 });
  });

  it("keeps a competition's tags in lower case without repeats and publishes them when it opens", async () => {
    const { competitions, dataSource } = kit;
    const created = await competitions.create(
      kit.competitionInput({
        title: 'Tagged call',
        tags: [' Assessment ', 'assessment', 'Digital  Health', ' '],
      }),
      randomUUID(),
    );
    expect(created.tags).toEqual(['assessment', 'digital health']);
    await competitions.open(created.id);
    const [row]: Array<{ envelope: unknown }> = await dataSource.query(
      `SELECT envelope FROM outbox WHERE topic = $1 AND message_key = $2`,
      [CompetitionOpenedV1.topic, created.id],
    );
    const parsed = parseEvent(CompetitionOpenedV1, row.envelope);
    expect(parsed.ok && parsed.event.payload.tags).toEqual(['assessment', 'digital health']);
  });

  it('publishes the whole listing when an opened competition moves its dates or phase, never for a draft', async () => {
    const { competitions, dataSource, admin } = kit;
    const hour = 3_600_000;
    const created = await competitions.create(
      kit.competitionInput({ title: 'Moving call', tags: ['Assessment'] }),
      admin.memberId,
    );
    const dates = (closesInHours: number) => ({
      opensAt: created.opensAt,
      closesAt: new Date(Date.now() + closesInHours * hour),
      judgingEndsAt: new Date(Date.now() + 48 * hour),
    });
    // a draft is nobody's business: moving its dates or cancelling it publishes nothing
    await competitions.updateDates(created.id, dates(2));
    await competitions.open(created.id);
    const moved = dates(5);
    await competitions.updateDates(created.id, moved);
    // the same dates again are no change
    await competitions.updateDates(created.id, moved);
    await kit.startJudging(created.id);
    await competitions.cancel(created.id, admin.memberId);
    const draft = await competitions.create(kit.competitionInput({ title: 'Dropped draft' }), admin.memberId);
    await competitions.cancel(draft.id, admin.memberId);

    const rows: Array<{ topic: string; sequence: string; envelope: unknown }> = await dataSource.query(
      `SELECT topic, sequence, envelope FROM outbox WHERE message_key = ANY($1) AND topic = ANY($2)
       ORDER BY sequence`,
      [
        [created.id, draft.id],
        [CompetitionOpenedV1.topic, CompetitionChangedV1.topic],
      ],
    );
    expect(rows.map((row) => row.topic)).toEqual([
      CompetitionOpenedV1.topic,
      CompetitionChangedV1.topic,
      CompetitionChangedV1.topic, // startJudging's helper moves closesAt first
      CompetitionChangedV1.topic,
      CompetitionChangedV1.topic,
    ]);
    const changes = rows.slice(1).map((row) => {
      const parsed = parseEvent(CompetitionChangedV1, row.envelope);
      if (!parsed.ok) throw new Error(`invalid ${row.topic}: ${JSON.stringify(parsed)}`);
      return parsed.event;
    });
    expect(changes[0].payload).toEqual({
      competitionId: created.id,
      change: 'DATES',
      title: 'Moving call',
      tags: ['assessment'],
      phase: 'OPEN',
      opensAt: moved.opensAt.toISOString(),
      closesAt: moved.closesAt.toISOString(),
      judgingEndsAt: moved.judgingEndsAt.toISOString(),
    });
    expect(changes.map((event) => [event.payload.change, event.payload.phase])).toEqual([
      ['DATES', 'OPEN'],
      ['DATES', 'OPEN'],
      ['PHASE', 'JUDGING'],
      ['PHASE', 'CANCELLED'],
    ]);
    // one aggregate, one rising sequence across both topics: what lets a consumer keep only the newest
    const sequences = changes.map((event) => event.sequence ?? 0);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(changes.every((event) => event.aggregateId === created.id)).toBe(true);
  });
});
