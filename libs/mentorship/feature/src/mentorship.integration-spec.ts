import { randomUUID } from 'node:crypto';
import type { EachMessagePayload, Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import {
  CompetitionResultsPublishedV1,
  CompetitionResultsPublishedV2,
  createEvent,
  type EventContract,
  type EventOf,
} from '@praxis/contracts';
import { createServiceDataSource } from '@praxis/platform/database';
import { MemberReplicaEntity, MemberRoleReplicaEntity } from '@praxis/platform/member-replica';
import { EventConsumer, type EventHandler } from '@praxis/platform/messaging';
import { createLogger } from '@praxis/platform/observability';
import { createTestDatabase, uniqueName } from '@praxis/platform/testing';
import {
  mentorshipDatabase,
  MentorProfileEntity,
  RelationshipEntity,
  SupervisionProposalEntity,
} from '@praxis/mentorship/data-access';
import { DEFAULT_MATCH_WEIGHTS, MentorshipDomainError, MentorshipErrorCode } from '@praxis/mentorship/domain';
import { MatchingService, supervisionHandlers } from './matching.service';
import { ProfilesService } from './profiles.service';
import type { MentorshipOptions } from './mentorship.options';
import { RelationshipsService } from './relationships.service';

const logger = createLogger('mentorship-test', process.env.TEST_LOG_LEVEL ?? 'silent');
const options: MentorshipOptions = { weights: DEFAULT_MATCH_WEIGHTS, defaultCadenceDays: 30 };

describe('mentorship against PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let institutionId: string;

  beforeAll(async () => {
    db = await createTestDatabase('mentorship');
    dataSource = createServiceDataSource({ url: db.url, ...mentorshipDatabase });
    await dataSource.initialize();
    await dataSource.runMigrations();
    institutionId = randomUUID();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  async function member(careerStage: MemberReplicaEntity['careerStage'], interests: string[] = []) {
    const memberId = randomUUID();
    await dataSource.getRepository(MemberReplicaEntity).insert({
      memberId,
      displayName: `m-${memberId.slice(0, 6)}`,
      careerStage,
      institutionId,
      specialty: null,
      interests,
    });
    return memberId;
  }

  /** A member holding the mentor role (as the replica says) with a mentor profile. */
  async function mentor(capacity: number, expertise: string[] = []) {
    const memberId = await member('CONSULTANT');
    await dataSource
      .getRepository(MemberRoleReplicaEntity)
      .insert({ memberId, role: 'mentor', institutionKey: '' });
    await dataSource.getRepository(MentorProfileEntity).insert({
      memberId,
      capacity,
      expertise,
      interests: [],
      menteeStages: [],
      formats: ['ONE_TO_ONE'],
      acceptsDirectRequests: true,
      paused: false,
    });
    return memberId;
  }

  /** The consumer the service runs, fed one message at a time (a redelivery is the same message again). */
  function consumerFor(groupId: string, handlers: EventHandler[]) {
    const consumer = new EventConsumer({
      kafka: {} as Kafka,
      dataSource,
      groupId,
      handlers,
      producer: () =>
        Promise.reject(new Error('nothing should be dead-lettered in this test')) as Promise<Producer>,
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

  it('gives the last place to exactly one of two mentees accepted at the same moment', async () => {
    const service = new RelationshipsService(dataSource, options);
    for (let round = 0; round < 5; round += 1) {
      const mentorId = await mentor(1);
      const [a, b] = [await member('RESIDENT'), await member('RESIDENT')];
      // both ask for the single place at once: both requests stand, the place is not yet taken
      const [requestA, requestB] = await Promise.all([
        service.requestMentor(a, mentorId, 'please'),
        service.requestMentor(b, mentorId, 'please'),
      ]);
      const outcomes = await Promise.allSettled([
        service.respondToRequest(mentorId, requestA.id, true, null),
        service.respondToRequest(mentorId, requestB.id, true, null),
      ]);
      const accepted = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
      expect(accepted).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toBeInstanceOf(MentorshipDomainError);
      expect((refused[0] as MentorshipDomainError).code).toBe(MentorshipErrorCode.MENTOR_AT_CAPACITY);
      const profile = await dataSource
        .getRepository(MentorProfileEntity)
        .findOneByOrFail({ memberId: mentorId });
      expect(profile.activeMentees).toBe(1);
      expect(await dataSource.getRepository(RelationshipEntity).countBy({ mentorId, status: 'ACTIVE' })).toBe(
        1,
      );
    }
  });

  it('frees the place when a relationship ends, and refuses a second open request to the same mentor', async () => {
    const service = new RelationshipsService(dataSource, options);
    const mentorId = await mentor(1);
    const mentee = await member('FOUNDATION_DOCTOR');
    const request = await service.requestMentor(mentee, mentorId, 'hello');
    await expect(service.requestMentor(mentee, mentorId, 'again')).rejects.toMatchObject({
      code: MentorshipErrorCode.ALREADY_MENTORING,
    });
    await service.respondToRequest(mentorId, request.id, true, null);
    await service.endRelationship({ memberId: mentee, isAdmin: false }, request.id, 'moving on');
    const profile = await dataSource
      .getRepository(MentorProfileEntity)
      .findOneByOrFail({ memberId: mentorId });
    expect(profile.activeMentees).toBe(0);
    const again = await service.requestMentor(mentee, mentorId, 'back again');
    expect(again.status).toBe('REQUESTED');
  });

  it('proposes one supervisor per winning proposal, whether the event is redelivered or published again', async () => {
    const deliver = consumerFor(
      uniqueName('mentorship.supervision'),
      supervisionHandlers(DEFAULT_MATCH_WEIGHTS),
    );
    const lead = await member('FOUNDATION_DOCTOR');
    const best = await mentor(2, ['Realist evaluation']);
    await mentor(2, ['cardiology']);
    const competitionId = randomUUID();
    const proposalId = randomUUID();
    const payload = {
      competitionId,
      title: 'Competition',
      publishedAt: new Date().toISOString(),
      fundingAvailable: null,
      protectedHoursAvailable: null,
      entries: 3,
      winners: [
        {
          proposalId,
          rank: 1,
          title: 'Evaluating a masterclass',
          keywords: ['realist evaluation'],
          leadApplicantId: lead,
          teamMemberIds: [lead],
          institutionIds: [institutionId],
          requestedFunding: 500,
          requestedHours: 10,
          normalisedScore: 1,
          meanRawScore: 8,
        },
      ],
    };
    const meta = { aggregateId: competitionId, actorId: null, correlationId: randomUUID() };
    const event = createEvent(CompetitionResultsPublishedV1, meta, payload);
    expect(await deliver(CompetitionResultsPublishedV1, event)).toBe('applied');
    expect(await deliver(CompetitionResultsPublishedV1, event)).toBe('duplicate');
    // a new event id passes the inbox; the unique (competition, proposal) index still keeps one proposal
    const again = createEvent(CompetitionResultsPublishedV1, meta, payload);
    expect(await deliver(CompetitionResultsPublishedV1, again)).toBe('applied');
    // the same results as v2 (Money amounts), while v1 drains, change nothing either
    const v2 = createEvent(CompetitionResultsPublishedV2, meta, {
      ...payload,
      currency: 'GBP',
      fundingAvailable: null,
      winners: payload.winners.map((winner) => ({
        ...winner,
        requestedFunding: { amountMinor: 50000, currency: 'GBP' as const },
      })),
    });
    expect(await deliver(CompetitionResultsPublishedV2, v2)).toBe('applied');
    const proposals = await dataSource.getRepository(SupervisionProposalEntity).findBy({ competitionId });
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ proposalId, menteeId: lead, mentorId: best, status: 'PROPOSED' });
  });

  /** Publishes results with one winner per team, every team led by `lead`; returns the supervision proposals. */
  async function supervisionsFor(lead: string, teams: string[][]): Promise<SupervisionProposalEntity[]> {
    const deliver = consumerFor(
      uniqueName('mentorship.supervision'),
      supervisionHandlers(DEFAULT_MATCH_WEIGHTS),
    );
    const competitionId = randomUUID();
    const event = createEvent(
      CompetitionResultsPublishedV1,
      { aggregateId: competitionId, actorId: null, correlationId: randomUUID() },
      {
        competitionId,
        title: 'Competition',
        publishedAt: new Date().toISOString(),
        fundingAvailable: null,
        protectedHoursAvailable: null,
        entries: teams.length,
        winners: teams.map((team, index) => ({
          proposalId: randomUUID(),
          rank: index + 1,
          title: `Winner ${index + 1}`,
          keywords: ['simulation'],
          leadApplicantId: lead,
          teamMemberIds: [lead, ...team],
          institutionIds: [institutionId],
          requestedFunding: 500,
          requestedHours: 10,
          normalisedScore: 1,
          meanRawScore: 8,
        })),
      },
    );
    expect(await deliver(CompetitionResultsPublishedV1, event)).toBe('applied');
    return dataSource.getRepository(SupervisionProposalEntity).find({
      where: { competitionId },
      order: { proposalTitle: 'ASC' },
    });
  }

  it("refuses an admin's supervisor who is on the winning team or outside the mentor's stage rules", async () => {
    const matching = new MatchingService(dataSource, options);
    const admin = randomUUID();
    const lead = await member('FOUNDATION_DOCTOR');
    const teammate = await mentor(3, ['simulation']);
    const studentsOnly = await mentor(3, ['simulation']);
    await dataSource
      .getRepository(MentorProfileEntity)
      .update({ memberId: studentsOnly }, { menteeStages: ['MEDICAL_STUDENT'] });
    const suitable = await mentor(3);
    const [proposal] = await supervisionsFor(lead, [[teammate]]);
    await expect(matching.confirmSupervision(admin, proposal.id, teammate)).rejects.toMatchObject({
      code: MentorshipErrorCode.MENTOR_ON_TEAM,
    });
    await expect(matching.confirmSupervision(admin, proposal.id, studentsOnly)).rejects.toMatchObject({
      code: MentorshipErrorCode.NOT_ELIGIBLE_STAGE,
    });
    const confirmed = await matching.confirmSupervision(admin, proposal.id, suitable);
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', mentorId: suitable });
  });

  it('confirms one of two supervisions of the same lead by the same mentor at once and refuses the other cleanly', async () => {
    const matching = new MatchingService(dataSource, options);
    for (let round = 0; round < 3; round += 1) {
      const lead = await member('FOUNDATION_DOCTOR');
      const chosen = await mentor(5);
      const [first, second] = await supervisionsFor(lead, [[], []]);
      const outcomes = await Promise.allSettled([
        matching.confirmSupervision(randomUUID(), first.id, chosen),
        matching.confirmSupervision(randomUUID(), second.id, chosen),
      ]);
      const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
      expect(refused).toHaveLength(1);
      expect(refused[0]).toBeInstanceOf(MentorshipDomainError);
      expect((refused[0] as MentorshipDomainError).code).toBe(MentorshipErrorCode.ALREADY_MENTORING);
      // the loser's place was given back with its rolled-back transaction
      const profile = await dataSource
        .getRepository(MentorProfileEntity)
        .findOneByOrFail({ memberId: chosen });
      expect(profile.activeMentees).toBe(1);
    }
  });

  it('never suggests, matches, supervises with or starts a relationship with a mentor whose role was revoked', async () => {
    const profiles = new ProfilesService(dataSource, options);
    const relationships = new RelationshipsService(dataSource, options);
    const matching = new MatchingService(dataSource, options);
    const revoked = await mentor(3, ['ultrasound']);
    const mentee = await member('RESIDENT', ['ultrasound']);
    const pending = await relationships.requestMentor(mentee, revoked, 'before the revocation');
    expect(
      (await profiles.suggestionsFor(await member('RESIDENT', ['ultrasound']), 100)).map((s) => s.mentorId),
    ).toContain(revoked);
    // membership revoked the role; the replica applied the event (the profile stays, the role does not)
    await dataSource.getRepository(MemberRoleReplicaEntity).delete({ memberId: revoked, role: 'mentor' });
    const other = await member('RESIDENT', ['ultrasound']);
    expect((await profiles.suggestionsFor(other, 100)).map((s) => s.mentorId)).not.toContain(revoked);
    await expect(relationships.requestMentor(other, revoked, 'after')).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'input.mentorId', rule: 'mentor' })],
    });
    await expect(relationships.respondToRequest(revoked, pending.id, true, null)).rejects.toMatchObject({
      code: MentorshipErrorCode.NOT_A_MENTOR,
    });
    const run = await matching.runMatching(randomUUID(), {
      menteeIds: [other],
      mentorIds: [revoked],
      minScore: 0,
    });
    expect(run.proposals ?? []).toEqual([]);
    const lead = await member('FOUNDATION_DOCTOR');
    const [proposal] = await supervisionsFor(lead, [[]]);
    expect(proposal.mentorId).not.toBe(revoked);
    await expect(matching.confirmSupervision(randomUUID(), proposal.id, revoked)).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'mentorId', rule: 'mentor' })],
    });
  });

  it('refuses a check-in dated before the relationship started, naming the field', async () => {
    const service = new RelationshipsService(dataSource, options);
    const mentorId = await mentor(1);
    const mentee = await member('FOUNDATION_DOCTOR');
    const request = await service.requestMentor(mentee, mentorId, 'hello');
    const started = await service.respondToRequest(mentorId, request.id, true, null);
    const startedAt = started.startedAt as Date;
    await expect(
      service.logCheckIn(mentee, request.id, {
        heldAt: new Date(startedAt.getTime() - 24 * 3600 * 1000),
        progress: 'before we met',
        nextSteps: 'none',
      }),
    ).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'input.heldAt', rule: 'notBeforeStart' })],
    });
    const relationship = await dataSource
      .getRepository(RelationshipEntity)
      .findOneByOrFail({ id: request.id });
    expect(relationship.lastCheckInAt).toBeNull();
    expect(service.health(relationship)).toBe('ON_TRACK');
  });
});
