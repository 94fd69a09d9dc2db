import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { parseEvent, ProposalSubmittedV1, ReviewSubmittedV1 } from '@praxis/contracts';
import { createServiceDataSource } from '@praxis/platform/database';
import { MessagingRuntime } from '@praxis/platform/messaging';
import { createLogger } from '@praxis/platform/observability';
import { collectTopic, createTestDatabase, testBrokers, uniqueName, waitFor } from '@praxis/platform/testing';
import { proposalsDatabase } from '@praxis/proposals/data-access';
import { CompetitionsService } from './competitions.service';
import { JudgingService } from './judging.service';
import type { CreateCompetitionInput } from './proposals.objects';
import { ProposalsService } from './proposals.service';

const logger = createLogger('proposals-test', process.env.TEST_LOG_LEVEL ?? 'silent');

function settings() {
  return {
    brokers: testBrokers(),
    clientId: uniqueName('proposals'),
    sessionTimeoutMs: 6000,
    heartbeatIntervalMs: 500,
    maxWaitMs: 100,
    replicationFactor: 1,
    consumerMaxAttempts: 3,
  };
}

function competitionInput(overrides: Partial<CreateCompetitionInput>): CreateCompetitionInput {
  return {
    title: 'Integration call',
    description: '',
    opensAt: new Date(Date.now() - 60_000),
    closesAt: new Date(Date.now() + 3_600_000),
    judgingEndsAt: new Date(Date.now() + 7_200_000),
    criteria: [{ name: 'Quality', guidance: '', weight: 1, scaleMin: 0, scaleMax: 4 }],
    reviewsPerEntry: 1,
    judgeMaxLoad: 5,
    blind: false,
    winnersCount: 1,
    eligibility: { requiresInterInstitutionalTeam: true, maxTeamSize: 4, allowedCareerStages: [] },
    fundingAvailable: null,
    protectedHoursAvailable: null,
    ...overrides,
  };
}

describe('proposals: member replica and outbox events', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  const runtimes: MessagingRuntime[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('proposals');
    dataSource = createServiceDataSource({ url: db.url, ...proposalsDatabase });
    await dataSource.initialize();
    await dataSource.runMigrations();
  });

  afterEach(async () => {
    for (const runtime of runtimes.splice(0)) await runtime.stop();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('publishes submissions and reviews with valid envelopes, and no identities for blind competitions', async () => {
    const [lead, partner, judge] = [randomUUID(), randomUUID(), randomUUID()];
    const [institutionA, institutionB, institutionC] = [randomUUID(), randomUUID(), randomUUID()];
    for (const [memberId, institutionId, roles] of [
      [lead, institutionA, []],
      [partner, institutionB, []],
      [judge, institutionC, ['judge']],
    ] as const) {
      await dataSource.query(
        `INSERT INTO member_replica (member_id, display_name, career_stage, institution_id, interests)
         VALUES ($1, $2, 'RESIDENT', $3, '{}')`,
        [memberId, `Name ${memberId.slice(0, 4)}`, institutionId],
      );
      for (const role of roles) {
        await dataSource.query(`INSERT INTO member_role_replica (member_id, role) VALUES ($1, $2)`, [
          memberId,
          role,
        ]);
      }
    }
    const options = { namedConflictsMax: 3, defaultCurrency: 'GBP' as const };
    const competitions = new CompetitionsService(dataSource, options);
    const proposals = new ProposalsService(dataSource, options);
    const judging = new JudgingService(dataSource);
    const admin = { memberId: randomUUID(), roles: [{ role: 'admin' as const, institutionId: null }] };
    const applicant = { memberId: lead, roles: [] };
    const input = competitionInput({ title: 'Blind integration call', blind: true });
    const competition = await competitions.create(input, admin.memberId);
    await competitions.open(competition.id);
    const draft = await proposals.saveDraft(
      {
        competitionId: competition.id,
        title: 'Peer teaching',
        summary: 's',
        aims: 'a',
        methods: 'm',
        expectedImpact: 'e',
        keywords: ['Teaching'],
        leadApplicantId: lead,
        teamMemberIds: [partner],
        requestedFunding: 100,
        requestedHours: 10,
      },
      applicant,
    );
    // the partner joins by accepting the invitation
    await proposals.answerInvitation(draft.id, true, { memberId: partner, roles: [] });
    await proposals.submit(draft.id, [], applicant);
    await competitions.updateDates(competition.id, {
      opensAt: input.opensAt,
      closesAt: new Date(Date.now() - 1000),
      judgingEndsAt: input.judgingEndsAt,
    });
    await competitions.startJudging(competition.id);
    await judging.addJudge(competition.id, judge, admin.memberId);
    await judging.assign(competition.id, admin.memberId);
    const judgePrincipal = { memberId: judge, roles: [{ role: 'judge' as const, institutionId: null }] };
    await judging.submitScores(
      { proposalId: draft.id, scores: [{ criterionId: 'c1', value: 3 }], comment: 'good' },
      judgePrincipal,
    );

    const submittedTopic = await collectTopic(testBrokers(), ProposalSubmittedV1.topic);
    const reviewTopic = await collectTopic(testBrokers(), ReviewSubmittedV1.topic);
    try {
      const runtime = new MessagingRuntime({
        service: uniqueName('proposals'),
        settings: settings(),
        dataSource,
        databaseUrl: db.url,
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
    const options = { namedConflictsMax: 3, defaultCurrency: 'GBP' as const };
    const competitions = new CompetitionsService(dataSource, options);
    const proposals = new ProposalsService(dataSource, options);
    const admin = randomUUID();
    const input = competitionInput({
      title: 'Money call',
      eligibility: { requiresInterInstitutionalTeam: false, maxTeamSize: 4, allowedCareerStages: [] },
      fundingAvailable: 1234.5,
    });
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
    const yen = await competitions.create({ ...input, currency: 'JPY', fundingAvailable: 500000 }, admin);
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
  });
});
