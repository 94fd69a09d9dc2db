import { DemoRequestError, DemoSession, eventually, graphql, inParallel, type AuthPayload } from './client';
import { DEMO_PASSWORD, demoPlan, formTeams, hasPriority, type DemoPerson, type DemoPlan } from './plan';
import { loadCompetition, type DemoCompetitionSummary } from './competition';
import { loadMentorship, type DemoMentorshipSummary } from './mentoring';
import { DemoProgress } from './progress';
import { ServiceClock } from './clock';
import { loadAtRisk, type DemoAtRiskSummary } from './at-risk';
import { DemoRandom } from './random';

export interface DemoOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  adminEmail: string;
  adminPassword: string;
  /** Seconds between creating the masterclass series and its first session (applications close then). */
  leadSeconds?: number;
  /** 1 (default) is the full demo; the system test loads a smaller one of the same shape. */
  scale?: number;
  /**
   * Community's own base URL (e.g. http://localhost:3005). Where that service serves a test clock
   * (`COMMUNITY_TEST_CLOCK=true`), the demo sets it back to run the whole series in the past (every register,
   * reflections, certificates) and then puts it back; otherwise it loads the series up to its first register.
   */
  communityUrl?: string;
  /**
   * Funding's own base URL (e.g. http://localhost:3004). Where that service serves a test clock
   * (`FUNDING_TEST_CLOCK=true`), the demo moves it three Mondays on so that funding's weekly check flags the first
   * winner's protected time AT_RISK, then puts it back; otherwise no one is at risk (the check runs on Mondays).
   */
  fundingUrl?: string;
  progress?: DemoProgress;
}

export interface DemoSummary {
  alreadyLoaded: boolean;
  institutions: number;
  members: Record<string, number>;
  demographicsAnswered: number;
  communities: Array<{ id: string; name: string; members: number; announcements: number }>;
  programme: {
    id: string;
    title: string;
    applications: number;
    accepted: number;
    waitlisted: number;
    seed: string | null;
    firstSessionAttended: number;
    /** Each session's register, in order: only the first without community's test clock. */
    sessionsAttended: number[];
    reflections: number;
    certificates: number;
  } | null;
  /** Mentoring pairs, the Mastermind group and the coaching workshop (null when the demo was already there). */
  mentorship: DemoMentorshipSummary | null;
  /** The research competition for attendees, judged and published (null when the demo was already there). */
  competition: DemoCompetitionSummary | null;
  /** A winner whose protected time funding's weekly check flagged (null without funding's test clock). */
  atRisk: DemoAtRiskSummary | null;
  /** Whether funding served its test clock (false when the demo was already there). */
  fundingTestClock: boolean;
  logins: Array<{ who: string; email: string; password: string }>;
}

const INSTITUTIONS = `query DemoInstitutions($after: String) {
  institutions(first: 100, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } }
}`;

