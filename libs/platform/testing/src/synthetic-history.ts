import { randomUUID } from 'node:crypto';
import {
  CommunityApplicationDecidedV1,
  CommunityApplicationSubmittedV1,
  CommunityAttendanceRecordedV1,
  CommunityCertificateIssuedV1,
  CommunityProgrammeCreatedV1,
  CommunityReflectionSubmittedV1,
  CompetitionResultsPublishedV1,
  CompetitionResultsPublishedV2,
  AwardAcceptedV1,
  AwardDeclinedV1,
  AwardOfferedV1,
  ProtectedTimeAllocatedV1,
  ProtectedTimeApprovedV1,
  ProtectedTimeAtRiskV1,
  ProtectedTimeRecoveredV1,
  SpendRecordedV1,
  TimeLoggedV1,
  createEvent,
  MemberProfileUpdatedV1,
  MemberRegisteredV1,
  MentorshipCheckInLoggedV1,
  MentorshipFeedbackGivenV1,
  MentorshipMastermindSessionHeldV1,
  MentorshipRelationshipEndedV1,
  MentorshipRelationshipStartedV1,
  MentorshipWorkshopHeldV1,
  ProposalSubmittedV1,
  ProposalWithdrawnV1,
  ReviewSubmittedV1,
  type CareerStage,
  type EventContract,
  type EventOf,
  type PayloadOf,
} from '@praxis/contracts';

/** Appends to `events` a valid event of `contract` (a fresh id and correlation, `sequence` when given). */
function eventMaker(events: Array<EventOf<EventContract>>) {
  return <C extends EventContract>(
    contract: C,
    aggregateId: string,
    sequence: number | undefined,
    payload: PayloadOf<C>,
  ): void => {
    events.push(
      createEvent(contract, { aggregateId, actorId: null, correlationId: randomUUID(), sequence }, payload),
    );
  };
}

/**
 * A history of `count` events as producers make them (for engagement's rebuild test and benchmark, or any consumer's): members registering
 * at `institutions`, some moving career stage, submitting and withdrawing proposals, and mentoring relationships
 * started and ended, with each aggregate's events sequenced in order. Events of one member go to different
 * topics, so a consumer sees them in an order of its own.
 */
export function syntheticHistory(count: number, institutions: string[]): Array<EventOf<EventContract>> {
  const events: Array<EventOf<EventContract>> = [];
  const at = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86400000).toISOString();
  const make = eventMaker(events);
  const stages: CareerStage[] = ['MEDICAL_STUDENT', 'RESIDENT', 'CONSULTANT', 'ACADEMIC'];
  for (let index = 0; events.length < count; index++) {
    const memberId = randomUUID();
    const institutionId = institutions[index % institutions.length] as string;
    const profile = { memberId, displayName: 'Member', institutionId, specialty: null, interests: [] };
    make(MemberRegisteredV1, memberId, 1, {
      ...profile,
      careerStage: stages[index % 4] as CareerStage,
      registeredAt: at(index % 90),
    });
    if (index % 3 === 0)
      make(MemberProfileUpdatedV1, memberId, 2, {
        ...profile,
        careerStage: 'CONSULTANT',
        changedFields: ['careerStage'],
      });
    const proposalId = randomUUID();
    make(ProposalSubmittedV1, proposalId, 1, {
      proposalId,
      competitionId: institutions[0] as string,
      version: 1,
      title: 'Proposal',
      keywords: [],
      requestedFunding: 1000,
      requestedHours: 10,
      submittedAt: at(30 + (index % 60)),
      blind: false,
      team: { leadApplicantId: memberId, memberIds: [memberId], institutionIds: [institutionId] },
    });
    if (index % 4 === 0)
      make(ProposalWithdrawnV1, proposalId, 2, {
        proposalId,
        competitionId: institutions[0] as string,
        wasSubmitted: true,
        withdrawnAt: at(95),
      });
    if (index % 2 === 1) {
      const relationshipId = randomUUID();
      const pair = { relationshipId, mentorId: randomUUID(), menteeId: memberId, kind: 'MENTORING' as const };
      make(MentorshipRelationshipStartedV1, relationshipId, 1, {
        ...pair,
        origin: 'REQUEST',
        startedAt: at(40),
      });
      if (index % 5 === 1)
        make(MentorshipRelationshipEndedV1, relationshipId, 2, {
          ...pair,
          outcome: 'ENDED',
          endedBy: memberId,
          endedAt: at(100),
        });
    }
  }
  return events.slice(0, count);
}

