import { randomUUID } from 'node:crypto';
import { CompetitionResultsPublishedV2, createEvent } from '@praxis/contracts';
import { testBrokers, testKafka, waitFor } from '@praxis/platform/testing';
import { adminSession, gql, gqlOk, nodes, type Page } from './support/platform';

const PASSWORD = 'a long enough passphrase 7';
const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { token member { id } } }`;
const CREATE_INSTITUTION = `mutation C($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`;
const GRANT = `mutation G($m: ID!, $role: Role!, $i: ID) { grantRole(memberId: $m, role: $role, institutionId: $i) { id } }`;
const MENTOR_PROFILE = `mutation M($input: MentorProfileInput!) { upsertMentorProfile(input: $input) { member { id } } }`;
const CREATE_FUND = `mutation F($input: CreateFundInput!) { createFund(input: $input) { id } }`;
const MY_AWARDS = `{ awards(first: 20) { edges { node { id status competitionId } } } }`;
const AWARD = `query A($id: ID!) {
  award(id: $id) {
    id status transitions { action to } supervisor { id } finalReportSubmitted
    protectedTime { id status weeklyHours from member { id } }
    reports { sequence kind state }
  }
}`;
const ACCEPT = `mutation A($id: ID!) { acceptAward(id: $id) { id status } }`;
const SUPERVISION_PROPOSALS = `{ supervisionProposals(first: 100) { edges { node { id competitionId status } } } }`;
const CONFIRM_SUPERVISION = `mutation C($id: ID!, $m: ID) { confirmSupervision(id: $id, mentorId: $m) { status } }`;
const APPROVE = `mutation A($id: ID!) { approveProtectedTime(allocationId: $id) { id status } }`;
const LOG = `mutation L($input: LogTimeInput!) { logTime(input: $input) { id date hours activity note } }`;
const LOG_WEEK = `mutation L($input: LogWeekInput!) { logTimeWeek(input: $input) { id date hours } }`;
const UTILISATION = `query U($m: ID!, $from: String!, $to: String!) {
  memberUtilisation(memberId: $m, from: $from, to: $to) {
    atRisk notesLogged weeks { week allocatedHours loggedHours utilisation complete }
  }
}`;
const INSTITUTION_UTILISATION = `query U($i: ID!, $from: String!, $to: String!) {
  institutionUtilisation(institutionId: $i, from: $from, to: $to) { weeks { week members allocatedHours loggedHours } }
}`;
const ACTIVATE = `mutation A($id: ID!) { activateAward(id: $id, reportEveryMonths: 6) { id status } }`;
const SUBMIT_REPORT = `mutation R($id: ID!, $input: SubmitReportInput!) { submitReport(awardId: $id, input: $input) { sequence kind } }`;
const CLOSE = `mutation C($id: ID!) { closeAward(id: $id) { id status } }`;

const DAY_MS = 86_400_000;
function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

interface Person {
  id: string;
  email: string;
  token: string;
}

/** The first error's code (and reason, when funding gives one) of a response. */
function refusal(result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) {
  const extensions = result.errors?.[0]?.extensions ?? {};
  return { code: extensions['code'], reason: extensions['reason'] };
}

/**
 * funding under `npm start`, through the gateway: the whole chain in one suite (every platform start costs
 * about a minute in CI). A competition's winner (results v2 on Kafka) gets an award offered against the
 * competition's fund and accepts it; mentorship's confirmed supervisor lands on the award; the protected time
 * proposed on acceptance is released by a lead of the winner's institution; the winner logs time (one day and a
 * week in bulk) in the award's past weeks, so utilisation and an AT_RISK flag follow; then the reports and the
 * close-out. Who may read what is checked on the way: another member and another institution's lead are refused.
 */
describe('funding through the gateway', () => {
  // signs in again before the token expires: a suite can outlast the 5 minutes one token lives
  const adminToken = adminSession();

  async function register(name: string, institutionId: string, careerStage = 'RESIDENT'): Promise<Person> {
    const email = `${name}.${randomUUID().slice(0, 8)}@example.ac.uk`;
    const result = await gqlOk<{ register: { token: string; member: { id: string } } }>(REGISTER, {
      input: {
        email,
        password: PASSWORD,
        displayName: name,
        careerStage,
        institutionId,
        specialty: null,
        interests: [],
      },
    });
    return { id: result.register.member.id, email, token: result.register.token };
  }

  /** An admin grants a role; the member signs in again so the token carries it. */
  async function grant(who: Person, role: string, institutionId: string | null): Promise<void> {
    await gqlOk(GRANT, { m: who.id, role, i: institutionId }, adminToken);
    who.token = (
      await gqlOk<{ login: { token: string } }>(LOGIN, { email: who.email, password: PASSWORD })
    ).login.token;
  }

  async function publishResults(event: { aggregateId: string }): Promise<void> {
    const producer = testKafka(testBrokers()).producer();
    await producer.connect();
    try {
      await producer.send({
        topic: CompetitionResultsPublishedV2.topic,
        messages: [{ key: event.aggregateId, value: JSON.stringify(event) }],
      });
    } finally {
      await producer.disconnect();
    }
  }

  it('takes a winner from award to close-out, with protected time, its erosion and who may see it', async () => {
    expect(refusal(await gql(MY_AWARDS))).toMatchObject({ code: 'UNAUTHENTICATED' });
    const [institution, elsewhere] = await Promise.all(
      ['Funding University', 'Other University'].map(
        async (name) =>
          (
            await gqlOk<{ createInstitution: { id: string } }>(
              CREATE_INSTITUTION,
              { input: { name: `${name} ${randomUUID().slice(0, 8)}`, country: 'GB' } },
              adminToken,
            )
          ).createInstitution.id,
      ),
    );
    const winner = await register('winner', institution);
    const other = await register('other', institution);
    const lead = await register('lead', institution, 'CONSULTANT');
    const otherLead = await register('otherlead', elsewhere, 'CONSULTANT');
    const supervisor = await register('supervisor', institution, 'ACADEMIC');
    await grant(lead, 'LEAD', institution);
    await grant(otherLead, 'LEAD', elsewhere);
    const supervisorTokenBeforeGrant = supervisor.token;
    await grant(supervisor, 'MENTOR', null);
    // mentorship accepts the profile once its replica holds the mentor role (the old token carries none)
    await waitFor(
      async () =>
        !(
          await gql(
            MENTOR_PROFILE,
            { input: { capacity: 3, expertise: ['medical education'] } },
            supervisorTokenBeforeGrant,
          )
        ).errors?.length,
      { timeoutMs: 30000, intervalMs: 200, description: "the supervisor's mentor role replicated" },
    );

    // the results were published five weeks ago (the award starts then), so its past weeks can be judged
    const now = Date.now();
    const today = isoDay(now);
    const monday = now - ((new Date(now).getUTCDay() + 6) % 7) * DAY_MS;
    const weeksAgo = (weeks: number, plusDays = 0) => isoDay(monday - weeks * 7 * DAY_MS + plusDays * DAY_MS);
    const startsOn = weeksAgo(5);
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
    await publishResults(
      createEvent(
        CompetitionResultsPublishedV2,
        { aggregateId: competitionId, actorId: null, correlationId: `e2e-${competitionId}` },
        {
          competitionId,
          title: 'Medical education research competition',
          publishedAt: `${startsOn}T12:00:00.000Z`,
          currency: 'GBP',
          fundingAvailable: { amountMinor: 300_000, currency: 'GBP' },
          protectedHoursAvailable: null,
          entries: 4,
          winners: [
            {
              proposalId: randomUUID(),
              rank: 1,
              title: 'Near-peer teaching',
              keywords: ['medical education'],
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
      ),
    );

    // offered to the winner alone
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
    const awardId = offered.id;
    expect((await gqlOk<Awards>(MY_AWARDS, {}, other.token)).awards.edges).toEqual([]);
    expect(refusal(await gql(AWARD, { id: awardId }, other.token))).toMatchObject({ code: 'NOT_FOUND' });
    expect(refusal(await gql(AWARD, { id: awardId }, otherLead.token))).toMatchObject({ code: 'NOT_FOUND' });
    // nobody accepts money on the winner's behalf
    expect(refusal(await gql(ACCEPT, { id: awardId }, adminToken))).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await gqlOk<{ acceptAward: { status: string } }>(ACCEPT, { id: awardId }, winner.token)).acceptAward
        .status,
    ).toBe('ACCEPTED');

    // mentorship proposed a supervisor for the winner from the same results; an admin confirms one and
    // funding records them on the award from mentorship's relationship event
    const proposal = await waitFor(
      async () =>
        nodes(
          (
            await gqlOk<{
              supervisionProposals: Page<{ id: string; competitionId: string; status: string }>;
            }>(SUPERVISION_PROPOSALS, {}, adminToken)
          ).supervisionProposals,
        ).find((candidate) => candidate.competitionId === competitionId),
      { timeoutMs: 30000, intervalMs: 200, description: 'the supervision proposal' },
    );
    await gqlOk(CONFIRM_SUPERVISION, { id: proposal.id, m: supervisor.id }, adminToken);
    interface AwardView {
      award: {
        status: string;
        transitions: Array<{ action: string; to: string }>;
        supervisor: { id: string } | null;
        finalReportSubmitted: boolean;
        protectedTime: Array<{
          id: string;
          status: string;
          weeklyHours: number;
          from: string;
          member: { id: string };
        }>;
        reports: Array<{ sequence: number; kind: string; state: string }>;
      };
    }
    const linked = await waitFor(
      async () => {
        const view = (await gqlOk<AwardView>(AWARD, { id: awardId }, winner.token)).award;
        return view.supervisor?.id === supervisor.id ? view : undefined;
      },
      { timeoutMs: 30000, intervalMs: 200, description: 'the supervisor recorded on the award' },
    );
    expect(linked.transitions).toEqual([
      { action: 'OFFER', to: 'OFFERED' },
      { action: 'ACCEPT', to: 'ACCEPTED' },
    ]);
    // the supervisor now sees the award they supervise
    expect((await gqlOk<AwardView>(AWARD, { id: awardId }, supervisor.token)).award.status).toBe('ACCEPTED');

    // acceptance proposed the winner's requested hours as weekly protected time from the award's start
    expect(linked.protectedTime).toHaveLength(1);
    const [allocation] = linked.protectedTime;
    expect(allocation).toMatchObject({ status: 'PROPOSED', from: startsOn, member: { id: winner.id } });
    const weekly = allocation.weeklyHours;
    expect(weekly).toBeGreaterThanOrEqual(2);
    // the institution releases the time: not the member, not another institution's lead, but its own lead
    expect(refusal(await gql(APPROVE, { id: allocation.id }, winner.token))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(refusal(await gql(APPROVE, { id: allocation.id }, otherLead.token))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const approved = await waitFor(
      async () => {
        const result = await gql<{ approveProtectedTime: { status: string } }>(
          APPROVE,
          { id: allocation.id },
          lead.token,
        );
        return result.data?.approveProtectedTime;
      },
      { timeoutMs: 30000, intervalMs: 250, description: "the winner's institution replicated into funding" },
    );
    expect(approved.status).toBe('APPROVED');
    expect(refusal(await gql(APPROVE, { id: allocation.id }, adminToken))).toMatchObject({
      code: 'CONFLICT',
    });

    // the winner logs a little: last week in bulk (with a private note) and one entry today
    const lastWeek = weeksAgo(1);
    const week = await gqlOk<{ logTimeWeek: Array<{ date: string; hours: number }> }>(
      LOG_WEEK,
      {
        input: {
          weekStart: lastWeek,
          entries: [
            { date: lastWeek, hours: 0.5, activity: 'RESEARCH', note: 'ethics form, private' },
            { date: weeksAgo(1, 1), hours: 0.25, activity: 'WRITING' },
          ],
        },
      },
      winner.token,
    );
    expect(week.logTimeWeek.map((entry) => [entry.date, entry.hours])).toEqual([
      [lastWeek, 0.5],
      [weeksAgo(1, 1), 0.25],
    ]);
    await gqlOk(LOG, { input: { date: today, hours: 0.25, activity: 'DATA_COLLECTION' } }, winner.token);
    // no future days, no day past 24 h, nothing older than the 14-day window
    const tomorrow = isoDay(now + DAY_MS);
    expect(
      refusal(await gql(LOG, { input: { date: tomorrow, hours: 1, activity: 'RESEARCH' } }, winner.token)),
    ).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'FUTURE_TIME_LOG' });
    expect(
      refusal(await gql(LOG, { input: { date: today, hours: 24, activity: 'RESEARCH' } }, winner.token)),
    ).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'DAY_OVER_24_HOURS' });
    expect(
      refusal(await gql(LOG, { input: { date: weeksAgo(3), hours: 1, activity: 'RESEARCH' } }, winner.token)),
    ).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'TIME_LOG_LOCKED' });

    // five complete weeks under half the protected time: AT_RISK, seen by the member, the lead and the supervisor
    interface Utilisation {
      memberUtilisation: {
        atRisk: boolean;
        notesLogged: number | null;
        weeks: Array<{ week: string; allocatedHours: number; loggedHours: number; complete: boolean }>;
      };
    }
    const range = { m: winner.id, from: startsOn, to: today };
    const own = (await gqlOk<Utilisation>(UTILISATION, range, winner.token)).memberUtilisation;
    expect(own.atRisk).toBe(true);
    expect(own.notesLogged).toBe(1);
    expect(own.weeks).toHaveLength(6);
    expect(own.weeks.slice(0, 5).every((row) => row.complete && row.allocatedHours === weekly)).toBe(true);
    expect(own.weeks.map((row) => row.loggedHours)).toEqual([0, 0, 0, 0, 0.75, 0.25]);
    expect(own.weeks[5].complete).toBe(false);
    for (const reader of [lead, supervisor]) {
      const seen = (await gqlOk<Utilisation>(UTILISATION, range, reader.token)).memberUtilisation;
      expect(seen).toMatchObject({ atRisk: true, notesLogged: null });
      expect(seen.weeks).toEqual(own.weeks);
    }
    // a member cannot read another's time; a lead cannot read another institution's members
    expect(refusal(await gql(UTILISATION, range, other.token))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(await gql(UTILISATION, range, otherLead.token))).toMatchObject({ code: 'FORBIDDEN' });
    const institutionRange = { i: institution, from: startsOn, to: today };
    interface InstitutionWeeks {
      institutionUtilisation: {
        weeks: Array<{ week: string; members: number; allocatedHours: number; loggedHours: number }>;
      };
    }
    const institutionWeeks = (
      await gqlOk<InstitutionWeeks>(INSTITUTION_UTILISATION, institutionRange, lead.token)
    ).institutionUtilisation.weeks;
    expect(institutionWeeks.map((row) => [row.members, row.loggedHours])).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
      [1, 0],
      [1, 0.75],
      [1, 0.25],
    ]);
    expect(refusal(await gql(INSTITUTION_UTILISATION, institutionRange, otherLead.token))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(refusal(await gql(INSTITUTION_UTILISATION, institutionRange, winner.token))).toMatchObject({
      code: 'FORBIDDEN',
    });

    // activation sets the reports; close-out waits for the final one
    expect(
      (await gqlOk<{ activateAward: { status: string } }>(ACTIVATE, { id: awardId }, adminToken))
        .activateAward.status,
    ).toBe('ACTIVE');
    expect(refusal(await gql(CLOSE, { id: awardId }, adminToken))).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'FINAL_REPORT_REQUIRED',
    });
    const { reports } = (await gqlOk<AwardView>(AWARD, { id: awardId }, winner.token)).award;
    expect(reports[0]).toMatchObject({ sequence: 1, kind: 'PROGRESS', state: 'UPCOMING' });
    const final = reports[reports.length - 1];
    expect(final.kind).toBe('FINAL');
    expect(
      refusal(await gql(SUBMIT_REPORT, { id: awardId, input: { progress: 'not mine' } }, other.token)).code,
    ).toBe('NOT_FOUND');
    await gqlOk(
      SUBMIT_REPORT,
      {
        id: awardId,
        input: { progress: 'Ethics approved', problems: 'Clinical rota', nextSteps: 'Recruit' },
      },
      winner.token,
    );
    await gqlOk(
      SUBMIT_REPORT,
      { id: awardId, input: { sequence: final.sequence, progress: 'Done and written up' } },
      winner.token,
    );
    expect(
      (await gqlOk<{ closeAward: { status: string } }>(CLOSE, { id: awardId }, adminToken)).closeAward.status,
    ).toBe('CLOSED');
    const closed = (await gqlOk<AwardView>(AWARD, { id: awardId }, adminToken)).award;
    expect(closed.finalReportSubmitted).toBe(true);
    expect(closed.transitions.map((transition) => transition.to)).toEqual([
      'OFFERED',
      'ACCEPTED',
      'ACTIVE',
      'CLOSED',
    ]);
  });
});
