import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AwardAcceptedV1,
  AwardDeclinedV1,
  AwardOfferedV1,
  CommunityApplicationDecidedV1,
  CommunityApplicationSubmittedV1,
  CommunityAttendanceRecordedV1,
  CommunityCertificateIssuedV1,
  CommunityProgrammeCreatedV1,
  CommunityReflectionSubmittedV1,
  CompetitionResultsPublishedV2,
  MentorshipCheckInLoggedV1,
  MentorshipMastermindSessionHeldV1,
  MentorshipRelationshipStartedV1,
  MentorshipWorkshopHeldV1,
  ProtectedTimeAllocatedV1,
  ProtectedTimeApprovedV1,
  ProtectedTimeAtRiskV1,
  ProtectedTimeRecoveredV1,
  ProposalSubmittedV1,
  ProposalWithdrawnV1,
  ReviewSubmittedV1,
  SpendRecordedV1,
  TimeLoggedV1,
  type CareerStage,
} from '@praxis/contracts';
import { engagementDatabase } from '@praxis/engagement/data-access';
import type { EventHandler } from '@praxis/platform/messaging';
import { startSubgraphHarness, type SubgraphHarness } from '@praxis/platform/testing';
import { EngagementFeatureModule } from './engagement-feature.module';
import { register as metrics } from 'prom-client';
import { projectionHandlers } from './projections';
import { FRESHNESS_METRIC } from './projections/freshness';
import { projectionKit } from './engagement.test-kit';
import { countOverview } from './overview/overview.query';

const institutionA = randomUUID();
const institutionB = randomUUID();
const admin = { memberId: randomUUID(), roles: ['admin' as const] };
const leadA = { memberId: randomUUID(), roles: [{ role: 'lead' as const, institutionId: institutionA }] };
/** Institution A: six residents and two consultants; B: six residents. */
const a: string[] = Array.from({ length: 8 }, () => randomUUID());
const b: string[] = Array.from({ length: 6 }, () => randomUUID());
const stageOf = (memberId: string): CareerStage => (a.indexOf(memberId) >= 6 ? 'CONSULTANT' : 'RESIDENT');
const institutionOf = (memberId: string) => (a.includes(memberId) ? institutionA : institutionB);
const programmeId = randomUUID();
const sessions = [randomUUID(), randomUUID(), randomUUID()];
const sessionStarts = ['2026-02-10T17:00:00Z', '2026-02-17T17:00:00Z', '2026-03-03T17:00:00Z'];
const fundId = randomUUID();

interface Figure {
  figure: string;
  value: number | null;
  suppressed: boolean;
  networkValue: number | null;
  networkSuppressed: boolean;
  byCareerStage: Record<string, number | null> | null;
}
interface Rate {
  rate: string;
  value: number | null;
  networkValue: number | null;
}
const FIGURE = `figure value suppressed networkValue networkSuppressed byCareerStage { resident consultant medicalStudent }`;
const RATE = `rate value networkValue`;

const PROGRAMMES = `query P($input: EngagementMetricsInput!) {
  engagementProgrammes(input: $input) {
    suppressionThreshold
    buckets { label figures { ${FIGURE} } rates { ${RATE} } }
    programmes { programmeId title figures { ${FIGURE} } rates { ${RATE} } reflections reflectionsSuppressed
      sessions { sessionId theme attendees networkAttendees retained retention networkRetention } }
  }
}`;
interface ProgrammesAnswer {
  engagementProgrammes: {
    buckets: Array<{ label: string; figures: Figure[]; rates: Rate[] }>;
    programmes: Array<{
      programmeId: string;
      title: string | null;
      figures: Figure[];
      rates: Rate[];
      reflections: number | null;
      reflectionsSuppressed: boolean;
      sessions: Array<{
        sessionId: string;
        theme: string | null;
        attendees: number | null;
        networkAttendees: number | null;
        retained: number | null;
        retention: number | null;
        networkRetention: number | null;
      }>;
    }>;
  };
}

const FUNDING = `query F($input: EngagementMetricsInput!) {
  engagementFunding(input: $input) {
    buckets { label figures { ${FIGURE} } rates { ${RATE} }
      money { measure fundId fund { id } currency amount { amountMinor currency } awards suppressed
        networkAmount { amountMinor } networkSuppressed byCareerStage { resident consultant medicalStudent } } }
    atRisk { memberId episodeStartedWeek member { id } }
  }
}`;
interface Money {
  measure: string;
  fundId: string | null;
  fund: { id: string } | null;
  amount: { amountMinor: number; currency: string } | null;
  awards: number | null;
  suppressed: boolean;
  networkAmount: { amountMinor: number } | null;
  networkSuppressed: boolean;
  byCareerStage: Record<'resident' | 'consultant' | 'medicalStudent', number | null>;
}
interface FundingAnswer {
  engagementFunding: {
    buckets: Array<{ label: string; figures: Figure[]; rates: Rate[]; money: Money[] }>;
    atRisk: Array<{ memberId: string; episodeStartedWeek: string; member: { id: string } | null }>;
  };
}

const byName = <T extends { figure: string }>(rows: readonly T[] | undefined, name: string) =>
  rows?.find((row) => row.figure === name);
const rateOf = (rows: readonly Rate[] | undefined, name: string) => rows?.find((row) => row.rate === name);

