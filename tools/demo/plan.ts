import { apportion, DemoRandom, expand } from './random';

/**
 * The demo data set, decided before anything is sent: a pure function of the seed, so two runs plan the same people
 * and the shape can be checked without a platform. Proportions follow seed 000 (the masterclass series: 237
 * attendees from 23 medical schools; of the 163 who answered the voluntary EDI form, its Table 2 mix of gender and
 * ethnicity; the year-of-study mix of all attendees). Names and places are invented.
 */

export const DEMO_SEED = 'praxis-demo-seed-000';
/** Every demo account signs in with this (it passes the platform's password-strength check). */
export const DEMO_PASSWORD = 'masterclass lantern cohort 2026';
export const DEMO_EMAIL_DOMAIN = 'praxis-demo.example.org';

export type CareerStage = 'MEDICAL_STUDENT' | 'FOUNDATION_DOCTOR' | 'RESIDENT' | 'CONSULTANT' | 'ACADEMIC';
export type Gender = 'WOMAN' | 'MAN' | 'NON_BINARY' | 'PREFER_NOT_TO_SAY';
export type EthnicityGroup =
  | 'ASIAN_OR_ASIAN_BRITISH'
  | 'BLACK_BLACK_BRITISH_CARIBBEAN_OR_AFRICAN'
  | 'MIXED_OR_MULTIPLE'
  | 'WHITE'
  | 'OTHER_ETHNIC_GROUP'
  | 'PREFER_NOT_TO_SAY';
export type YesNo = 'YES' | 'NO' | 'PREFER_NOT_TO_SAY';

export interface DemoInstitution {
  name: string;
  kind: 'MEDICAL_SCHOOL' | 'HOSPITAL';
}

export interface DemoDemographics {
  gender: Gender;
  ethnicityGroup: EthnicityGroup;
  disability: YesNo;
  firstGenerationHigherEducation: YesNo;
}

export interface DemoWideningParticipation {
  firstGenerationHigherEducation?: YesNo;
  freeSchoolMeals?: YesNo;
  careExperience?: YesNo;
  minoritisedEthnicGroup?: YesNo;
  disability?: YesNo;
}

export interface DemoPerson {
  /** Stable handle inside the plan, e.g. `student-017`. */
  key: string;
  email: string;
  displayName: string;
  careerStage: CareerStage;
  /** Index into `DemoPlan.institutions`. */
  institution: number;
  specialty: string | null;
  interests: string[];
  /** Students only: 1 to 6. Membership has no field for it; the application's motivation says it. */
  yearOfStudy: number | null;
  /** Answered the voluntary demographic questions (163 students, as in seed 000). */
  demographics: DemoDemographics | null;
  /** Students only: the application's widening-participation answers, if they gave any. */
  wideningParticipation: DemoWideningParticipation | null;
  roles: Array<'LEAD' | 'JUDGE' | 'MENTOR'>;
}

export interface DemoSession {
  theme: string;
  /** Days after the first session (the first is 0). */
  dayOffset: number;
}

export interface DemoPlan {
  institutions: DemoInstitution[];
  people: DemoPerson[];
  /** The masterclass series' places (seed 000: 237 attended). */
  capacity: number;
  sessions: DemoSession[];
  reflectionQuestions: string[];
  /** How many accepted attendees miss the first session (the organisers' register leaves them out). */
  firstSessionAbsences: number;
  /**
   * Share of the accepted attendees at sessions 2 to 7 (invented: seed 000 gives no register per session; a
   * gentle decay with a last-session rise), loaded only where community's test clock lets the demo reach them.
   */
  laterSessionShares: number[];
  /** Anonymous reflections after the series (seed 000: 42 of 237 attendees). */
  reflections: number;
  lotterySeed: string;
  mentorship: DemoMentorship;
  competition: DemoCompetition;
}

/**
 * The research competition for the series' attendees (seed 000: attendees could enter a proposal with students
 * from other schools). Who enters depends on who the lottery accepted, so the plan holds the seeded order in which
 * attendees come forward and `formTeams` pairs them once the attendees are known.
 */