interface InstitutionsPage {
  institutions: {
    edges: Array<{ node: { id: string; name: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** Every institution, a page of 100 at a time (the list is a connection). */
async function allInstitutions(url: string): Promise<Array<{ id: string; name: string }>> {
  const all: Array<{ id: string; name: string }> = [];
  let after: string | null = null;
  do {
    const page: InstitutionsPage = await graphql<InstitutionsPage>(url, INSTITUTIONS, { after });
    all.push(...page.institutions.edges.map((edge) => edge.node));
    after = page.institutions.pageInfo.hasNextPage ? page.institutions.pageInfo.endCursor : null;
  } while (after);
  return all;
}
const LOGIN = `mutation DemoLogin($email: String!, $password: String!) {
  login(email: $email, password: $password, refreshTokenInBody: true) { ${DemoSession.fields} }
}`;
const CREATE_INSTITUTION = `mutation DemoInstitution($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`;
const REGISTER = `mutation DemoRegister($input: RegisterInput!) {
  register(input: $input, refreshTokenInBody: true) { ${DemoSession.fields} }
}`;
const GRANT = `mutation DemoGrant($memberId: ID!, $role: Role!, $institutionId: ID) {
  grantRole(memberId: $memberId, role: $role, institutionId: $institutionId) { id }
}`;
const DEMOGRAPHICS = `mutation DemoDemographics($input: DemographicsInput!) { recordDemographics(input: $input) { gender } }`;
const CREATE_COMMUNITY = `mutation DemoCommunity($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const JOIN = `mutation DemoJoin($id: ID!) { joinCommunity(id: $id) { memberCount } }`;
const ANNOUNCE = `mutation DemoAnnounce($communityId: ID!, $input: PostAnnouncementInput!) {
  postAnnouncement(communityId: $communityId, input: $input) { id }
}`;
const CREATE_PROGRAMME = `mutation DemoProgramme($input: CreateProgrammeInput!) {
  createProgramme(input: $input) {
    id title sessions { id position startsAt durationMinutes } reflectionQuestions { id }
  }
}`;
const REFLECT = `mutation DemoReflect($id: ID!, $input: SubmitReflectionInput!) {
  submitReflection(programmeId: $id, input: $input) { submittedOn }
}`;
const CERTIFICATE = `mutation DemoCertificate($id: ID!) { requestCertificate(programmeId: $id) { id } }`;

/** Invented answers to the three reflection questions, a few of each, picked by the seed. */
const REFLECTION_ANSWERS = [
  [
    'I had not thought of education as a field with its own research. I now want to try a small project.',
    'Hearing how the speakers started made a career in medical education feel possible for someone like me.',
    'It changed how I see teaching on placement: there is evidence behind what works.',
  ],
  [
    'Start a peer-teaching group for the year below and evaluate it properly.',
    'Take the ideas on feedback back to our student education committee.',
    'Use the session on longitudinal clerkships to ask for more continuity on placements.',
  ],
  [
    'Widening participation, and support for students who are the first in their family at university.',
    'Preparing students for practice, with more time with the same team.',
    'Digital skills and fair assessment.',
  ],
];

const APPLY = `mutation DemoApply($id: ID!, $input: ApplyToProgrammeInput!) {
  applyToProgramme(programmeId: $id, input: $input) { id status }
}`;
const SELECT = `mutation DemoSelect($id: ID!, $seed: String!) {
  selectApplicants(programmeId: $id, policy: PRIORITY_THEN_LOTTERY, seed: $seed) { accepted waitlisted seed }
}`;
const ACCEPTED = `query DemoAccepted($id: ID!, $after: String) {
  programmeApplications(programmeId: $id, status: ACCEPTED, first: 100, after: $after) {
    edges { node { member { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const RECORD = `mutation DemoAttendance($sessionId: ID!, $memberIds: [ID!]!) {
  recordAttendance(sessionId: $sessionId, memberIds: $memberIds) { recorded alreadyRecorded }
}`;

const DAY = 86_400_000;
const SPEAKERS: Array<{
  name: string;
  role: string;
  gender?: string;
  ethnicity?: string;
  disability?: string;
}> = [
  { name: 'Dr Imani Osei', role: 'Clinical lecturer', gender: 'Woman', ethnicity: 'Black British' },
  { name: 'Prof Alistair Grant', role: 'Professor of medical education', gender: 'Man', ethnicity: 'White' },
  { name: 'Dr Sunita Rao', role: 'Academic foundation doctor', gender: 'Woman', ethnicity: 'British Indian' },
  {
    name: 'Dr Jordan Reece',
    role: 'GP educator',
    gender: 'Non-binary',
    ethnicity: 'Mixed',
    disability: 'Yes',
  },
  { name: 'Dr Farida Noor', role: 'Digital health fellow', gender: 'Woman', ethnicity: 'British Pakistani' },
];

function describeYear(year: number): string {
  return ['1st', '2nd', '3rd', '4th', '5th', '6th'][year - 1] ?? `${year}th`;
}

/**
 * Loads the demo through the gateway, as its people would: the admin creates institutions, communities and the
 * masterclass series; members register, answer the voluntary questions, join and apply with their own tokens;
 * the admin selects and takes the first session's register. Nothing touches a database, so every rule of every
 * service applies. Refuses to run twice: it looks for its institutions first.
 */
export async function loadDemo(options: DemoOptions): Promise<DemoSummary> {
  const { url } = options;
  const progress = options.progress ?? new DemoProgress();
  const plan: DemoPlan = demoPlan({ scale: options.scale });
  const adminAuth = await graphql<{ login: AuthPayload }>(url, LOGIN, {
    email: options.adminEmail,
    password: options.adminPassword,
  });
  const admin = new DemoSession(url, adminAuth.login);

  const existing = await allInstitutions(url);
  const demoNames = new Set(plan.institutions.map((institution) => institution.name));
  if (existing.some((institution) => demoNames.has(institution.name))) {
    return {
      alreadyLoaded: true,
      institutions: existing.filter((institution) => demoNames.has(institution.name)).length,
      members: {},
      demographicsAnswered: 0,
      communities: [],
      programme: null,
      mentorship: null,
      competition: null,
      atRisk: null,
      fundingTestClock: false,
      logins: logins(plan, options),
    };
  }

  const institutionIds = await progress.step('Institutions', plan.institutions.length, (tick) =>
    inParallel(plan.institutions, 2, async (institution) => {
      const { createInstitution } = await admin.request<{ createInstitution: { id: string } }>(
        CREATE_INSTITUTION,
        { input: { name: institution.name, country: 'GB' } },
      );
      tick();
      return createInstitution.id;
    }),
  );

  const sessions = new Map<string, DemoSession>();
  await progress.step('Members registered', plan.people.length, (tick) =>
    // password hashing bounds registration; two at a time keeps membership responsive
    inParallel(plan.people, 3, async (person) => {
      const { register } = await graphql<{ register: AuthPayload }>(url, REGISTER, {
        input: {
          email: person.email,
          password: DEMO_PASSWORD,
          displayName: person.displayName,
          careerStage: person.careerStage,
          institutionId: institutionIds[person.institution],
          specialty: person.specialty,
          interests: person.interests,
        },
      }).catch((error: unknown) => {
        if (error instanceof DemoRequestError && error.code === 'TOO_MANY_REQUESTS') {
          throw new Error(
            'membership refused more registrations from this address: start the platform with ' +
              'THROTTLE_REGISTER_PER_ADDRESS_PER_HOUR=1000 (see README, "Demo data")',
          );
        }
        throw error;
      });
      sessions.set(person.key, new DemoSession(url, register));
      tick();
    }),
  );
  const session = (person: DemoPerson): DemoSession => sessions.get(person.key) as DemoSession;
  const byKey = (key: string): DemoPerson => plan.people.find((person) => person.key === key) as DemoPerson;

  const grants = plan.people.flatMap((person) => person.roles.map((role) => ({ person, role })));
  await progress.step('Roles granted', grants.length, (tick) =>
    inParallel(grants, 2, async ({ person, role }) => {
      await admin.request(GRANT, {
        memberId: session(person).memberId,
        role,
        institutionId: role === 'LEAD' ? institutionIds[person.institution] : null,
      });
      tick();
    }),
  );

  const answering = plan.people.filter((person) => person.demographics !== null);
  await progress.step('Voluntary demographics', answering.length, (tick) =>
    inParallel(answering, 4, async (person) => {
      await session(person).request(DEMOGRAPHICS, { input: person.demographics });
      tick();
    }),
  );

  const students = plan.people.filter((person) => person.careerStage === 'MEDICAL_STUDENT');
  const clinicians = plan.people.filter((person) => person.careerStage !== 'MEDICAL_STUDENT');
  const communityPlans = [
    {
      name: 'Medical education research',
      description:
        'For students and clinicians who teach, study how people learn medicine, or want to start: masterclasses, ' +
        'a research competition and peers at other schools.',
      interests: ['assessment', 'medical education', 'professional identity'],
      moderators: [byKey('academic-1'), byKey('academic-2')],
      joiners: [
        ...students,
        ...clinicians.filter((person) => person.interests.includes('medical education')),
      ],
      announcements: [
        {
          title: 'Welcome to the community',
          body: 'Introduce yourself in your first session and tell us which question you want to research.',
          link: null,
        },
        {
          title: 'Research competition: call for inter-institutional teams',
          body: 'Attendees of the masterclass series can enter a proposal with students from another school.',
          link: null,
        },
      ],
    },
    {
      name: 'Digital health',
      description: 'Telemedicine, digital exclusion and learning with technology.',
      interests: ['digital health', 'simulation'],
      moderators: [byKey('consultant-2')],
      joiners: plan.people.filter((person) => person.interests.includes('digital health')),
      announcements: [
        {
          title: 'Journal club: wearables in clinical teaching',
          body: 'We meet online on the first Thursday of each month.',
          link: 'https://meet.example.org/digital-health-journal-club',
        },
      ],
    },
  ];
  // community learns members from membership's events: the moderators must have arrived there first
  const communities = await progress.step('Communities', communityPlans.length, (tick) =>
    inParallel(communityPlans, 1, async (community) => {
      const { createCommunity } = await eventually(`create ${community.name}`, () =>
        admin.request<{ createCommunity: { id: string } }>(CREATE_COMMUNITY, {
          input: {
            name: community.name,
            description: community.description,
            interests: community.interests,
            moderatorIds: community.moderators.map((moderator) => session(moderator).memberId),
          },
        }),
      );
      tick();
      return { ...community, id: createCommunity.id };
    }),
  );

  const joins = communities.flatMap((community) =>
    community.joiners.map((person) => ({ community, person })),
  );
  const memberCounts = new Map<string, number>();
  await progress.step('Community members joined', joins.length, (tick) =>
    inParallel(joins, 4, async ({ community, person }) => {
      const { joinCommunity } = await eventually(`${person.key} joins ${community.name}`, () =>
        session(person).request<{ joinCommunity: { memberCount: number } }>(JOIN, { id: community.id }),
      );
      memberCounts.set(
        community.id,
        Math.max(memberCounts.get(community.id) ?? 0, joinCommunity.memberCount),
      );
      tick();
    }),
  );

  const announcements = communities.flatMap((community) =>
    community.announcements.map((announcement) => ({ community, announcement })),
  );
  await progress.step('Announcements', announcements.length, (tick) =>
    inParallel(announcements, 1, async ({ community, announcement }) => {
      await session(community.moderators[0]).request(ANNOUNCE, {
        communityId: community.id,
        input: announcement,
      });
      tick();
    }),
  );

  // The series. With community's test clock it ran a month ago: the clock goes back to the day before the first
  // session, steps through each session for its register and to the day after the last for reflections and
  // certificates, then returns to now. Without it, applications close and the first session starts
  // `leadSeconds` from now, so the demo shows a series under way with its first register taken. The other
  // sessions follow over two weeks at 13:00 London time.
  const clock = options.communityUrl
    ? await ServiceClock.connect('community', options.communityUrl, admin)
    : null;
  const leadSeconds = options.leadSeconds ?? 30 + Math.ceil(students.length / 10);
  const firstStart = new Date(
    Math.ceil((Date.now() + (clock ? -30 * DAY : leadSeconds * 1000)) / 1000) * 1000,
  );
  if (clock) await clock.set(new Date(firstStart.getTime() - DAY));
  // the series' accepted attendees, by plan key: the competition is for them
  const attendees = new Set<string>();
  let loaded: Omit<DemoSummary, 'mentorship' | 'competition' | 'atRisk' | 'fundingTestClock'>;
  try {
    loaded = await loadSeries();
  } finally {
    if (clock) await clock.set(null);
  }
  // mentorship runs on the real clock: its workshop is ahead of now
  const mentorship = await loadMentorship(
    plan.mentorship,
    { admin, session: (key) => session(byKey(key)), person: byKey },
    progress,
  );
  // the competition on the real clock (proposals has none): it opened the day after the series' last session
  // where the series ran in the past, else a minute ago; mentors' profiles are in, so winners get supervisors
  const lastSessionDay =
    firstStart.getTime() + Math.max(...plan.sessions.map((planned) => planned.dayOffset)) * DAY;
  const competition = await loadCompetition(
    plan.competition,
    formTeams(plan.competition, plan.people, attendees),
    { admin, session: (key) => session(byKey(key)) },
    {
      opensAt: new Date(Math.min(lastSessionDay + DAY, Date.now() - 60_000)),
      seed: plan.lotterySeed,
    },
    progress,
  );
  // protected time at risk, on funding's test clock where it serves one: the first winner whose award was
  // accepted, flagged by the weekly check three Mondays after their time starts, then the clock comes back
  const fundingClock = options.fundingUrl
    ? await ServiceClock.connect('funding', options.fundingUrl, admin)
    : null;
  const flagged = competition.winners.find(
    (winner) => winner.awardStatus === 'ACCEPTED' && winner.awardId && winner.leadKey,
  );
  const leadPerson = plan.people.find((person) => person.roles.includes('LEAD')) as DemoPerson;
  const atRisk =
    fundingClock && flagged?.awardId && flagged.leadKey
      ? await loadAtRisk(
          fundingClock,
          {
            admin,
            lead: {
              session: session(leadPerson),
              email: leadPerson.email,
              institutionId: institutionIds[leadPerson.institution],
            },
            winner: {
              session: session(byKey(flagged.leadKey)),
              name: byKey(flagged.leadKey).displayName,
              institutionId: institutionIds[byKey(flagged.leadKey).institution],
              awardId: flagged.awardId,
              project: flagged.title,
            },
          },
          progress,
        )
      : null;
  return { ...loaded, mentorship, competition, atRisk, fundingTestClock: fundingClock !== null };

  async function loadSeries(): Promise<
    Omit<DemoSummary, 'mentorship' | 'competition' | 'atRisk' | 'fundingTestClock'>
  > {
    const medEd = communities[0];
    const { createProgramme } = await admin.request<{
      createProgramme: {
        id: string;
        title: string;
        sessions: Array<{ id: string; position: number; startsAt: string; durationMinutes: number }>;
        reflectionQuestions: Array<{ id: string }>;
      };
    }>(CREATE_PROGRAMME, {
      input: {
        communityId: medEd.id,
        title: 'Medical education masterclasses',
        description:
          'Seven free half-day online sessions on careers, research and current themes in medical education. ' +
          'Students from minoritised backgrounds are particularly encouraged to apply.',
        audience: ['MEDICAL_STUDENT'],
        capacity: plan.capacity,
        mode: 'ONLINE',
        applicationOpensAt: new Date(firstStart.getTime() - 21 * DAY).toISOString(),
        applicationClosesAt: firstStart.toISOString(),
        reflectionQuestions: plan.reflectionQuestions,
        certificateMinSharePercent: 70,
        sessions: plan.sessions.map((planned, index) => ({
          theme: planned.theme,
          ...(index === 0
            ? { startsAt: firstStart.toISOString() }
            : {
                localDate: new Date(firstStart.getTime() + planned.dayOffset * DAY)
                  .toISOString()
                  .slice(0, 10),
                localTime: '13:00',
              }),
          timeZone: 'Europe/London',
          durationMinutes: 240,
          joiningLink: `https://meet.example.org/masterclass-${index + 1}`,
          speakers: [SPEAKERS[index % SPEAKERS.length], SPEAKERS[(index + 2) % SPEAKERS.length]],
        })),
      },
    });

    await progress.step('Applications', students.length, (tick) =>
      inParallel(students, 4, async (person) => {
        await session(person).request(APPLY, {
          id: createProgramme.id,
          input: {
            motivation: `${describeYear(person.yearOfStudy ?? 1)}-year student: I want to understand how medical education research is done.`,
            wideningParticipation: person.wideningParticipation,
          },
        });
        tick();
      }),
    );

    const { selectApplicants } = await admin.request<{
      selectApplicants: { accepted: number; waitlisted: number; seed: string | null };
    }>(SELECT, { id: createProgramme.id, seed: plan.lotterySeed });

    if (!clock) await progress.wait('Waiting for the first session to start', firstStart.getTime() + 1000);
    const accepted: string[] = [];
    for (let after: string | null = null; ;) {
      const page: {
        programmeApplications: {
          edges: Array<{ node: { member: { id: string } } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await admin.request(ACCEPTED, { id: createProgramme.id, after });
      accepted.push(...page.programmeApplications.edges.map((edge) => edge.node.member.id));
      if (!page.programmeApplications.pageInfo.hasNextPage) break;
      after = page.programmeApplications.pageInfo.endCursor;
    }
    // seeded absences: the same planned people miss the first session on every run
    const keyOf = new Map([...sessions].map(([key, signedIn]) => [signedIn.memberId, key]));
    for (const memberId of accepted) attendees.add(keyOf.get(memberId) ?? memberId);
    const present = new DemoRandom(`${plan.lotterySeed}:first-session`)
      .shuffle(accepted.sort((a, b) => (keyOf.get(a) ?? a).localeCompare(keyOf.get(b) ?? b)))
      .slice(plan.firstSessionAbsences);
    // the later registers: a seeded order of the attendees, the first so many at each session (so retention
    // decays as people drop out), only where the clock can reach those sessions
    const series = new DemoRandom(`${plan.lotterySeed}:series`).shuffle([...accepted]);
    const registers = [
      present,
      ...(clock
        ? plan.laterSessionShares.map((share) => series.slice(0, Math.round(accepted.length * share)))
        : []),
    ];
    const inOrder = [...createProgramme.sessions].sort((a, b) => a.position - b.position);
    const sessionsAttended: number[] = [];
    for (const [index, register] of registers.entries()) {
      const held = inOrder[index];
      if (clock) await clock.set(new Date(Date.parse(held.startsAt) + 3_600_000));
      sessionsAttended.push(
        await progress.step(`Session ${held.position} register`, register.length, async (tick) => {
          const { recordAttendance } = await admin.request<{ recordAttendance: { recorded: string[] } }>(
            RECORD,
            {
              sessionId: held.id,
              memberIds: register,
            },
          );
          register.forEach(tick);
          return recordAttendance.recorded.length;
        }),
      );
    }
    const attended = sessionsAttended[0];

    let reflections = 0;
    let certificates = 0;
    if (clock) {
      const last = inOrder[inOrder.length - 1];
      await clock.set(new Date(Date.parse(last.startsAt) + last.durationMinutes * 60_000 + DAY));
      const member = (memberId: string): DemoSession =>
        sessions.get(keyOf.get(memberId) ?? '') as DemoSession;
      const picks = new DemoRandom(`${plan.lotterySeed}:reflections`);
      const writers = series.slice(0, plan.reflections).map((memberId) => ({
        memberId,
        answers: createProgramme.reflectionQuestions.map((question, index) => ({
          questionId: question.id,
          text: REFLECTION_ANSWERS[index % REFLECTION_ANSWERS.length][picks.below(3)],
        })),
      }));
      await progress.step('Anonymous reflections', writers.length, (tick) =>
        inParallel(writers, 4, async ({ memberId, answers }) => {
          await member(memberId).request(REFLECT, { id: createProgramme.id, input: { answers } });
          reflections += 1;
          tick();
        }),
      );
      // certificates for those who came to enough sessions (70 %: 5 of 7), each requested by its attendee
      const counts = new Map<string, number>();
      for (const register of registers)
        for (const memberId of register) counts.set(memberId, (counts.get(memberId) ?? 0) + 1);
      const eligible = [...counts]
        .filter(([, count]) => count * 100 >= 70 * inOrder.length)
        .map(([memberId]) => memberId);
      await progress.step('Certificates of attendance', eligible.length, (tick) =>
        inParallel(eligible, 4, async (memberId) => {
          await member(memberId).request(CERTIFICATE, { id: createProgramme.id });
          certificates += 1;
          tick();
        }),
      );
    }

    const stages: Record<string, number> = {};
    for (const person of plan.people) stages[person.careerStage] = (stages[person.careerStage] ?? 0) + 1;
    return {
      alreadyLoaded: false,
      institutions: institutionIds.length,
      members: stages,
      demographicsAnswered: answering.length,
      communities: communities.map((community) => ({
        id: community.id,
        name: community.name,
        members: memberCounts.get(community.id) ?? 0,
        announcements: community.announcements.length,
      })),
      programme: {
        id: createProgramme.id,
        title: createProgramme.title,
        applications: students.length,
        accepted: selectApplicants.accepted,
        waitlisted: selectApplicants.waitlisted,
        seed: selectApplicants.seed,
        firstSessionAttended: attended,
        sessionsAttended,
        reflections,
        certificates,
      },
      logins: logins(plan, options),
    };
  }
}

function logins(plan: DemoPlan, options: DemoOptions): DemoSummary['logins'] {
  const first = (predicate: (person: DemoPerson) => boolean): DemoPerson =>
    plan.people.find(predicate) as DemoPerson;
  const flagged = first(
    (person) => person.careerStage === 'MEDICAL_STUDENT' && hasPriority(person.wideningParticipation),
  );
  return [
    {
      who: 'admin (organiser)',
      email: options.adminEmail,
      password: '(the one you started the platform with)',
    },
    { who: 'lead', email: first((person) => person.roles.includes('LEAD')).email, password: DEMO_PASSWORD },
    { who: 'judge', email: first((person) => person.roles.includes('JUDGE')).email, password: DEMO_PASSWORD },
    {
      who: 'moderator',
      email: first((person) => person.key === 'academic-2').email,
      password: DEMO_PASSWORD,
    },
    { who: 'student', email: flagged.email, password: DEMO_PASSWORD },
    {
      who: 'mentor',
      email: first((person) => person.key === plan.mentorship.pairs[0].mentor).email,
      password: DEMO_PASSWORD,
    },
  ];
}