/**
 * Events that meet one key more than once in one topic, so a consumer's run of them holds several rows for one
 * key (12 members, 21 events each): a member's profile updated out of order (late and unsequenced ones stale), a
 * proposal submitted again with another team and an earlier time, a relationship started twice and ended twice,
 * and a check-in, a feedback, a workshop, a mastermind session and a review each sent twice with one id and other
 * values.
 */
export function sameKeyHistory(institutions: string[]): Array<EventOf<EventContract>> {
  const events: Array<EventOf<EventContract>> = [];
  const make = eventMaker(events);
  for (let index = 0; index < 12; index++) {
    const memberId = randomUUID();
    const profile = (institution: number, careerStage: CareerStage) => ({
      memberId,
      displayName: 'Member',
      institutionId: institutions[institution % institutions.length] as string,
      specialty: null,
      interests: [],
      careerStage,
    });
    make(MemberRegisteredV1, memberId, 1, {
      ...profile(index, 'MEDICAL_STUDENT'),
      registeredAt: '2026-02-01T00:00:00.000Z',
    });
    const updated = (sequence: number | undefined, institution: number, stage: CareerStage) =>
      make(MemberProfileUpdatedV1, memberId, sequence, {
        ...profile(institution, stage),
        changedFields: ['careerStage', 'institutionId'],
      });
    updated(4, index + 1, 'RESIDENT');
    updated(2, index + 2, 'ACADEMIC');
    updated(index % 2 ? 5 : 4, index + 3, 'CONSULTANT');
    updated(undefined, index + 4, 'OTHER');
    const proposalId = randomUUID();
    const submitted = (title: string, day: number, members: string[]) =>
      make(ProposalSubmittedV1, proposalId, 1, {
        proposalId,
        competitionId: institutions[0] as string,
        version: 1,
        title,
        keywords: [],
        requestedFunding: 1000,
        requestedHours: 10,
        submittedAt: `2026-03-${String(day).padStart(2, '0')}T00:00:00.000Z`,
        blind: false,
        team: { leadApplicantId: memberId, memberIds: members, institutionIds: [institutions[0] as string] },
      });
    submitted('First', 10, [memberId]);
    submitted('Second', 5, [memberId, randomUUID()]);
    const relationshipId = randomUUID();
    const pair = { relationshipId, mentorId: randomUUID(), menteeId: memberId, kind: 'MENTORING' as const };
    for (const day of [20, 12])
      make(MentorshipRelationshipStartedV1, relationshipId, 1, {
        ...pair,
        origin: 'REQUEST',
        startedAt: `2026-04-${day}T00:00:00.000Z`,
      });
    for (const outcome of ['ENDED', 'DECLINED'] as const)
      make(MentorshipRelationshipEndedV1, relationshipId, 2, {
        ...pair,
        outcome,
        endedBy: memberId,
        endedAt: '2026-05-01T00:00:00.000Z',
      });
    // each of these twice with one id and other values: the first one stays
    const checkInId = randomUUID();
    const feedbackId = randomUUID();
    const workshopId = randomUUID();
    const sessionId = randomUUID();
    const reviewId = randomUUID();
    for (const [n, day] of [
      [1, 10],
      [2, 11],
    ] as const) {
      const heldAt = `2026-04-${day}T09:00:00.000Z`;
      make(MentorshipCheckInLoggedV1, relationshipId, 2 + n, {
        checkInId,
        relationshipId,
        mentorId: pair.mentorId,
        menteeId: memberId,
        loggedBy: memberId,
        heldAt,
        agreedCadenceDays: n === 1 ? 14 : null,
      });
      make(MentorshipFeedbackGivenV1, relationshipId, 4 + n, {
        feedbackId,
        relationshipId,
        authorId: memberId,
        side: 'MENTEE',
        period: '2026-04',
        rating: 2 + n,
      });
      make(MentorshipWorkshopHeldV1, workshopId, n, {
        workshopId,
        coachId: pair.mentorId,
        heldAt,
        attendeeIds: n === 1 ? [memberId] : [memberId, randomUUID()],
        capacity: 4 + n,
        ...(n === 1 ? { waitlisted: 2 } : {}),
      });
      make(MentorshipMastermindSessionHeldV1, sessionId, n, {
        sessionId,
        groupId: relationshipId,
        heldAt,
        attendeeIds: n === 1 ? [memberId, pair.mentorId] : [memberId],
        resourceCount: 0,
        referralCount: 0,
        nextStepCount: 0,
      });
      make(ReviewSubmittedV1, reviewId, n, {
        reviewId,
        proposalId,
        competitionId: institutions[0] as string,
        judgeId: pair.mentorId,
        edit: n === 2,
        submittedAt: heldAt,
      });
    }
  }
  return events;
}