export interface DemoCompetition {
  title: string;
  description: string;
  /** Interests of "Medical education research", so that community lists it. */
  tags: string[];
  criteria: Array<{ name: string; guidance: string; weight: number; scaleMin: number; scaleMax: number }>;
  reviewsPerEntry: number;
  winnersCount: number;
  /** What the competition states it can fund, and the fund's total: integer minor units (pence) of GBP. */
  fundingAvailable: { amountMinor: number; currency: 'GBP' };
  protectedHoursAvailable: number;
  /** How many teams enter (two students each, from different schools). */
  teams: number;
  /** Student keys in the order they come forward; only attendees enter. */
  entrantOrder: string[];
  /** The judges (people with the judge role), added to the competition's pool. */
  judges: string[];
  /** One project per team, in team order. */
  projects: DemoProject[];
}

export interface DemoProject {
  title: string;
  summary: string;
  keywords: string[];
  /** In major units of GBP. */
  requestedFunding: number;
  requestedHours: number;
  /** 0 to 1: how strong the judges find it (their scores scatter around it). */
  strength: number;
}

export interface DemoTeam {
  lead: string;
  partner: string;
  project: DemoProject;
}

/** Who meets whom in mentorship, by plan key: decided here so every run pairs the same people. */
export interface DemoMentorship {
  /** Each student asks their mentor directly; the mentor accepts. */
  pairs: Array<{ mentor: string; mentee: string }>;
  /** Places each mentor offers (their profile's capacity). */
  mentorCapacity: number;
  mastermind: { name: string; facilitator: string; members: string[]; tags: string[] };
  /** A near-peer workshop: a resident coaches `capacity` students; the rest of `students` wait, in this order. */
  workshop: { title: string; coach: string; capacity: number; students: string[] };
}

/** The workshop's places (the service's default and the "coaching workshop of 5") and its waitlist. */
export const DEMO_WORKSHOP_CAPACITY = 5;
const DEMO_WORKSHOP_WAITLIST = 3;

const SCHOOL_PLACES = [
  'Ashcombe',
  'Brackenford',
  'Carrowmore',
  'Dunmere',
  'Eastwold',
  'Fellbrook',
  'Glenharrow',
  'Hallowmere',
  'Ivelton',
  'Kestwick',
  'Larchmont',
  'Merrowdale',
  'Northcliffe',
  'Oakhurst',
  'Penmarren',
  'Queensholm',
  'Ravensworth',
  'Saltmarsh',
  'Thornbury',
  'Upperton',
  'Valebridge',
  'Westerleigh',
  'Yarrowfield',
];
const HOSPITALS = [
  'Northgate General Hospital',
  'St Brigid’s Teaching Hospital',
  'Riverside University Hospital',
];

const FIRST_NAMES = [
  'Aisha',
  'Amara',
  'Anil',
  'Ayesha',
  'Bilal',
  'Chloe',
  'Chinedu',
  'Daniel',
  'Deepa',
  'Eleanor',
  'Emeka',
  'Fatima',
  'Freya',
  'Grace',
  'Hamza',
  'Hannah',
  'Harpreet',
  'Imran',
  'Isla',
  'Jamal',
  'Jia',
  'Kavya',
  'Kwame',
  'Leah',
  'Liam',
  'Maryam',
  'Mei',
  'Mohammed',
  'Nadia',
  'Niamh',
  'Oluwaseun',
  'Priya',
  'Rahul',
  'Rosa',
  'Ruth',
  'Sami',
  'Sofia',
  'Tariq',
  'Thomas',
  'Yusuf',
  'Zara',
  'Zainab',
];
const LAST_NAMES = [
  'Adeyemi',
  'Ahmed',
  'Begum',
  'Brown',
  'Chen',
  'Clarke',
  'Davies',
  'Evans',
  'Farah',
  'Gill',
  'Hughes',
  'Hussain',
  'Iqbal',
  'Jones',
  'Kaur',
  'Khan',
  'Li',
  'Mensah',
  'Morgan',
  'Nguyen',
  'Okafor',
  'Owusu',
  'Patel',
  'Rahman',
  'Roberts',
  'Shah',
  'Singh',
  'Taylor',
  'Thomas',
  'Walker',
  'Williams',
  'Wilson',
  'Wright',
  'Yusuf',
];
const SPECIALTIES = [
  'Paediatrics',
  'General practice',
  'Psychiatry',
  'Emergency medicine',
  'General surgery',
  'Obstetrics',
  'Anaesthetics',
  'Geriatric medicine',
];
export const DEMO_INTERESTS = [
  'medical education',
  'assessment',
  'digital health',
  'diversity and inclusion',
  'professional identity',
  'coaching',
  'simulation',
  'qualitative research',
];

