import { DEMO_SHAPE, demoPlan, formTeams, hasPriority } from './plan';
import { apportion } from './random';

describe('demo plan', () => {
  const plan = demoPlan();
  const students = plan.people.filter((person) => person.careerStage === 'MEDICAL_STUDENT');
  const answered = students.filter((person) => person.demographics !== null);
  const count = <T>(values: T[]): Map<T, number> => {
    const counts = new Map<T, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return counts;
  };

  it('is the same on every run', () => {
    expect(demoPlan()).toEqual(plan);
    expect(demoPlan({ seed: 'another seed' }).people.map((person) => person.displayName)).not.toEqual(
      plan.people.map((person) => person.displayName),
    );
  });

  it('has 23 medical schools, each with students, and a few hospitals', () => {
    expect(plan.institutions.filter((institution) => institution.kind === 'MEDICAL_SCHOOL')).toHaveLength(23);
    expect(plan.institutions.filter((institution) => institution.kind === 'HOSPITAL')).toHaveLength(3);
    const schools = new Set(students.map((person) => person.institution));
    expect(schools.size).toBe(23);
    expect(students.every((person) => plan.institutions[person.institution].kind === 'MEDICAL_SCHOOL')).toBe(
      true,
    );
  });

  it('follows seed 000: 163 of about 250 students answer, with its gender and ethnicity mix and year mix', () => {
    expect(students).toHaveLength(DEMO_SHAPE.students);
    expect(answered).toHaveLength(163);
    expect(Object.fromEntries(count(answered.map((person) => person.demographics?.gender)))).toEqual({
      WOMAN: 114,
      MAN: 44,
      NON_BINARY: 3,
      PREFER_NOT_TO_SAY: 2,
    });
    expect(Object.fromEntries(count(answered.map((person) => person.demographics?.ethnicityGroup)))).toEqual({
      ASIAN_OR_ASIAN_BRITISH: 78,
      BLACK_BLACK_BRITISH_CARIBBEAN_OR_AFRICAN: 16,
      MIXED_OR_MULTIPLE: 15,
      WHITE: 38,
      OTHER_ETHNIC_GROUP: 12,
      PREFER_NOT_TO_SAY: 4,
    });
    const years = count(students.map((person) => person.yearOfStudy));
    expect([1, 2, 3, 4, 5, 6].map((year) => years.get(year))).toEqual(
      apportion(250, [47, 49, 53, 52, 29, 7]),
    );
  });

  it('has more applicants than places, some with a widening-participation flag, and unique accounts', () => {
    expect(plan.capacity).toBe(237);
    expect(students.length).toBeGreaterThan(plan.capacity);
    const flagged = students.filter((person) => hasPriority(person.wideningParticipation)).length;
    expect(flagged).toBeGreaterThan(50);
    expect(flagged).toBeLessThan(students.length);
    expect(new Set(plan.people.map((person) => person.email)).size).toBe(plan.people.length);
    expect(new Set(plan.people.map((person) => person.displayName)).size).toBe(plan.people.length);
  });

  it('follows seed 000 after the series: 42 reflections, seven registers that fall away gently', () => {
    expect(plan.reflections).toBe(42);
    expect(plan.sessions).toHaveLength(1 + plan.laterSessionShares.length);
    const firstShare = 1 - plan.firstSessionAbsences / plan.capacity;
    for (const share of plan.laterSessionShares) {
      expect(share).toBeLessThan(firstShare);
      expect(share).toBeGreaterThan(0.7);
    }
    expect(demoPlan({ scale: 0.16 }).reflections).toBe(7);
  });

  it('has a lead, judges, mentors and the other career stages', () => {
    const roles = plan.people.flatMap((person) => person.roles);
    expect(roles.filter((role) => role === 'LEAD')).toHaveLength(1);
    expect(roles.filter((role) => role === 'JUDGE').length).toBeGreaterThanOrEqual(3);
    expect(roles.filter((role) => role === 'MENTOR').length).toBeGreaterThanOrEqual(10);
    expect(Object.fromEntries(count(plan.people.map((person) => person.careerStage)))).toMatchObject({
      RESIDENT: DEMO_SHAPE.residents,
      CONSULTANT: DEMO_SHAPE.consultants,
      ACADEMIC: DEMO_SHAPE.academics,
    });
    expect(plan.sessions).toHaveLength(7);
    expect(plan.reflectionQuestions).toHaveLength(3);
  });

  it("forms the competition's teams from attendees only, two schools per team, nobody twice", () => {
    const { competition } = plan;
    expect(competition.teams).toBe(12);
    expect(competition.winnersCount).toBe(2);
    expect(competition.judges.length).toBeGreaterThanOrEqual(competition.reviewsPerEntry);
    const schoolOf = new Map(plan.people.map((person) => [person.key, person.institution]));
    // every other student attended
    const attendees = new Set(students.filter((_, index) => index % 2 === 0).map((person) => person.key));
    const teams = formTeams(competition, plan.people, attendees);
    expect(teams).toHaveLength(12);
    const entrants = teams.flatMap((team) => [team.lead, team.partner]);
    expect(new Set(entrants).size).toBe(entrants.length);
    expect(entrants.every((key) => attendees.has(key))).toBe(true);
    expect(teams.every((team) => schoolOf.get(team.lead) !== schoolOf.get(team.partner))).toBe(true);
    expect(new Set(teams.map((team) => team.project.title)).size).toBe(12);
    // the same teams on every run; fewer when attendees run out
    expect(formTeams(competition, plan.people, attendees)).toEqual(teams);
    expect(formTeams(competition, plan.people, new Set(entrants.slice(0, 3)))).toHaveLength(1);
    const small = demoPlan({ scale: 0.16 });
    expect(small.competition.teams).toBe(3);
  });
});

