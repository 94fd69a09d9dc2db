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
    const competitions = new CompetitionsService(dataSource);
    const proposals = new ProposalsService(dataSource, { namedConflictsMax: 3 });
    const judging = new JudgingService(dataSource);
    const admin = { memberId: randomUUID(), roles: [{ role: 'admin' as const, institutionId: null }] };
    const applicant = { memberId: lead, roles: [] };
    const input: CreateCompetitionInput = {
      title: 'Blind integration call',
      description: '',
      opensAt: new Date(Date.now() - 60_000),
      closesAt: new Date(Date.now() + 3_600_000),
      judgingEndsAt: new Date(Date.now() + 7_200_000),
      criteria: [{ name: 'Quality', guidance: '', weight: 1, scaleMin: 0, scaleMax: 4 }],
      reviewsPerEntry: 1,
      judgeMaxLoad: 5,
      blind: true,
      winnersCount: 1,
      eligibility: { requiresInterInstitutionalTeam: true, maxTeamSize: 4, allowedCareerStages: [] },
      fundingAvailable: null,
      protectedHoursAvailable: null,
    };
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
});