/** Seed 000, Table 2 (n = 163 who answered): women, men, non-binary, prefer not to say. */
const GENDER_COUNTS: Array<[Gender, number]> = [
  ['WOMAN', 114],
  ['MAN', 44],
  ['NON_BINARY', 3],
  ['PREFER_NOT_TO_SAY', 2],
];
/**
 * Seed 000, Table 2 ethnicity percentages (its counts do not add up to 163, the percentages do, so the
 * percentages are used).
 */
const ETHNICITY_PERCENT: Array<[EthnicityGroup, number]> = [
  ['ASIAN_OR_ASIAN_BRITISH', 48.1],
  ['BLACK_BLACK_BRITISH_CARIBBEAN_OR_AFRICAN', 9.7],
  ['MIXED_OR_MULTIPLE', 9.1],
  ['WHITE', 23.1],
  ['OTHER_ETHNIC_GROUP', 7.4],
  ['PREFER_NOT_TO_SAY', 2.4],
];
/** Seed 000, Table 2: years 1 to 6 among the 237 attendees. */
const YEAR_OF_STUDY_COUNTS = [47, 49, 53, 52, 29, 7];

export const DEMO_SHAPE = {
  schools: SCHOOL_PLACES.length,
  hospitals: HOSPITALS.length,
  students: 250,
  demographicsAnswered: 163,
  attendees: 237,
  residents: 24,
  foundationDoctors: 6,
  consultants: 14,
  academics: 10,
} as const;

function email(kind: string, index: number): string {
  return `demo.${kind}.${String(index + 1).padStart(3, '0')}@${DEMO_EMAIL_DOMAIN}`;
}

function yesNo(random: DemoRandom, yesShare: number, undecidedShare = 0.05): YesNo {
  const roll = random.next();
  if (roll < yesShare) return 'YES';
  if (roll < yesShare + undecidedShare) return 'PREFER_NOT_TO_SAY';
  return 'NO';
}

function interestsFor(random: DemoRandom): string[] {
  const count = 1 + random.below(3);
  return random.shuffle(DEMO_INTERESTS).slice(0, count).sort();
}

/** How many of each, at `scale` (1 = the full demo; the system test loads a smaller one of the same shape). */
export function demoShape(scale = 1): { [K in keyof typeof DEMO_SHAPE]: number } {
  const clinicians = (count: number): number => Math.max(3, Math.round(count * scale));
  const students = Math.max(DEMO_SHAPE.schools, Math.round(DEMO_SHAPE.students * scale));
  return {
    schools: DEMO_SHAPE.schools,
    hospitals: DEMO_SHAPE.hospitals,
    students,
    demographicsAnswered: Math.round((students * DEMO_SHAPE.demographicsAnswered) / DEMO_SHAPE.students),
    attendees: Math.round((students * DEMO_SHAPE.attendees) / DEMO_SHAPE.students),
    residents: clinicians(DEMO_SHAPE.residents),
    foundationDoctors: clinicians(DEMO_SHAPE.foundationDoctors),
    consultants: clinicians(DEMO_SHAPE.consultants),
    academics: clinicians(DEMO_SHAPE.academics),
  };
}

