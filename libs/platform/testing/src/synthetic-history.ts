import { randomUUID } from 'node:crypto';
import {
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

/**
 * A history of `count` events as producers make them (for engagement's rebuild test and benchmark, or any consumer's): members registering
 * at `institutions`, some moving career stage, submitting and withdrawing proposals, and mentoring relationships
 * started and ended, with each aggregate's events sequenced in order. Events of one member go to different
 * topics, so a consumer sees them in an order of its own.
 */
export function syntheticHistory(count: number, institutions: string[]): Array<EventOf<EventContract>> {
  const events: Array<EventOf<EventContract>> = [];
  const at = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86400000).toISOString();
  const make = <C extends EventContract>(
    contract: C,
    aggregateId: string,
    sequence: number,
    payload: PayloadOf<C>,
  ) =>
    events.push(
      createEvent(contract, { aggregateId, actorId: null, correlationId: randomUUID(), sequence }, payload),
    );
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
  const make = <C extends EventContract>(
    contract: C,
    aggregateId: string,
    sequence: number | undefined,
    payload: PayloadOf<C>,
  ) =>
    events.push(
      createEvent(contract, { aggregateId, actorId: null, correlationId: randomUUID(), sequence }, payload),
    );
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