describe('a smaller demo of the same shape', () => {
  it('scales students, answers and places together and keeps every school and role', () => {
    const small = demoPlan({ scale: 0.16 });
    const students = small.people.filter((person) => person.careerStage === 'MEDICAL_STUDENT');
    expect(students).toHaveLength(40);
    expect(students.filter((person) => person.demographics !== null)).toHaveLength(26);
    expect(small.capacity).toBe(38);
    expect(new Set(students.map((person) => person.institution)).size).toBe(23);
    expect(small.people.flatMap((person) => person.roles)).toEqual(
      expect.arrayContaining(['LEAD', 'JUDGE', 'MENTOR']),
    );
    expect(small.people.map((person) => person.key)).toEqual(
      expect.arrayContaining(['academic-1', 'academic-2', 'consultant-2']),
    );
  });
});

describe('apportion', () => {
  it('splits a total by weights with whole numbers that add up', () => {
    expect(apportion(163, [48.1, 9.7, 9.1, 23.1, 7.4, 2.4])).toEqual([78, 16, 15, 38, 12, 4]);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });

  it('plans mentoring pairs, a Mastermind group and a workshop of 5 with a waitlist, each with different students', () => {
    const small = demoPlan({ scale: 0.16 });
    const { mentorship } = small;
    const stageOf = (key: string): string | undefined =>
      small.people.find((person) => person.key === key)?.careerStage;
    const rolesOf = (key: string): string[] => small.people.find((person) => person.key === key)?.roles ?? [];
    expect(mentorship.pairs).toHaveLength(4);
    expect(mentorship.pairs.every(({ mentor }) => rolesOf(mentor).includes('MENTOR'))).toBe(true);
    expect(mentorship.pairs.every(({ mentee }) => stageOf(mentee) === 'MEDICAL_STUDENT')).toBe(true);
    const group = [mentorship.mastermind.facilitator, ...mentorship.mastermind.members];
    expect(group.length).toBeGreaterThanOrEqual(4);
    expect(group.length).toBeLessThanOrEqual(10);
    expect(mentorship.workshop.capacity).toBe(5);
    expect(mentorship.workshop.students).toHaveLength(8);
    expect(['RESIDENT', 'FOUNDATION_DOCTOR']).toContain(stageOf(mentorship.workshop.coach));
    const students = [
      ...mentorship.pairs.map(({ mentee }) => mentee),
      ...mentorship.mastermind.members.filter((key) => stageOf(key) === 'MEDICAL_STUDENT'),
      ...mentorship.workshop.students,
    ];
    expect(new Set(students).size).toBe(students.length);
    expect(demoPlan().mentorship.pairs).toHaveLength(24);
  });
});