export function demoPlan(options: { seed?: string; scale?: number } = {}): DemoPlan {
  const seed = options.seed ?? DEMO_SEED;
  const scale = options.scale ?? 1;
  const shape = demoShape(scale);
  const random = new DemoRandom(seed);
  const institutions: DemoInstitution[] = [
    ...SCHOOL_PLACES.map((place) => ({ name: `${place} Medical School`, kind: 'MEDICAL_SCHOOL' as const })),
    ...HOSPITALS.map((name) => ({ name, kind: 'HOSPITAL' as const })),
  ];
  const schools = SCHOOL_PLACES.length;
  const names = new Set<string>();
  const nameOf = (): string => {
    for (;;) {
      const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
      if (!names.has(name)) {
        names.add(name);
        return name;
      }
    }
  };

  // students: every school has some, bigger schools more (seed 000 drew from 23 schools)
  const schoolWeights = Array.from({ length: schools }, () => 1 + random.below(4));
  const floor = Math.min(4, Math.floor(shape.students / schools));
  const perSchool = apportion(shape.students - floor * schools, schoolWeights).map((count) => count + floor);
  const schoolOfStudent = random.shuffle(expand([...Array(schools).keys()], perSchool));
  const years = random.shuffle(expand([1, 2, 3, 4, 5, 6], apportion(shape.students, YEAR_OF_STUDY_COUNTS)));
  // a published mix applied to this many, in random order
  const mix = <T>(pairs: Array<[T, number]>, total: number): T[] =>
    random.shuffle(
      expand(
        pairs.map(([value]) => value),
        apportion(
          total,
          pairs.map(([, weight]) => weight),
        ),
      ),
    );
  const genders = mix(GENDER_COUNTS, shape.demographicsAnswered);
  const ethnicities = mix(ETHNICITY_PERCENT, shape.demographicsAnswered);
  const answering = new Set(
    random.shuffle([...Array(shape.students).keys()]).slice(0, shape.demographicsAnswered),
  );
  let answered = 0;
  const people: DemoPerson[] = [];
  for (let index = 0; index < shape.students; index += 1) {
    let demographics: DemoDemographics | null = null;
    if (answering.has(index)) {
      demographics = {
        gender: genders[answered],
        ethnicityGroup: ethnicities[answered],
        disability: yesNo(random, 0.09),
        firstGenerationHigherEducation: yesNo(random, 0.26),
      };
      answered += 1;
    }
    // about two in three answer the widening-participation questions on their application
    const wideningParticipation =
      random.next() < 0.66
        ? {
            firstGenerationHigherEducation:
              demographics?.firstGenerationHigherEducation ?? yesNo(random, 0.26),
            freeSchoolMeals: yesNo(random, 0.16),
            careExperience: yesNo(random, 0.02, 0.03),
            minoritisedEthnicGroup:
              demographics === null
                ? yesNo(random, 0.5)
                : demographics.ethnicityGroup === 'PREFER_NOT_TO_SAY'
                  ? ('PREFER_NOT_TO_SAY' as const)
                  : demographics.ethnicityGroup === 'WHITE'
                    ? ('NO' as const)
                    : ('YES' as const),
            disability: demographics?.disability ?? yesNo(random, 0.09),
          }
        : null;
    people.push({
      key: `student-${index + 1}`,
      email: email('student', index),
      displayName: nameOf(),
      careerStage: 'MEDICAL_STUDENT',
      institution: schoolOfStudent[index],
      specialty: null,
      interests: interestsFor(random),
      yearOfStudy: years[index],
      demographics,
      wideningParticipation,
      roles: [],
    });
  }

  const clinicians: Array<[CareerStage, string, number]> = [
    ['RESIDENT', 'resident', shape.residents],
    ['FOUNDATION_DOCTOR', 'foundation', shape.foundationDoctors],
    ['CONSULTANT', 'consultant', shape.consultants],
    ['ACADEMIC', 'academic', shape.academics],
  ];
  for (const [careerStage, kind, count] of clinicians) {
    for (let index = 0; index < count; index += 1) {
      // clinicians work at the hospitals and the schools; academics at schools
      const institution =
        careerStage === 'ACADEMIC' || random.next() < 0.5
          ? random.below(schools)
          : schools + random.below(HOSPITALS.length);
      const roles: DemoPerson['roles'] = [];
      if (careerStage === 'ACADEMIC' && index === 0) roles.push('LEAD');
      if ((careerStage === 'CONSULTANT' || careerStage === 'ACADEMIC') && index < 3) roles.push('JUDGE');
      if (careerStage !== 'FOUNDATION_DOCTOR' && index % 2 === 0) roles.push('MENTOR');
      people.push({
        key: `${kind}-${index + 1}`,
        email: email(kind, index),
        displayName: `${careerStage === 'ACADEMIC' ? 'Dr ' : careerStage === 'CONSULTANT' ? 'Dr ' : ''}${nameOf()}`,
        careerStage,
        institution,
        specialty: careerStage === 'ACADEMIC' ? 'Medical education' : random.pick(SPECIALTIES),
        interests: interestsFor(random),
        yearOfStudy: null,
        demographics: null,
        wideningParticipation: null,
        roles,
      });
    }
  }

  return {
    institutions,
    people,
    capacity: shape.attendees,
    sessions: [
      { theme: 'Starting your journey in medical education', dayOffset: 0 },
      { theme: 'Digital health and education', dayOffset: 2 },
      { theme: 'Diversity and inclusion', dayOffset: 4 },
      { theme: 'Preparation for practice: longitudinal clerkships', dayOffset: 7 },
      { theme: 'Professional identity', dayOffset: 9 },
      { theme: 'Coaching', dayOffset: 11 },
      { theme: 'Recap and reflections', dayOffset: 14 },
    ],
    reflectionQuestions: [
      'How has the series changed how you see medical education and research, and your interest in a career in it?',
      'How could you use what you learnt at your own medical school?',
      'What should medical education make its priorities?',
    ],
    // seed 000 gives no register per session; about 7 % miss the first
    firstSessionAbsences: Math.round(shape.attendees * 0.07),
    laterSessionShares: [0.88, 0.84, 0.8, 0.77, 0.74, 0.78],
    reflections: Math.round((shape.attendees * 42) / DEMO_SHAPE.attendees),
    lotterySeed: seed,
    mentorship: planMentorship(people, new DemoRandom(`${seed}:mentorship`), scale),
    competition: planCompetition(people, new DemoRandom(`${seed}:competition`), scale),
  };
}