describe('engagement programme, funding and group-mentoring metrics (in-process subgraph, real PostgreSQL)', () => {
  let subgraph: SubgraphHarness;
  const handlers: EventHandler[] = projectionHandlers(null);
  const { event, apply, register } = projectionKit(
    () => subgraph.dataSource,
    () => handlers,
  );
  const participant = (memberId: string) => ({
    memberId,
    institutionId: institutionOf(memberId),
    careerStage: stageOf(memberId),
  });
  const quarter = { from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z', granularity: 'QUARTER' };

  async function programmeEvents(): Promise<void> {
    await apply(
      event(CommunityProgrammeCreatedV1, programmeId, {
        programmeId,
        communityId: null,
        title: 'Research masterclasses',
        audience: ['RESIDENT', 'CONSULTANT'],
        capacity: 20,
        mode: 'ONLINE',
        applicationOpensAt: '2026-01-01T00:00:00Z',
        applicationClosesAt: '2026-02-01T00:00:00Z',
        competitionId: null,
        sessions: sessions.map((sessionId, index) => ({
          sessionId,
          theme: `Theme ${index + 1}`,
          startsAt: sessionStarts[index] as string,
          endsAt: sessionStarts[index] as string,
          timeZone: 'Europe/London',
        })),
        createdAt: '2026-01-01T00:00:00Z',
      }),
    );
    const applicants = [...a, ...b];
    for (const memberId of applicants) {
      const applicationId = randomUUID();
      const decided = {
        ...participant(memberId),
        applicationId,
        programmeId,
        policy: 'FIRST_COME' as const,
        offerExpiresAt: null,
        decidedAt: '2026-02-02T09:00:00Z',
      };
      const waitlisted = memberId === a[7] || memberId === b[5];
      // the decision overtakes the application: the row ends the same
      await apply(
        event(CommunityApplicationDecidedV1, applicationId, {
          ...decided,
          status: waitlisted ? 'WAITLISTED' : 'ACCEPTED',
          waitlistPosition: waitlisted ? 1 : null,
        }),
      );
      await apply(
        event(CommunityApplicationSubmittedV1, applicationId, {
          ...participant(memberId),
          applicationId,
          programmeId,
          submittedAt: '2026-01-15T09:00:00Z',
        }),
      );
    }
    // b[5] waitlisted too: B has five selected
    const registers = [
      [...a.slice(0, 7), ...b.slice(0, 5)],
      [...a.slice(0, 6), ...b.slice(0, 2)],
      a.slice(0, 5),
    ];
    for (const [index, attendees] of registers.entries()) {
      await apply(
        event(CommunityAttendanceRecordedV1, sessions[index] as string, {
          programmeId,
          sessionId: sessions[index] as string,
          sessionStartsAt: sessionStarts[index] as string,
          method: 'ORGANISER',
          attendees: attendees.map(participant),
          count: attendees.length,
          recordedAt: sessionStarts[index] as string,
        }),
      );
    }
    for (const memberId of a.slice(0, 5)) {
      await apply(
        event(CommunityCertificateIssuedV1, randomUUID(), {
          ...participant(memberId),
          certificateId: randomUUID(),
          programmeId,
          sessionsAttended: 3,
          sessionsHeld: 3,
          issuedAt: '2026-03-10T09:00:00Z',
        }),
      );
    }
    for (let index = 0; index < 6; index++) {
      await apply(
        event(CommunityReflectionSubmittedV1, programmeId, { programmeId, submittedOn: '2026-02-18' }),
      );
    }
  }

  async function fundingEvents(): Promise<void> {
    const awards = a.slice(0, 6).map((pi, index) => ({
      awardId: randomUUID(),
      principalInvestigatorId: pi,
      teamMemberIds: [pi],
      institutionIds: [institutionA],
      // one award whose PI's institution funding did not know: engagement places it by the PI's own
      institutionId: index === 5 ? null : institutionA,
      fundId,
      competitionId: null,
      proposalId: null,
      amount: { amountMinor: 100_000, currency: 'GBP' as const },
      startsOn: '2026-02-01',
      endsOn: '2027-01-31',
    }));
    const offered = { requested: null, cappedReason: null, requestedHours: null };
    for (const award of awards) {
      await apply(event(AwardOfferedV1, award.awardId, { ...award, ...offered, at: '2026-01-20T10:00:00Z' }));
    }
    const bAward = {
      ...awards[0],
      awardId: randomUUID(),
      principalInvestigatorId: b[0] as string,
      teamMemberIds: [b[0] as string],
      institutionIds: [institutionB],
      institutionId: institutionB,
      amount: { amountMinor: 50_000, currency: 'GBP' as const },
    } as (typeof awards)[number];
    await apply(event(AwardOfferedV1, bAward.awardId, { ...bAward, ...offered, at: '2026-01-21T10:00:00Z' }));
    for (const award of awards.slice(0, 5)) {
      await apply(event(AwardAcceptedV1, award.awardId, { ...award, at: '2026-02-01T10:00:00Z' }));
    }
    const declined = awards[5] as (typeof awards)[number];
    await apply(event(AwardDeclinedV1, declined.awardId, { ...declined, at: '2026-02-01T10:00:00Z' }));
    const spend = (
      award: (typeof awards)[number],
      kind: 'COMMITMENT' | 'PAYMENT',
      amountMinor: number,
      day: string,
    ) =>
      apply(
        event(SpendRecordedV1, award.awardId, {
          entryId: randomUUID(),
          awardId: award.awardId,
          fundId,
          principalInvestigatorId: award.principalInvestigatorId,
          institutionId: institutionA,
          category: 'OTHER',
          kind,
          amount: { amountMinor, currency: 'GBP' },
          spentOn: day,
          reversesEntryId: null,
          overridden: false,
          recordedAt: `${day}T10:00:00Z`,
        }),
      );
    for (const award of awards.slice(0, 5)) {
      await spend(award, 'COMMITMENT', 30_000, '2026-03-02');
      await spend(award, 'PAYMENT', 20_000, '2026-03-10');
    }
    await spend(awards[0] as (typeof awards)[number], 'PAYMENT', -5_000, '2026-03-11');
    // in Q2 five residents' awards and one consultant's: a career-stage line with one small stage
    for (const pi of [...a.slice(0, 5), a[6] as string]) {
      const award = {
        ...(awards[0] as (typeof awards)[number]),
        awardId: randomUUID(),
        principalInvestigatorId: pi,
        teamMemberIds: [pi],
        amount: { amountMinor: pi === a[6] ? 70_000 : 100_000, currency: 'GBP' as const },
      };
      await apply(event(AwardOfferedV1, award.awardId, { ...award, ...offered, at: '2026-05-04T10:00:00Z' }));
    }

    // protected time: five of A at 4 hours a week for twelve weeks, one of B
    const allocations: Array<{ memberId: string; allocationId: string }> = [];
    for (const memberId of [...a.slice(0, 5), b[0] as string]) {
      const allocation = {
        allocationId: randomUUID(),
        awardId: randomUUID(),
        memberId,
        institutionId: institutionOf(memberId),
        weeklyMinutes: 240,
        unit: 'HOURS' as const,
        from: '2026-01-05',
        to: '2026-03-29',
      };
      allocations.push(allocation);
      await apply(
        event(ProtectedTimeAllocatedV1, allocation.allocationId, {
          ...allocation,
          replacesAllocationId: null,
          allocatedAt: '2026-01-02T10:00:00Z',
        }),
      );
      await apply(
        event(ProtectedTimeApprovedV1, allocation.allocationId, {
          ...allocation,
          approvedBy: admin.memberId,
          approverRole: 'ADMIN',
          approvedAt: '2026-01-03T10:00:00Z',
        }),
      );
    }
    // a[0]'s time doubles from 2 March: the first allocation ends the day before
    const replacement = {
      allocationId: randomUUID(),
      awardId: randomUUID(),
      memberId: a[0] as string,
      institutionId: institutionA,
      weeklyMinutes: 480,
      unit: 'HOURS' as const,
      from: '2026-03-02',
      to: '2026-03-29',
    };
    await apply(
      event(ProtectedTimeAllocatedV1, replacement.allocationId, {
        ...replacement,
        replacesAllocationId: allocations[0]?.allocationId ?? null,
        allocatedAt: '2026-03-01T10:00:00Z',
      }),
    );
    await apply(
      event(ProtectedTimeApprovedV1, replacement.allocationId, {
        ...replacement,
        approvedBy: admin.memberId,
        approverRole: 'ADMIN',
        approvedAt: '2026-03-01T11:00:00Z',
      }),
    );
    for (const memberId of a.slice(0, 5)) {
      for (const day of ['2026-01-12', '2026-01-19', '2026-02-09', '2026-03-09']) {
        const entryId = randomUUID();
        await apply(
          event(TimeLoggedV1, entryId, {
            entryId,
            memberId,
            institutionId: institutionA,
            day,
            week: '2026-W03',
            minutes: 120,
            activity: 'RESEARCH',
            loggedAt: `${day}T18:00:00Z`,
          }),
        );
      }
    }
    const erosion = (memberId: string) => ({
      memberId,
      institutionId: institutionA,
      episodeStartedWeek: '2026-W06',
      thresholdPercent: 50,
      consecutiveWeeks: 2,
    });
    for (const memberId of [a[1] as string, a[2] as string]) {
      await apply(
        event(ProtectedTimeAtRiskV1, memberId, {
          ...erosion(memberId),
          firstLowWeek: '2026-W06',
          detectedAt: '2026-02-20T06:00:00Z',
        }),
      );
    }
    await apply(
      event(ProtectedTimeRecoveredV1, a[1] as string, {
        ...erosion(a[1] as string),
        recoveredWeek: '2026-W10',
        detectedAt: '2026-03-10T06:00:00Z',
      }),
    );
  }

  async function mentoringEvents(): Promise<void> {
    const workshops = [
      { attendees: a.slice(1, 6), waitlisted: 3 },
      { attendees: b.slice(0, 4), waitlisted: 0 },
    ];
    for (const workshop of workshops) {
      const workshopId = randomUUID();
      await apply(
        event(MentorshipWorkshopHeldV1, workshopId, {
          workshopId,
          coachId: a[0] as string, // A's resident coaches both
          heldAt: '2026-02-12T17:00:00Z',
          attendeeIds: workshop.attendees,
          capacity: 5,
          waitlisted: workshop.waitlisted,
        }),
      );
    }
    await apply(
      event(MentorshipMastermindSessionHeldV1, randomUUID(), {
        sessionId: randomUUID(),
        groupId: randomUUID(),
        heldAt: '2026-02-20T17:00:00Z',
        attendeeIds: [...a.slice(0, 6), b[0] as string],
        resourceCount: 2,
        referralCount: 1,
        nextStepCount: 4,
      }),
    );
    // two pairs from 1 January: one agreed fortnightly check-ins, the other weekly
    const pairs = [
      { mentee: a[1] as string, cadence: 14, days: ['01-10', '01-24', '02-07', '02-21', '03-07', '03-21'] },
      { mentee: a[2] as string, cadence: 7, days: ['01-08', '02-01', '03-01'] },
    ];
    for (const pair of pairs) {
      const relationshipId = randomUUID();
      const members = { relationshipId, mentorId: b[1] as string, menteeId: pair.mentee };
      await apply(
        event(MentorshipRelationshipStartedV1, relationshipId, {
          ...members,
          kind: 'MENTORING',
          origin: 'MATCHING',
          startedAt: '2026-01-01T00:00:00Z',
        }),
      );
      for (const [index, day] of pair.days.entries()) {
        const checkIn = {
          ...members,
          checkInId: randomUUID(),
          loggedBy: pair.mentee,
          heldAt: `2026-${day}T12:00:00Z`,
        };
        // the weekly pair's first check-in is an event from before the cadence was published
        const older = pair.cadence === 7 && index === 0;
        await apply(
          event(
            MentorshipCheckInLoggedV1,
            relationshipId,
            older ? checkIn : { ...checkIn, agreedCadenceDays: pair.cadence },
          ),
        );
      }
    }
  }

  /**
   * The second quarter's competition: six standing entries of A led by its residents (a consultant of A on every
   * team, B on the first), a consultant's entry withdrawn, five reviews of the first entry, and two blind entries
   * (no team, no lead) of which the results name one a winner led by a resident of B.
   */
  const secondQuarter = { from: '2026-04-01T00:00:00Z', to: '2026-07-01T00:00:00Z' };
  async function competitionEvents(): Promise<void> {
    const competitionId = randomUUID();
    const submitted = (
      proposalId: string,
      team: { lead: string; members: string[]; institutions: string[] } | null,
    ) =>
      event(ProposalSubmittedV1, proposalId, {
        proposalId,
        competitionId,
        version: 1,
        title: 'An entry',
        keywords: [],
        requestedFunding: 0,
        requestedHours: 0,
        submittedAt: '2026-05-04T10:00:00Z',
        blind: team === null,
        team: team && {
          leadApplicantId: team.lead,
          memberIds: team.members,
          institutionIds: team.institutions,
        },
      });
    const entries = a.slice(0, 6).map(() => randomUUID());
    for (const [index, proposalId] of entries.entries()) {
      const lead = a[index] as string;
      await apply(
        submitted(
          proposalId,
          index === 0
            ? {
                lead,
                members: [lead, a[6] as string, b[0] as string],
                institutions: [institutionA, institutionB],
              }
            : { lead, members: [lead, a[6] as string], institutions: [institutionA] },
        ),
      );
    }
    const withdrawn = randomUUID();
    await apply(
      submitted(withdrawn, { lead: a[7] as string, members: [a[7] as string], institutions: [institutionA] }),
    );
    await apply(
      event(ProposalWithdrawnV1, withdrawn, {
        proposalId: withdrawn,
        competitionId,
        wasSubmitted: true,
        withdrawnAt: '2026-05-05T10:00:00Z',
      }),
    );
    for (let review = 0; review < 5; review += 1) {
      await apply(
        event(ReviewSubmittedV1, randomUUID(), {
          reviewId: randomUUID(),
          proposalId: entries[0] as string,
          competitionId,
          judgeId: null,
          edit: false,
          submittedAt: '2026-05-20T10:00:00Z',
        }),
      );
    }
    const [blindWinner, blind] = [randomUUID(), randomUUID()];
    await apply(submitted(blindWinner, null));
    await apply(submitted(blind, null));
    await apply(
      event(CompetitionResultsPublishedV2, competitionId, {
        competitionId,
        title: 'Summer call',
        publishedAt: '2026-06-01T10:00:00Z',
        currency: 'GBP',
        fundingAvailable: null,
        protectedHoursAvailable: null,
        entries: 8,
        winners: [
          {
            proposalId: blindWinner,
            rank: 1,
            title: 'A blind winner',
            keywords: [],
            leadApplicantId: b[1] as string,
            teamMemberIds: [b[1] as string],
            institutionIds: [institutionB],
            requestedFunding: { amountMinor: 0, currency: 'GBP' },
            requestedHours: 0,
            normalisedScore: 1,
            meanRawScore: 9,
          },
        ],
      }),
    );
  }

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'engagement_programmes',
      database: engagementDatabase,
      feature: () => EngagementFeatureModule.forRoot({ suppressionThreshold: 5, demographicsKey: null }),
    });
    for (const memberId of [...a, ...b]) {
      await register(memberId, institutionOf(memberId), stageOf(memberId), '2026-01-02T09:00:00Z');
    }
    await programmeEvents();
    await fundingEvents();
    await mentoringEvents();
    await competitionEvents();
  }, 120000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('gives a lead applications, selection, attendance and certificates per quarter beside the network', async () => {
    const result = await subgraph.execute<ProgrammesAnswer>(leadA, PROGRAMMES, {
      input: { ...quarter, institutionId: institutionA },
    });
    expect(result.errors).toBeUndefined();
    const q1 = result.data?.engagementProgrammes.buckets[0];
    expect(q1?.label).toBe('2026-Q1');
    expect(byName(q1?.figures, 'APPLICANTS')).toMatchObject({ value: 8, networkValue: 14 });
    expect(byName(q1?.figures, 'SELECTED')).toMatchObject({ value: 7, networkValue: 12 });
    expect(byName(q1?.figures, 'WAITLISTED')).toMatchObject({ value: null, suppressed: true });
    expect(byName(q1?.figures, 'ATTENDEES')).toMatchObject({ value: 7, networkValue: 12 });
    expect(byName(q1?.figures, 'CERTIFIED')).toMatchObject({ value: 5, networkValue: 5 });
    expect(rateOf(q1?.rates, 'SELECTION_RATE')).toMatchObject({ value: 0.875, networkValue: 0.8571 });
    // two consultants: hidden, and the residents with them (8 - 6 would give the consultants back)
    expect(byName(q1?.figures, 'APPLICANTS')?.byCareerStage).toEqual({
      resident: null,
      consultant: null,
      medicalStudent: 0,
    });
    // eight selected less the waitlisted consultant: six residents, one consultant, still one line
    expect(byName(q1?.figures, 'SELECTED')?.byCareerStage).toEqual({
      resident: null,
      consultant: null,
      medicalStudent: 0,
    });
  });

  it('gives attendance per session, retention across the series and the anonymous reflection count', async () => {
    const result = await subgraph.execute<ProgrammesAnswer>(leadA, PROGRAMMES, {
      input: { ...quarter, institutionId: institutionA },
    });
    const programme = result.data?.engagementProgrammes.programmes.find(
      (row) => row.programmeId === programmeId,
    );
    expect(programme?.title).toBe('Research masterclasses');
    expect(programme?.reflections).toBe(6);
    expect(byName(programme?.figures, 'SELECTED')).toMatchObject({ value: 7 });
    const [first, second, third] = programme?.sessions ?? [];
    expect(first?.theme).toBe('Theme 1');
    expect(first).toMatchObject({ attendees: 7, networkAttendees: 12, retained: 7, retention: 1 });
    // two from B in the second session: the network beside A's six would give them away
    expect(second).toMatchObject({
      attendees: 6,
      networkAttendees: null,
      retention: 0.8571,
      networkRetention: null,
    });
    expect(third).toMatchObject({ attendees: 5, retention: 0.7143, networkRetention: 0.4167 });
  });

  it('gives money per fund (awarded, accepted, committed, paid) and suppresses a sum of few awards', async () => {
    const result = await subgraph.execute<FundingAnswer>(leadA, FUNDING, {
      input: { ...quarter, institutionId: institutionA },
    });
    expect(result.errors).toBeUndefined();
    const money = result.data?.engagementFunding.buckets[0]?.money ?? [];
    const line = (measure: string) => money.find((row) => row.measure === measure && row.fundId === fundId);
    // B's one offer would be the difference: the network's awarded is withheld
    expect(line('AWARDED')).toMatchObject({
      // a reference for funding to name (to admins), not a bare id
      fund: { id: fundId },
      amount: { amountMinor: 600_000, currency: 'GBP' },
      awards: 6,
      networkSuppressed: true,
    });
    expect(line('ACCEPTED')).toMatchObject({
      amount: { amountMinor: 500_000 },
      networkAmount: { amountMinor: 500_000 },
    });
    expect(line('COMMITTED')).toMatchObject({ amount: { amountMinor: 150_000 }, awards: 5 });
    expect(line('PAID')).toMatchObject({ amount: { amountMinor: 95_000 }, awards: 5 });
    // by the PI's career stage: all six are residents' awards
    expect(line('AWARDED')?.byCareerStage).toEqual({ resident: 600_000, consultant: 0, medicalStudent: 0 });
    expect(line('PAID')?.byCareerStage).toEqual({ resident: 95_000, consultant: 0, medicalStudent: 0 });
    const network = await subgraph.execute<FundingAnswer>(admin, FUNDING, { input: quarter });
    const awarded = network.data?.engagementFunding.buckets[0]?.money.find(
      (row) => row.measure === 'AWARDED',
    );
    expect(awarded).toMatchObject({ amount: { amountMinor: 650_000 }, awards: 7 });
    expect(awarded?.byCareerStage).toEqual({ resident: 650_000, consultant: 0, medicalStudent: 0 });
  });

  it("splits money by the PI's career stage, a stage of few awards hidden with a second one", async () => {
    const result = await subgraph.execute<FundingAnswer>(leadA, FUNDING, {
      input: {
        from: '2026-04-01T00:00:00Z',
        to: '2026-07-01T00:00:00Z',
        granularity: 'QUARTER',
        institutionId: institutionA,
      },
    });
    expect(result.errors).toBeUndefined();
    const awarded = result.data?.engagementFunding.buckets[0]?.money.find((row) => row.measure === 'AWARDED');
    // the line's total is the published figure: six awards, 570,000
    expect(awarded).toMatchObject({ amount: { amountMinor: 570_000 }, awards: 6, suppressed: false });
    // the consultant's one award is hidden, and the residents' with it (570,000 - 500,000 would give it back)
    expect(awarded?.byCareerStage).toEqual({ resident: null, consultant: null, medicalStudent: 0 });
  });

  it('gives protected time allocated and logged, utilisation and members at risk', async () => {
    const result = await subgraph.execute<FundingAnswer>(leadA, FUNDING, {
      input: { ...quarter, institutionId: institutionA },
    });
    const q1 = result.data?.engagementFunding.buckets[0];
    expect(byName(q1?.figures, 'MEMBERS_WITH_PROTECTED_TIME')).toMatchObject({ value: 5 });
    // 4 × 2880 minutes, and a[0]: 8 weeks at 240 then 4 at 480; B's one member would be the network's difference
    expect(byName(q1?.figures, 'MINUTES_ALLOCATED')).toMatchObject({
      value: 15_360,
      networkSuppressed: true,
      // a sum's line: all five are residents
      byCareerStage: { resident: 15_360, consultant: 0, medicalStudent: 0 },
    });
    expect(byName(q1?.figures, 'MINUTES_LOGGED')).toMatchObject({ value: 2_400 });
    expect(byName(q1?.figures, 'MEMBERS_LOGGING_TIME')).toMatchObject({ value: 5 });
    expect(byName(q1?.figures, 'MEMBERS_AT_RISK')).toMatchObject({ value: null, suppressed: true });
    expect(rateOf(q1?.rates, 'UTILISATION')).toMatchObject({ value: 0.1563, networkValue: null });
    // a reference for membership to name (nothing else travels with it), not a bare id
    expect(result.data?.engagementFunding.atRisk).toEqual([
      { memberId: a[2], episodeStartedWeek: '2026-W06', member: { id: a[2] } },
    ]);
  });

  it('gives coaching-workshop fill and waitlist, mastermind attendance and adherence to the agreed cadence', async () => {
    const count = 'count networkCount byCareerStage { resident consultant medicalStudent }';
    const query = `query O($input: EngagementOverviewInput!) {
      engagementOverview(input: $input) {
        figures { ${count} figure } rates { rate value }
        groupMentoring { workshopsHeld { ${count} } workshopPlaces { ${count} } workshopPlacesTaken { ${count} }
          workshopWaitlisted { ${count} } workshopFill mastermindAttendees { ${count} } }
      }
    }`;
    type Line = Record<'resident' | 'consultant' | 'medicalStudent', number | null> | null;
    type Count = { count: number | null; networkCount: number | null; byCareerStage: Line };
    const result = await subgraph.execute<{
      engagementOverview: {
        figures: Array<Count & { figure: string }>;
        rates: Rate[];
        groupMentoring: Record<string, Count | number | null>;
      };
    }>(leadA, query, { input: { institutionId: institutionA, from: quarter.from, to: quarter.to } });
    expect(result.errors).toBeUndefined();
    const figure = (name: string) =>
      result.data?.engagementOverview.figures.find((row) => row.figure === name);
    // both workshops are coached from A: ten places, nine taken, three waiting
    expect(result.data?.engagementOverview.groupMentoring).toMatchObject({
      workshopsHeld: { count: null },
      workshopPlaces: { count: 10 },
      workshopPlacesTaken: { count: 9 },
      workshopWaitlisted: { count: null },
      workshopFill: 0.9,
      mastermindAttendees: { count: 6 },
    });
    // 90 days: 6 fortnightly and 12 weekly check-ins expected (the default 30 days would expect 6 in all)
    expect(figure('CHECK_INS_EXPECTED')).toMatchObject({ count: 18 });
    expect(figure('CHECK_INS_HELD')).toMatchObject({ count: 9 });
    expect(rateOf(result.data?.engagementOverview.rates, 'CHECK_IN_ADHERENCE')?.value).toBe(0.5);
  });

  it('splits the overview by career stage: each line sums to its figure, small stages hidden with a second', async () => {
    const line = 'count suppressed byCareerStage { resident consultant medicalStudent foundationDoctor }';
    const query = `query O($input: EngagementOverviewInput!) {
      engagementOverview(input: $input) {
        figures { figure ${line} }
        groupMentoring { workshopsHeld { ${line} } workshopPlaces { ${line} } mastermindAttendees { ${line} } }
      }
    }`;
    type Count = {
      count: number | null;
      suppressed: boolean;
      byCareerStage: Record<string, number | null> | null;
    };
    const result = await subgraph.execute<{
      engagementOverview: {
        figures: Array<Count & { figure: string }>;
        groupMentoring: Record<string, Count>;
      };
    }>(leadA, query, { input: { institutionId: institutionA, from: quarter.from, to: quarter.to } });
    expect(result.errors).toBeUndefined();
    const figure = (name: string) =>
      result.data?.engagementOverview.figures.find((row) => row.figure === name);
    const none = { resident: 0, consultant: 0, medicalStudent: 0, foundationDoctor: 0 };
    // eight members: two consultants hidden, and the six residents with them (8 - 6 would give them back)
    expect(figure('MEMBERS')).toMatchObject({
      count: 8,
      byCareerStage: { ...none, resident: null, consultant: null },
    });
    // both mentees are residents: the line is the figure
    expect(figure('CHECK_INS_EXPECTED')).toMatchObject({
      count: 18,
      byCareerStage: { ...none, resident: 18 },
    });
    expect(figure('CHECK_INS_HELD')).toMatchObject({ count: 9, byCareerStage: { ...none, resident: 9 } });
    // two relationships: the figure is suppressed, so is its whole line, zeros included
    expect(figure('ACTIVE_MENTEES')).toMatchObject({ count: null, suppressed: true });
    expect(Object.values(figure('ACTIVE_MENTEES')?.byCareerStage ?? {}).every((cell) => cell === null)).toBe(
      true,
    );
    // no entries in the first quarter: a line of zeros
    expect(figure('ENTRIES')).toMatchObject({ count: 0, byCareerStage: none });
    const group = result.data?.engagementOverview.groupMentoring;
    // a resident coached both workshops; six residents of A attended the mastermind session
    expect(group?.workshopPlaces).toMatchObject({ count: 10, byCareerStage: { ...none, resident: 10 } });
    expect(group?.mastermindAttendees).toMatchObject({ count: 6, byCareerStage: { ...none, resident: 6 } });
    expect(Object.values(group?.workshopsHeld?.byCareerStage ?? {}).every((cell) => cell === null)).toBe(
      true,
    );
  });

  it("splits competition figures by the entry's lead applicant's career stage, not its team's", async () => {
    const line = 'count suppressed byCareerStage { resident consultant medicalStudent foundationDoctor }';
    const query = `query O($input: EngagementOverviewInput!) {
      engagementOverview(input: $input) { figures { figure ${line} } }
    }`;
    const result = await subgraph.execute<{
      engagementOverview: {
        figures: Array<{
          figure: string;
          count: number | null;
          byCareerStage: Record<string, number | null>;
        }>;
      };
    }>(leadA, query, { input: { institutionId: institutionA, ...secondQuarter } });
    expect(result.errors).toBeUndefined();
    const figure = (name: string) =>
      result.data?.engagementOverview.figures.find((row) => row.figure === name);
    const none = { resident: 0, consultant: 0, medicalStudent: 0, foundationDoctor: 0 };
    // a consultant co-authored every entry and led the withdrawn one: none counts under consultants
    expect(figure('ENTRIES')).toMatchObject({ count: 6, byCareerStage: { ...none, resident: 6 } });
    expect(figure('REVIEWS_SUBMITTED')).toMatchObject({ count: 5, byCareerStage: { ...none, resident: 5 } });
    // one inter-institutional entry: the figure and its whole line hidden
    expect(figure('INTER_INSTITUTIONAL_ENTRIES')).toMatchObject({ count: null });
    expect(Object.values(figure('INTER_INSTITUTIONAL_ENTRIES')?.byCareerStage ?? {})).toEqual([
      null,
      null,
      null,
      null,
    ]);
    // the network: the blind winner under its lead's stage once the results name it, the other blind entry OTHER
    const network = await countOverview(subgraph.dataSource.manager, {
      institutionId: null,
      from: new Date(secondQuarter.from),
      to: new Date(secondQuarter.to),
    });
    expect(network.total.entries).toBe(8);
    expect(network.byStage.get('RESIDENT')?.entries).toBe(7);
    expect(network.byStage.get('OTHER')?.entries).toBe(1);
    expect(network.byStage.get('CONSULTANT')?.entries ?? 0).toBe(0);
  });

  it('exports a metric table as CSV with the same suppression', async () => {
    const query = `query E($input: EngagementExportInput!) { engagementExport(input: $input) { filename csv } }`;
    type Export = { engagementExport: { filename: string; csv: string } };
    const money = await subgraph.execute<Export>(leadA, query, {
      input: { ...quarter, institutionId: institutionA, table: 'MONEY' },
    });
    expect(money.errors).toBeUndefined();
    const lines = money.data?.engagementExport.csv.split('\r\n') ?? [];
    expect(lines[0]).toBe(
      'bucket,measure,fund_id,currency,amount_minor,awards,suppressed,network_amount_minor,network_suppressed,' +
        'medical_student,foundation_doctor,resident,consultant,academic,allied_health,other',
    );
    // the network's awarded stays hidden: an empty cell, marked suppressed; then the PIs' career stages
    expect(lines).toContain(`2026-Q1,AWARDED,${fundId},GBP,600000,6,false,,true,0,0,600000,0,0,0,0`);
    const q2 = await subgraph.execute<Export>(leadA, query, {
      input: {
        ...quarter,
        from: '2026-04-01T00:00:00Z',
        to: '2026-07-01T00:00:00Z',
        institutionId: institutionA,
        table: 'MONEY',
      },
    });
    // the hidden stages are empty cells, as in the query
    expect(q2.data?.engagementExport.csv).toContain(
      `2026-Q2,AWARDED,${fundId},GBP,570000,6,false,570000,false,0,0,,,0,0,0`,
    );
    const overview = await subgraph.execute<Export>(leadA, query, {
      input: { ...quarter, institutionId: institutionA, table: 'OVERVIEW' },
    });
    expect(overview.errors).toBeUndefined();
    const overviewLines = overview.data?.engagementExport.csv.split('\r\n') ?? [];
    expect(overviewLines[0]).toBe(
      'figure,count,suppressed,network_count,network_suppressed,' +
        'medical_student,foundation_doctor,resident,consultant,academic,allied_health,other',
    );
    expect(overviewLines).toContain('MEMBERS,8,false,14,false,0,0,,,0,0,0');
    expect(overviewLines).toContain('WORKSHOP_PLACES,10,false,10,false,0,0,10,0,0,0,0');
    expect(overviewLines).toContain('ENTRIES,0,false,0,false,0,0,0,0,0,0,0');
    // group mentoring has a table of its own: the overview's group-mentoring rows under the same header
    const group = await subgraph.execute<Export>(leadA, query, {
      input: { ...quarter, institutionId: institutionA, table: 'GROUP_MENTORING' },
    });
    expect(group.errors).toBeUndefined();
    const groupLines = (group.data?.engagementExport.csv.split('\r\n') ?? []).filter(Boolean);
    expect(groupLines).toEqual([
      overviewLines[0],
      ...overviewLines.filter((line) => /^(WORKSHOP|MASTERMIND)/.test(line)),
    ]);
    expect(groupLines).toHaveLength(6);
    expect(groupLines).toContain('WORKSHOP_PLACES_TAKEN,9,false,9,false,0,0,9,0,0,0,0');
    const overviewQ2 = await subgraph.execute<Export>(leadA, query, {
      input: { ...quarter, ...secondQuarter, institutionId: institutionA, table: 'OVERVIEW' },
    });
    // six entries of A beside eight: the rest of the network (two) is small, so the network's is withheld
    expect(overviewQ2.data?.engagementExport.csv.split('\r\n')).toContain(
      'ENTRIES,6,false,,true,0,0,6,0,0,0,0',
    );
    expect(money.data?.engagementExport.filename).toBe(
      `engagement-money-${institutionA}-2026-01-01_2026-04-01.csv`,
    );
    const programmes = await subgraph.execute<Export>(leadA, query, {
      input: { ...quarter, institutionId: institutionA, table: 'PROGRAMMES' },
    });
    // applicants: 8 beside 14, residents and consultants hidden, other stages 0
    expect(programmes.data?.engagementExport.csv).toContain(
      '2026-Q1,,,APPLICANTS,8,false,14,false,0,0,,,0,0,0',
    );
    const other = await subgraph.execute(leadA, query, {
      input: { ...quarter, institutionId: institutionB, table: 'FUNNEL' },
    });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("serves the export as a plain URL with a token: the GraphQL export's CSV, scope rules and field errors", async () => {
    const server = subgraph.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const get = async (
      caller: Parameters<SubgraphHarness['tokenFor']>[0] | null,
      table: string,
      params: Record<string, string>,
    ) =>
      fetch(`http://127.0.0.1:${port}/exports/${table}?${new URLSearchParams({ ...quarter, ...params })}`, {
        headers: caller ? { authorization: `Bearer ${await subgraph.tokenFor(caller)}` } : {},
      });
    const money = await get(leadA, 'money', { institutionId: institutionA });
    expect(money.status).toBe(200);
    expect(money.headers.get('content-type')).toContain('text/csv');
    expect(money.headers.get('content-disposition')).toBe(
      `attachment; filename="engagement-money-${institutionA}-2026-01-01_2026-04-01.csv"`,
    );
    const csv = await money.text();
    expect(csv).toContain(`2026-Q1,AWARDED,${fundId},GBP,600000,6,false,,true`);
    const graph = await subgraph.execute<{ engagementExport: { csv: string } }>(
      leadA,
      `query E($input: EngagementExportInput!) { engagementExport(input: $input) { csv } }`,
      { input: { ...quarter, institutionId: institutionA, table: 'MONEY' } },
    );
    expect(csv).toBe(graph.data?.engagementExport.csv);
    // a lead: not another institution's, not the network's; a member: none; nobody: sign in
    expect((await get(leadA, 'funnel', { institutionId: institutionB })).status).toBe(403);
    expect((await get(leadA, 'programme-sessions', {})).status).toBe(403);
    expect((await get({ memberId: a[0] as string }, 'funnel', { institutionId: institutionA })).status).toBe(
      403,
    );
    expect((await get(null, 'money', { institutionId: institutionA })).status).toBe(401);
    expect((await get(admin, 'protected-time', { institutionId: institutionB })).status).toBe(200);
    const bad = await get(leadA, 'funnel', { institutionId: 'nope', granularity: 'WEEK' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fields: Array<{ field: string }> }).fields.map((f) => f.field)).toEqual([
      'institutionId',
      'granularity',
    ]);
    const backwards = await get(admin, 'funnel', {
      from: '2026-04-01T00:00:00Z',
      to: '2026-01-01T00:00:00Z',
    });
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toMatchObject({ fields: [{ field: 'to', rule: 'afterFrom' }] });
    expect((await get(admin, 'nothing', {})).status).toBe(400);
  });

  it('observes how old each event was when projected (the freshness histogram on /metrics)', async () => {
    const metric = await metrics.getSingleMetric(FRESHNESS_METRIC)?.get();
    const count = (
      metric?.values as Array<{ metricName?: string; labels: Record<string, unknown>; value: number }>
    )?.find(
      (sample) =>
        sample.metricName === `${FRESHNESS_METRIC}_count` &&
        sample.labels.topic === CommunityApplicationSubmittedV1.topic,
    );
    expect(count?.value).toBe(14);
  });

  it('answers a lead for their own institution only', async () => {
    const other = await subgraph.execute(leadA, FUNDING, {
      input: { ...quarter, institutionId: institutionB },
    });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const network = await subgraph.execute(leadA, PROGRAMMES, { input: quarter });
    expect(network.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const member = await subgraph.execute({ memberId: a[0] as string }, PROGRAMMES, {
      input: { ...quarter, institutionId: institutionA },
    });
    expect(member.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