/**
 * Community's and results' events meeting one key more than once in one topic (4 programmes, 19 events each): a programme
 * created twice (another title and capacity, a shared session re-themed and moved), an application submitted twice
 * (the later time first), decided waitlisted then accepted twice and declined, attendance recorded twice for one
 * session with overlapping attendees, a certificate issued twice with one id, and reflections several to a day;
 * then a competition's results published twice in v2 (winners re-ranked, one with another team, one dropped and
 * another added) and another's in v1: 79 events in all. Events of two topics never disagree on a row's last
 * value (a consumer reads topics in an order of its own, which the projection's last-wins columns would show).
 */
export function programmeAndResultsHistory(institutions: string[]): Array<EventOf<EventContract>> {
  const events: Array<EventOf<EventContract>> = [];
  const add = eventMaker(events);
  const make = <C extends EventContract>(contract: C, aggregateId: string, payload: PayloadOf<C>) =>
    add(contract, aggregateId, undefined, payload);
  const day = (n: number, hour = 9) =>
    `2026-06-${String(n).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  for (let index = 0; index < 4; index++) {
    const programmeId = randomUUID();
    const people = [randomUUID(), randomUUID(), randomUUID()].map((memberId, n) => ({
      memberId,
      institutionId: institutions[(index + n) % institutions.length] as string,
      careerStage: 'RESIDENT' as const,
    }));
    const shared = randomUUID();
    const session = (sessionId: string, theme: string, starts: number) => ({
      sessionId,
      theme,
      startsAt: day(starts),
      endsAt: day(starts, 11),
      timeZone: 'Europe/London',
    });
    for (const [title, capacity, sessions] of [
      ['Masterclass', 20, [session(shared, 'Methods', 10)]],
      ['Masterclass series', 12, [session(shared, 'Statistics', 11), session(randomUUID(), 'Writing', 12)]],
    ] as const)
      make(CommunityProgrammeCreatedV1, programmeId, {
        programmeId,
        communityId: null,
        title,
        audience: ['RESIDENT'],
        capacity,
        mode: 'ONLINE',
        applicationOpensAt: day(1),
        applicationClosesAt: day(5),
        competitionId: null,
        sessions: [...sessions],
        createdAt: day(1),
      });
    const applications = people.map(() => randomUUID());
    for (const [n, person] of people.entries())
      make(CommunityApplicationSubmittedV1, applications[n] as string, {
        ...person,
        applicationId: applications[n] as string,
        programmeId,
        submittedAt: day(2 + n),
      });
    make(CommunityApplicationSubmittedV1, applications[0] as string, {
      ...(people[0] as (typeof people)[number]),
      applicationId: applications[0] as string,
      programmeId,
      submittedAt: day(1, 8),
    });
    const decided = (n: number, status: 'ACCEPTED' | 'WAITLISTED' | 'DECLINED', at: number) =>
      make(CommunityApplicationDecidedV1, applications[n] as string, {
        ...(people[n] as (typeof people)[number]),
        applicationId: applications[n] as string,
        programmeId,
        status,
        policy: 'FIRST_COME',
        waitlistPosition: status === 'WAITLISTED' ? 1 : null,
        offerExpiresAt: null,
        decidedAt: day(at),
      });
    decided(0, 'WAITLISTED', 6);
    decided(0, 'ACCEPTED', 8);
    decided(0, 'ACCEPTED', 7);
    decided(1, 'ACCEPTED', 6);
    decided(2, 'DECLINED', 6);
    // the last start time of each topic agrees, so the session ends the same whichever topic is read first
    for (const [starts, attendees] of [
      [10, people.slice(0, 2)],
      [11, people.slice(1)],
    ] as const)
      make(CommunityAttendanceRecordedV1, shared, {
        programmeId,
        sessionId: shared,
        sessionStartsAt: day(starts),
        method: 'ORGANISER',
        attendees: [...attendees],
        count: attendees.length,
        recordedAt: day(starts, 12),
      });
    const certificateId = randomUUID();
    for (const issued of [20, 19])
      make(CommunityCertificateIssuedV1, certificateId, {
        ...(people[1] as (typeof people)[number]),
        certificateId,
        programmeId,
        sessionsAttended: 2,
        sessionsHeld: 2,
        issuedAt: day(issued),
      });
    for (const on of ['2026-06-11', '2026-06-11', '2026-06-12', '2026-06-11'])
      make(CommunityReflectionSubmittedV1, programmeId, { programmeId, submittedOn: on });
  }
  const proposals = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const winner = (n: number, rank: number, members: string[]) => ({
    proposalId: proposals[n] as string,
    rank,
    title: `Winner ${n}`,
    keywords: [],
    leadApplicantId: members[0] as string,
    teamMemberIds: members,
    institutionIds: [institutions[n % institutions.length] as string],
    normalisedScore: 1,
    meanRawScore: 1,
    requestedHours: 10,
  });
  const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
  const results = (competitionId: string) => ({
    competitionId,
    title: 'Prize',
    protectedHoursAvailable: null,
    entries: 3,
  });
  // v1 and v2 are two topics, read in an order of the consumer's: their competitions share no proposal
  const older = randomUUID();
  make(CompetitionResultsPublishedV1, older, {
    ...results(older),
    publishedAt: day(18),
    fundingAvailable: null,
    winners: [winner(3, 1, [second])].map((entry) => ({ ...entry, requestedFunding: 100 })),
  });
  const competitionId = randomUUID();
  for (const [at, winners] of [
    [21, [winner(0, 2, [first, third]), winner(1, 1, [second])]],
    [19, [winner(2, 1, [third]), winner(0, 3, [first])]],
  ] as const)
    make(CompetitionResultsPublishedV2, competitionId, {
      ...results(competitionId),
      publishedAt: day(at),
      currency: 'GBP',
      fundingAvailable: null,
      winners: winners.map((entry) => ({
        ...entry,
        requestedFunding: { amountMinor: 100, currency: 'GBP' as const },
      })),
    });
  return events;
}

/**
 * Funding's events meeting one key more than once in one topic (3 members, 19 events each): an award offered
 * twice (another amount, an earlier time), accepted and declined; a spend entry recorded twice with one id; an
 * allocation allocated twice and approved twice; one time entry logged with sequences 1, 3, 2 (the last stale, the
 * newest edited to zero minutes), another logged twice; an erosion episode detected twice and recovered twice.
 * Where two topics set one column, their last events agree (a consumer reads topics in an order of its own).
 */
export function fundingHistory(institutions: string[]): Array<EventOf<EventContract>> {
  const events: Array<EventOf<EventContract>> = [];
  const make = eventMaker(events);
  const day = (n: number) => `2026-07-${String(n).padStart(2, '0')}`;
  const at = (n: number) => `${day(n)}T10:00:00.000Z`;
  for (let index = 0; index < 3; index++) {
    const memberId = randomUUID();
    const institutionId = institutions[index % institutions.length] as string;
    const awardId = randomUUID();
    const award = (amountMinor: number, on: number) => ({
      awardId,
      principalInvestigatorId: memberId,
      teamMemberIds: [memberId],
      institutionIds: [institutionId],
      institutionId,
      fundId: null,
      competitionId: null,
      proposalId: null,
      amount: { amountMinor, currency: 'GBP' as const },
      startsOn: day(1),
      endsOn: day(28),
      at: at(on),
    });
    for (const [amount, on] of [
      [100000, 5],
      [250000, 3],
    ] as const)
      make(AwardOfferedV1, awardId, undefined, {
        ...award(amount, on),
        requested: null,
        cappedReason: null,
        requestedHours: null,
      });
    make(AwardAcceptedV1, awardId, undefined, award(250000, 6));
    make(AwardDeclinedV1, awardId, undefined, award(250000, 7));
    const spendId = randomUUID();
    for (const amountMinor of [5000, 7000])
      make(SpendRecordedV1, spendId, undefined, {
        entryId: spendId,
        awardId,
        fundId: null,
        principalInvestigatorId: memberId,
        institutionId,
        category: 'CONSUMABLES',
        kind: 'PAYMENT',
        amount: { amountMinor, currency: 'GBP' },
        spentOn: day(8),
        reversesEntryId: null,
        overridden: false,
        recordedAt: at(8),
      });
    const allocationId = randomUUID();
    const allocation = (weeklyMinutes: number) => ({
      allocationId,
      awardId,
      memberId,
      institutionId,
      weeklyMinutes,
      unit: 'HOURS' as const,
      from: day(1),
      to: day(28),
    });
    make(ProtectedTimeAllocatedV1, allocationId, undefined, {
      ...allocation(120),
      replacesAllocationId: null,
      allocatedAt: at(2),
    });
    make(ProtectedTimeAllocatedV1, allocationId, undefined, {
      ...allocation(240),
      replacesAllocationId: null,
      allocatedAt: at(3),
    });
    for (const on of [4, 3])
      make(ProtectedTimeApprovedV1, allocationId, undefined, {
        ...allocation(240),
        approvedBy: memberId,
        approverRole: 'LEAD',
        approvedAt: at(on),
      });
    const logged = (entryId: string, sequence: number, minutes: number, on: number) =>
      make(TimeLoggedV1, entryId, sequence, {
        entryId,
        memberId,
        institutionId,
        day: day(on),
        week: '2026-W28',
        minutes,
        activity: 'RESEARCH',
        loggedAt: at(on),
      });
    const edited = randomUUID();
    logged(edited, 1, 60, 9);
    logged(edited, 3, index === 0 ? 0 : 45, 11);
    logged(edited, 2, 90, 10);
    const twice = randomUUID();
    logged(twice, 1, 30, 12);
    logged(twice, 2, 40, 13);
    const episode = {
      memberId,
      institutionId,
      episodeStartedWeek: '2026-W27',
      thresholdPercent: 50,
      consecutiveWeeks: 2,
    };
    for (const on of [14, 15])
      make(ProtectedTimeAtRiskV1, memberId, undefined, {
        ...episode,
        firstLowWeek: '2026-W26',
        detectedAt: at(on),
      });
    for (const on of [20, 21])
      make(ProtectedTimeRecoveredV1, memberId, undefined, {
        ...episode,
        recoveredWeek: '2026-W29',
        detectedAt: at(on),
      });
  }
  return events;
}