/** Invented projects of the kind seed 000's attendees proposed: small, local, about teaching and fairness. */
const PROJECTS: Array<{ title: string; keywords: string[] }> = [
  {
    title: 'Near-peer teaching of clinical skills across two schools',
    keywords: ['peer teaching', 'simulation'],
  },
  {
    title: 'Who gets feedback? Feedback on placement by background',
    keywords: ['feedback', 'diversity and inclusion'],
  },
  {
    title: 'First-generation students and the hidden curriculum',
    keywords: ['widening participation', 'qualitative research'],
  },
  {
    title: 'Longitudinal clerkships and readiness for foundation posts',
    keywords: ['preparation for practice'],
  },
  {
    title: 'Telemedicine consultations in undergraduate teaching',
    keywords: ['digital health', 'communication'],
  },
  { title: 'Fairness of OSCE marking between examiners', keywords: ['assessment', 'fairness'] },
  {
    title: 'Professional identity in the first clinical year',
    keywords: ['professional identity', 'qualitative research'],
  },
  {
    title: 'Coaching conversations for students who fail a progress test',
    keywords: ['coaching', 'assessment'],
  },
  {
    title: 'Inclusive case scenarios in problem-based learning',
    keywords: ['diversity and inclusion', 'curriculum'],
  },
  {
    title: 'Students as co-researchers in education projects',
    keywords: ['medical education', 'research skills'],
  },
  {
    title: 'Simulation for breaking bad news: a two-site comparison',
    keywords: ['simulation', 'communication'],
  },
  {
    title: 'Digital exclusion among students on rural placements',
    keywords: ['digital health', 'widening participation'],
  },
];

/**
 * A competition tagged with the interests of "Medical education research", a rubric of three criteria, two
 * reviews per entry and two winners; about one team per twenty attendees, each pairing students of two schools.
 */
