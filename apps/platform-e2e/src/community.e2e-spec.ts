import { CommunityApplicationDecidedV1 } from '@praxis/contracts';
import { collectTopic, testBrokers, waitFor } from '@praxis/platform/testing';
import { loadDemo } from '@praxis/tools/demo';
import { ADMIN, adminSession, GATEWAY, gql, gqlOk, serviceUrl } from './support/platform';

const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { token member { id } } }`;
const JOIN = `mutation J($id: ID!) { joinCommunity(id: $id) { memberCount viewerIsMember } }`;
const APPLY = `mutation A($id: ID!, $input: ApplyToProgrammeInput!) { applyToProgramme(programmeId: $id, input: $input) { id status } }`;
const MINE = `query P($id: ID!) { programme(id: $id) { myApplication { id status wideningParticipation { freeSchoolMeals } } sessions { joiningLink localStart } } }`;
const HOUR = 3_600_000;

interface Person {
  id: string;
  token: string;
}

/**
 * community under `npm start`, through the gateway: a community joined by members registered in membership
 * (replicated over Kafka), a programme from creation through selection to a waitlist promotion, the answers only
 * their applicant reads, and the public certificate check. Lean on purpose: the rules are proven in-process.
 */
describe('community through the gateway', () => {
  // signs in again before the token expires: a suite can outlast the 5 minutes one token lives
  const adminToken = adminSession();
  let decided: Awaited<ReturnType<typeof collectTopic>>;

  beforeAll(async () => {
    decided = await collectTopic(testBrokers(), CommunityApplicationDecidedV1.topic);
  });

  afterAll(async () => {
    await decided?.stop();
  });

  it('runs a community and a programme from creation to a waitlist promotion, keeping the answers with their applicant', async () => {
    const institution = (
      await gqlOk<{ createInstitution: { id: string } }>(
        `mutation C($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`,
        { input: { name: 'University of York', country: 'GB' } },
        adminToken,
      )
    ).createInstitution.id;
    const community = (
      await gqlOk<{ createCommunity: { id: string } }>(
        `mutation C($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
        { input: { name: 'Assessment', interests: ['assessment'] } },
        adminToken,
      )
    ).createCommunity.id;
    const students: Person[] = [];
    for (const name of ['Amara', 'Bilal']) {
      const registered = await gqlOk<{ register: { token: string; member: { id: string } } }>(REGISTER, {
        input: {
          email: `${name.toLowerCase()}.${Date.now()}@example.ac.uk`,
          password: 'a long enough passphrase 7',
          displayName: name,
          careerStage: 'MEDICAL_STUDENT',
          institutionId: institution,
          specialty: null,
          interests: ['assessment'],
        },
      });
      const person = { id: registered.register.member.id, token: registered.register.token };
      // joining needs the member in community's replica, which membership's event brings
      await waitFor(async () => !(await gql(JOIN, { id: community }, person.token)).errors?.length, {
        timeoutMs: 20000,
        intervalMs: 200,
        description: `${name} replicated into community`,
      });
      students.push(person);
    }
    const members = await gqlOk<{
      community: { memberCount: number };
      communityMembers: { edges: Array<{ node: { displayName: string } }> };
    }>(
      `query Q($id: ID!) { community(id: $id) { memberCount } communityMembers(communityId: $id, first: 10) { edges { node { displayName } } } }`,
      { id: community },
      students[0].token,
    );
    expect(members.community.memberCount).toBe(2);
    expect(members.communityMembers.edges.map((edge) => edge.node.displayName)).toEqual(['Amara', 'Bilal']);

    const now = Date.now();
    const programme = (
      await gqlOk<{ createProgramme: { id: string } }>(
        `mutation P($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`,
        {
          input: {
            communityId: community,
            title: 'Research masterclasses',
            audience: ['MEDICAL_STUDENT'],
            capacity: 1,
            mode: 'ONLINE',
            applicationOpensAt: new Date(now - HOUR).toISOString(),
            applicationClosesAt: new Date(now + 24 * HOUR).toISOString(),
            sessions: [
              {
                theme: 'Asking a research question',
                localDate: new Date(now + 10 * 24 * HOUR).toISOString().slice(0, 10),
                localTime: '13:00',
                timeZone: 'Europe/London',
                durationMinutes: 240,
                joiningLink: 'https://meet.example.org/masterclass',
              },
            ],
          },
        },
        adminToken,
      )
    ).createProgramme.id;
    const [amara, bilal] = students;
    const a = await gqlOk<{ applyToProgramme: { id: string } }>(
      APPLY,
      { id: programme, input: { motivation: 'Curious', wideningParticipation: { freeSchoolMeals: 'YES' } } },
      amara.token,
    );
    await gqlOk(APPLY, { id: programme, input: { motivation: 'Keen' } }, bilal.token);
    const selected = await gqlOk<{
      selectApplicants: { accepted: number; waitlisted: number; seed: string };
    }>(
      `mutation S($id: ID!) { selectApplicants(programmeId: $id, policy: PRIORITY_THEN_LOTTERY) { accepted waitlisted seed } }`,
      { id: programme },
      adminToken,
    );
    expect(selected.selectApplicants).toMatchObject({ accepted: 1, waitlisted: 1 });
    expect(selected.selectApplicants.seed.length).toBeGreaterThan(0);

    type Mine = {
      programme: {
        myApplication: { status: string; wideningParticipation: { freeSchoolMeals: string | null } };
        sessions: Array<{ joiningLink: string | null; localStart: string }>;
      };
    };
    const amaraView = await gqlOk<Mine>(MINE, { id: programme }, amara.token);
    // the flagged applicant came first; only she reads her answer, and only an attendee sees the link
    expect(amaraView.programme.myApplication).toMatchObject({
      status: 'ACCEPTED',
      wideningParticipation: { freeSchoolMeals: 'YES' },
    });
    expect(amaraView.programme.sessions[0]).toMatchObject({
      joiningLink: 'https://meet.example.org/masterclass',
    });
    expect(amaraView.programme.sessions[0].localStart).toMatch(/13:00/);
    const bilalView = await gqlOk<Mine>(MINE, { id: programme }, bilal.token);
    expect(bilalView.programme.myApplication.wideningParticipation.freeSchoolMeals).toBeNull();
    expect(bilalView.programme.sessions[0].joiningLink).toBeNull();

    await gqlOk(
      `mutation D($id: ID!) { respondToPlace(applicationId: $id, action: DECLINE) { status } }`,
      { id: a.applyToProgramme.id },
      amara.token,
    );
    const offered = await gqlOk<{ programme: { myApplication: { id: string; status: string } } }>(
      MINE,
      { id: programme },
      bilal.token,
    );
    expect(offered.programme.myApplication.status).toBe('OFFERED');
    await gqlOk(
      `mutation C($id: ID!) { respondToPlace(applicationId: $id, action: CONFIRM) { status } }`,
      { id: offered.programme.myApplication.id },
      bilal.token,
    );
    expect((await gqlOk<Mine>(MINE, { id: programme }, bilal.token)).programme.sessions[0].joiningLink).toBe(
      'https://meet.example.org/masterclass',
    );

    const verify = await gql<{ verifyCertificate: { valid: boolean } }>(
      `query V($code: String!) { verifyCertificate(code: $code) { valid memberName programmeTitle } }`,
      { code: '0000-0000-0000-0000-0' },
    );
    expect(verify.data?.verifyCertificate.valid).toBe(false);

    // the decisions travel for engagement, with the member and institution and no answers
    await waitFor(async () => decided.messages.length >= 4, {
      timeoutMs: 20000,
      intervalMs: 200,
      description: 'application decisions on Kafka',
    });
    const payloads = JSON.stringify(decided.messages.map((message) => message.value));
    expect(payloads).toContain(institution);
    expect(payloads).not.toMatch(/freeSchoolMeals|wideningParticipation|motivation/);
  });

  it('loads the demo data through the gateway (npm run demo, at a smaller scale), and refuses to load it twice', async () => {
    // the platform is the run's shared one: what the demo adds is counted against what the other suites left
    const MEDICAL_SCHOOLS = `query { institutions(first: 100, nameContains: " Medical School") { totalCount edges { node { name } } } }`;
    const OVERVIEW = `{ mentorshipOverview { active requested } }`;
    type Overview = { mentorshipOverview: { active: number; requested: number } };
    const schoolsBefore = (await gqlOk<{ institutions: { totalCount: number } }>(MEDICAL_SCHOOLS))
      .institutions.totalCount;
    const tokenBefore = (await gqlOk<{ login: { token: string } }>(LOGIN, ADMIN)).login.token;
    const overviewBefore = (await gqlOk<Overview>(OVERVIEW, {}, tokenBefore)).mentorshipOverview;
    const demo = await loadDemo({
      url: GATEWAY,
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      scale: 0.16,
      communityUrl: serviceUrl('community', ''),
      fundingUrl: serviceUrl('funding', ''),
    });
    expect(demo.alreadyLoaded).toBe(false);
    expect(demo.institutions).toBe(26);
    expect(demo.members).toMatchObject({ MEDICAL_STUDENT: 40, RESIDENT: 4, CONSULTANT: 3, ACADEMIC: 3 });
    expect(demo.demographicsAnswered).toBe(26);
    expect(demo.programme).toMatchObject({ applications: 40, accepted: 38, waitlisted: 2 });

    // the shape as a user reads it back through the gateway
    const institutions = (
      await gqlOk<{ institutions: { totalCount: number; edges: Array<{ node: { name: string } }> } }>(
        MEDICAL_SCHOOLS,
      )
    ).institutions;
    expect(institutions.totalCount - schoolsBefore).toBe(23);
    expect(institutions.edges.every(({ node }) => / Medical School$/.test(node.name))).toBe(true);
    const adminToken = (await gqlOk<{ login: { token: string } }>(LOGIN, ADMIN)).login.token;
    const programmeId = demo.programme?.id as string;
    const read = await gqlOk<{
      programme: {
        sessions: Array<{ position: number }>;
        reflectionQuestions: Array<{ prompt: string }>;
        attendanceSummary: { attendees: number; sessions: Array<{ attended: number }> };
        reflectionCounts: { submitted: number };
      };
      programmeApplications: { totalCount: number };
      communities: { edges: Array<{ node: { name: string; memberCount: number } }> };
    }>(
      `query D($id: ID!) {
        programme(id: $id) { sessions { position } reflectionQuestions { prompt } attendanceSummary { attendees sessions { attended } } reflectionCounts { submitted } }
        programmeApplications(programmeId: $id, status: ACCEPTED, first: 1) { totalCount }
        communities(first: 100) { edges { node { name memberCount } } }
      }`,
      { id: programmeId },
      adminToken,
    );
    expect(read.programme.sessions).toHaveLength(7);
    expect(read.programme.reflectionQuestions).toHaveLength(3);
    expect(read.programmeApplications.totalCount).toBe(38);
    expect(read.programme.attendanceSummary.attendees).toBe(38);
    expect(read.programme.attendanceSummary.sessions[0].attended).toBe(demo.programme?.firstSessionAttended);
    expect(demo.programme?.firstSessionAttended).toBe(35);
    // the whole series on community's test clock: every register, seed 000's share of reflections, certificates
    expect(read.programme.attendanceSummary.sessions.map((session) => session.attended)).toEqual(
      demo.programme?.sessionsAttended,
    );
    expect(demo.programme?.sessionsAttended).toEqual([35, 33, 32, 30, 29, 28, 30]);
    expect(read.programme.reflectionCounts.submitted).toBe(7);
    expect(demo.programme?.reflections).toBe(7);
    expect(demo.programme?.certificates).toBeGreaterThan(20);
    const medEd = read.communities.edges.find((edge) => edge.node.name === 'Medical education research');
    expect(medEd?.node.memberCount).toBeGreaterThanOrEqual(40);

    // mentorship: pairs that started, the Mastermind group listed by the community sharing its tags, a
    // workshop of 5 with its waitlist
    expect(demo.mentorship).toMatchObject({
      pairs: 4,
      mastermind: { size: 6, tags: ['medical education', 'professional identity'] },
      workshop: { enrolled: 5, waitlisted: 3 },
    });
    const workshopId = demo.mentorship?.workshop.id as string;
    const mentoring = await gqlOk<{
      mentorshipOverview: { active: number; requested: number };
      coachingWorkshop: { capacity: number; enrolledCount: number; waitlistCount: number };
    }>(
      `query M($id: ID!) { mentorshipOverview { active requested } coachingWorkshop(id: $id) { capacity enrolledCount waitlistCount } }`,
      { id: workshopId },
      adminToken,
    );
    // the four mentoring pairs, and the two competition winners' supervisions the admin confirmed
    expect(mentoring.mentorshipOverview).toMatchObject({
      active: overviewBefore.active + 6,
      requested: overviewBefore.requested,
    });
    expect(mentoring.coachingWorkshop).toEqual({ capacity: 5, enrolledCount: 5, waitlistCount: 3 });
    const medEdId = demo.communities.find((community) => community.name === 'Medical education research')?.id;
    type Tagged = { taggedMastermindGroups: { edges: Array<{ node: { groupId: string; size: number } }> } };
    const TAGGED = `query T($id: ID!) { taggedMastermindGroups(communityId: $id) { edges { node { groupId size } } } }`;
    await waitFor(
      async () =>
        (await gqlOk<Tagged>(TAGGED, { id: medEdId }, adminToken)).taggedMastermindGroups.edges.some(
          (edge) => edge.node.groupId === demo.mentorship?.mastermind.id && edge.node.size === 6,
        ),
      {
        timeoutMs: 20000,
        intervalMs: 250,
        description: "the demo's Mastermind group listed by its community",
      },
    );

    // the research competition: inter-institutional entries judged, results published, two winners funded,
    // and listed (as published, by proposals' changed event) by the community whose interests it is tagged with
    expect(demo.competition).toMatchObject({ entries: 3, judges: 6, reviews: 6 });
    expect(demo.competition?.winners.map((winner) => [winner.rank, winner.outcome])).toEqual([
      [1, 'FUNDED'],
      [2, 'FUNDED'],
    ]);
    // each winner with a supervisor the admin confirmed, recorded on the award its lead accepted
    for (const winner of demo.competition?.winners ?? []) {
      expect(winner.awardStatus).toBe('ACCEPTED');
      expect(winner.supervisorId).toEqual(expect.any(String));
    }
    const competitionId = demo.competition?.id as string;
    const judged = await gqlOk<{
      competition: { phase: string; tags: string[]; resultsPublishedAt: string | null };
      competitionEntries: {
        totalCount: number;
        edges: Array<{ node: { status: string; team: Array<{ id: string }> } }>;
      };
      competitionRanking: { published: boolean; entries: { totalCount: number } };
    }>(
      `query C($id: ID!) {
        competition(id: $id) { phase tags resultsPublishedAt }
        competitionEntries(competitionId: $id, first: 10) { totalCount edges { node { status team { id } } } }
        competitionRanking(competitionId: $id) { published entries(first: 10) { totalCount } }
      }`,
      { id: competitionId },
      adminToken,
    );
    expect(judged.competition).toMatchObject({
      phase: 'RESULTS_PUBLISHED',
      tags: ['medical education', 'assessment'],
    });
    expect(judged.competition.resultsPublishedAt).not.toBeNull();
    expect(judged.competitionEntries.totalCount).toBe(3);
    expect(
      judged.competitionEntries.edges.every(
        ({ node }) => node.status === 'SUBMITTED' && node.team.length === 2,
      ),
    ).toBe(true);
    expect(judged.competitionRanking).toEqual({ published: true, entries: { totalCount: 3 } });
    type Listed = {
      taggedCompetitions: { edges: Array<{ node: { competitionId: string; phase: string } }> };
    };
    const LISTED = `query L($id: ID!) { taggedCompetitions(communityId: $id) { edges { node { competitionId phase } } } }`;
    await waitFor(
      async () =>
        (await gqlOk<Listed>(LISTED, { id: medEdId }, adminToken)).taggedCompetitions.edges.some(
          (edge) => edge.node.competitionId === competitionId && edge.node.phase === 'RESULTS_PUBLISHED',
        ),
      {
        timeoutMs: 20000,
        intervalMs: 250,
        description: "the demo's competition listed by its community, published",
      },
    );

    // funding's weekly check, run by its scheduler at funding's test clock, flagged the first winner's protected
    // time: three complete weeks under the threshold, seen by the lead who approved it; the clock is back on now
    expect(demo.fundingTestClock).toBe(true);
    expect(demo.atRisk?.episodeStartedWeek).toMatch(/^\d{4}-W\d{2}$/);
    expect(demo.atRisk?.weeks).toHaveLength(3);
    for (const week of demo.atRisk?.weeks ?? []) {
      expect(week.allocatedHours).toBeGreaterThan(0);
      expect(week.loggedHours * 2).toBeLessThan(week.allocatedHours);
    }
    const lead = demo.logins.find((login) => login.who === 'lead');
    const leadToken = (
      await gqlOk<{ login: { token: string } }>(LOGIN, { email: lead?.email, password: lead?.password })
    ).login.token;
    const flagged = await gqlOk<{ atRiskMembers: { edges: Array<{ node: { member: { id: string } } }> } }>(
      `{ atRiskMembers(first: 100) { edges { node { member { id } } } } }`,
      {},
      leadToken,
    );
    expect(flagged.atRiskMembers.edges.map((edge) => edge.node.member.id)).toContain(demo.atRisk?.memberId);
    const fundingClock = await fetch(serviceUrl('funding', '/testing/clock'), {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(((await fundingClock.json()) as { offsetMs: number }).offsetMs).toBe(0);

    // a demo login works
    const student = demo.logins.find((login) => login.who === 'student');
    await gqlOk(LOGIN, { email: student?.email, password: student?.password });
    const mentor = demo.logins.find((login) => login.who === 'mentor');
    await gqlOk(LOGIN, { email: mentor?.email, password: mentor?.password });

    const again = await loadDemo({
      url: GATEWAY,
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      scale: 0.16,
    });
    expect(again).toMatchObject({
      alreadyLoaded: true,
      institutions: 26,
      programme: null,
      mentorship: null,
      competition: null,
    });
  }, 480_000);
});