function planCompetition(people: DemoPerson[], random: DemoRandom, scale: number): DemoCompetition {
  const teams = Math.min(PROJECTS.length, Math.max(3, Math.round(12 * scale)));
  const projects = random
    .shuffle(PROJECTS)
    .slice(0, teams)
    .map((project, index) => ({
      ...project,
      summary: `A one-year study by students of two medical schools: ${project.title.toLowerCase()}.`,
      requestedFunding: 1000 + 250 * random.below(9),
      requestedHours: 20 + 10 * random.below(4),
      // spread so the ranking is clear, in a seeded order
      strength: 0.35 + (0.6 * (teams - 1 - index)) / Math.max(1, teams - 1),
    }));
  return {
    title: 'Student research competition in medical education',
    description:
      'For attendees of the masterclass series: propose a small research project with a student from another ' +
      'medical school. Two winning teams receive funding, protected research time and a supervisor.',
    tags: ['medical education', 'assessment'],
    criteria: [
      {
        name: 'Question and rationale',
        guidance: 'Clear, important, answerable',
        weight: 0.4,
        scaleMin: 1,
        scaleMax: 5,
      },
      {
        name: 'Methods',
        guidance: 'Feasible and suited to the question',
        weight: 0.4,
        scaleMin: 1,
        scaleMax: 5,
      },
      {
        name: 'Inter-institutional collaboration',
        guidance: 'Both schools contribute',
        weight: 0.2,
        scaleMin: 1,
        scaleMax: 5,
      },
    ],
    reviewsPerEntry: 2,
    winnersCount: 2,
    fundingAvailable: { amountMinor: 1_000_000, currency: 'GBP' },
    protectedHoursAvailable: 200,
    teams,
    entrantOrder: random.shuffle(
      people.filter((person) => person.careerStage === 'MEDICAL_STUDENT').map((person) => person.key),
    ),
    judges: people.filter((person) => person.roles.includes('JUDGE')).map((person) => person.key),
    projects: random.shuffle(projects),
  };
}

/**
 * The teams, once the attendees are known: down the plan's order, each attendee not yet on a team leads one with
 * the next attendee from another school, until `competition.teams` teams are formed (fewer if attendees run out).
 */
export function formTeams(
  competition: DemoCompetition,
  people: readonly DemoPerson[],
  attendees: ReadonlySet<string>,
): DemoTeam[] {
  const schoolOf = new Map(people.map((person) => [person.key, person.institution]));
  const waiting = competition.entrantOrder.filter((key) => attendees.has(key));
  const teams: DemoTeam[] = [];
  while (teams.length < competition.teams && waiting.length > 1) {
    const lead = waiting.shift() as string;
    const at = waiting.findIndex((key) => schoolOf.get(key) !== schoolOf.get(lead));
    if (at < 0) break;
    const [partner] = waiting.splice(at, 1);
    teams.push({ lead, partner, project: competition.projects[teams.length] });
  }
  return teams;
}

/**
 * Mentoring pairs (about one student in ten, each with a mentor-role clinician, round robin), a Mastermind group
 * facilitated by the community's second moderator and tagged with that community's interests, and a coaching
 * workshop of 5 run by a resident without the mentor role, with 3 more students on its waitlist. The students in
 * each are different people, drawn in a seeded order.
 */
function planMentorship(people: DemoPerson[], random: DemoRandom, scale: number): DemoMentorship {
  const students = random.shuffle(
    people.filter((person) => person.careerStage === 'MEDICAL_STUDENT').map((person) => person.key),
  );
  const mentors = people.filter((person) => person.roles.includes('MENTOR')).map((person) => person.key);
  const pairCount = Math.max(3, Math.round(24 * scale));
  const pairs = students
    .slice(0, pairCount)
    .map((mentee, index) => ({ mentor: mentors[index % mentors.length], mentee }));
  const groupStudents = students.slice(pairCount, pairCount + 3);
  const workshopStudents = students.slice(
    pairCount + 3,
    pairCount + 3 + DEMO_WORKSHOP_CAPACITY + DEMO_WORKSHOP_WAITLIST,
  );
  return {
    pairs,
    mentorCapacity: Math.max(3, Math.ceil(pairCount / mentors.length)),
    mastermind: {
      name: 'Educators in training',
      facilitator: 'academic-2',
      members: ['consultant-1', 'resident-1', ...groupStudents],
      tags: ['medical education', 'professional identity'],
    },
    workshop: {
      title: 'From student to foundation doctor: applications and first posts',
      coach: 'resident-2',
      capacity: DEMO_WORKSHOP_CAPACITY,
      students: workshopStudents,
    },
  };
}

/** The widening-participation flag selection sees: any YES. */
export function hasPriority(answers: DemoWideningParticipation | null): boolean {
  return answers !== null && Object.values(answers).includes('YES');
}
