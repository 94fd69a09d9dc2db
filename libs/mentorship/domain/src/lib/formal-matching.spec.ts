import { generateMatchingInstance, seededRandom } from '../testing/matching-fixtures';
import { solveCapacitatedAssignment, verifyAssignmentCertificate } from './capacitated-assignment';
import { runFormalMatching, type ExistingRelationship, type FormalMatchingResult } from './formal-matching';
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights } from './match-weights';
import {
  hardConstraintViolations,
  scoreMatch,
  type MenteeMatchProfile,
  type MentorMatchProfile,
} from './match-score';
import { MentorshipErrorCode } from './mentorship.exception';
import { runReferenceMatching } from './reference-matching';

/** Score = number of the mentee's interests the mentor lists as expertise; makes hand-checking trivial. */
const EXPERTISE_ONLY: MatchWeights = {
  sharedExpertise: 1,
  sharedInterest: 0,
  maxSharedTerms: 10,
  sameSpecialty: 0,
  stageGap: 0,
  preferredStage: 0,
  remainingCapacity: 0,
  otherInstitution: 0,
};

const mentee = (
  memberId: string,
  interests: string[],
  overrides: Partial<MenteeMatchProfile> = {},
): MenteeMatchProfile => ({
  memberId,
  careerStage: 'MEDICAL_STUDENT',
  institutionId: null,
  specialty: null,
  interests,
  goals: [],
  preferredMentorStages: [],
  ...overrides,
});

const mentor = (
  memberId: string,
  expertise: string[],
  overrides: Partial<MentorMatchProfile> = {},
): MentorMatchProfile => ({
  memberId,
  careerStage: 'CONSULTANT',
  institutionId: null,
  specialty: null,
  expertise,
  interests: [],
  menteeStages: [],
  capacity: 1,
  activeMentees: 0,
  paused: false,
  acceptsDirectRequests: true,
  formats: ['ONE_TO_ONE'],
  ...overrides,
});

const pairs = (result: FormalMatchingResult): string[] =>
  result.assignments.map((a) => `${a.menteeId}->${a.mentorId}:${a.score}`);

describe('runFormalMatching', () => {
  it('finds the best total where taking the best pair first would not', () => {
    const mentees = [mentee('A', ['a', 'b', 'c'], { careerStage: 'RESIDENT' }), mentee('B', ['a', 'b'])];
    const mentors = [mentor('X', ['a', 'b', 'c']), mentor('Y', ['b', 'c'], { menteeStages: ['RESIDENT'] })];
    // A-X 3, A-Y 2, B-X 2, B-Y forbidden by stage. Greedy takes A-X (3) and strands B; A-Y + B-X is 4.
    const result = runFormalMatching(mentees, mentors, EXPERTISE_ONLY);
    expect(pairs(result)).toEqual(['A->Y:2', 'B->X:2']);
    expect(result.totalScore).toBe(4);
    expect(result.unmatched).toEqual([]);
  });

  it('among assignments with the same best total, makes the most pairs', () => {
    const mentees = [mentee('A', ['a', 'b']), mentee('B', ['z'], { careerStage: 'FOUNDATION_DOCTOR' })];
    const mentors = [mentor('X', ['a', 'b'], { menteeStages: ['MEDICAL_STUDENT'] }), mentor('Y', ['a', 'b'])];
    // A scores 2 with either mentor; B scores 0 and may only have Y. Total 2 either way; A-X + B-Y pairs both.
    const result = runFormalMatching(mentees, mentors, EXPERTISE_ONLY);
    expect(pairs(result)).toEqual(['A->X:2', 'B->Y:0']);
    expect(result.matchedCount).toBe(2);
  });

  it('fills only free places and displaces the weakest claim when a mentor is contested', () => {
    const mentees = [mentee('A', ['a']), mentee('B', ['a', 'b', 'c']), mentee('C', ['a', 'b'])];
    const mentors = [mentor('X', ['a', 'b', 'c'], { capacity: 3, activeMentees: 1 })];
    const result = runFormalMatching(mentees, mentors, EXPERTISE_ONLY);
    expect(pairs(result)).toEqual(['B->X:3', 'C->X:2']);
    expect(result.unmatched).toEqual([
      {
        menteeId: 'A',
        reason: 'ELIGIBLE_MENTORS_FULL',
        detail: '1 eligible mentor(s); their places went to pairings that score more in total',
        blockedBy: {},
      },
    ]);
  });

  it('explains every unmatched mentee: no eligible mentor (with what blocked them), below the minimum, or full', () => {
    const mentees = [
      mentee('A', ['a', 'b'], { careerStage: 'CONSULTANT' }),
      mentee('B', ['c']),
      mentee('C', ['a', 'b']),
      mentee('D', ['a']),
    ];
    const mentors = [
      mentor('X', ['a', 'b'], { menteeStages: ['MEDICAL_STUDENT'] }),
      mentor('Y', ['a', 'b'], { paused: true, menteeStages: ['MEDICAL_STUDENT'] }),
    ];
    const result = runFormalMatching(mentees, mentors, EXPERTISE_ONLY, { minScore: 1 });
    expect(pairs(result)).toEqual(['C->X:2']);
    expect(result.unmatched.map((u) => [u.menteeId, u.reason, u.blockedBy])).toEqual([
      ['A', 'NO_ELIGIBLE_MENTOR', { NOT_ELIGIBLE_STAGE: 2, MENTOR_PAUSED: 1 }],
      ['B', 'BELOW_MIN_SCORE', {}],
      ['D', 'ELIGIBLE_MENTORS_FULL', {}],
    ]);
  });

  it('counts what blocked each mentee without an eligible mentor exactly as hardConstraintViolations does', () => {
    const { mentees, mentors, existingRelationships } = generateMatchingInstance(21, {
      mentees: 200,
      mentors: 12,
    });
    const strict = mentors.map((r, j) => ({
      ...r,
      menteeStages: j % 3 === 0 ? [] : ['MEDICAL_STUDENT' as const],
      paused: r.paused || j % 3 === 0,
    }));
    const result = runFormalMatching(mentees, strict, DEFAULT_MATCH_WEIGHTS, { existingRelationships });
    const stranded = result.unmatched.filter((u) => u.reason === 'NO_ELIGIBLE_MENTOR');
    expect(stranded.length).toBeGreaterThan(20);
    for (const u of stranded) {
      const e = mentees.find((x) => x.memberId === u.menteeId) as MenteeMatchProfile;
      const existingMentorIds = existingRelationships
        .filter((x) => x.menteeId === e.memberId)
        .map((x) => x.mentorId);
      const expected: Record<string, number> = {};
      for (const r of strict) {
        for (const v of hardConstraintViolations(e, r, { existingMentorIds }))
          expected[v.code] = (expected[v.code] ?? 0) + 1;
      }
      expect(u.blockedBy).toEqual(expected);
    }
  });

  it('never re-pairs a mentee with a current mentor or with themself', () => {
    const mentees = [mentee('A', ['a']), mentee('X', ['a'], { careerStage: 'RESIDENT' })];
    const mentors = [mentor('X', ['a'], { capacity: 2 }), mentor('Y', ['b'], { capacity: 2 })];
    const existing: ExistingRelationship[] = [{ menteeId: 'A', mentorId: 'X' }];
    const result = runFormalMatching(mentees, mentors, EXPERTISE_ONLY, { existingRelationships: existing });
    expect(pairs(result)).toEqual(['A->Y:0', 'X->Y:0']);
  });

  it('gives the same result whatever order the cohort arrives in', () => {
    const { mentees, mentors, existingRelationships } = generateMatchingInstance(5, {
      mentees: 150,
      mentors: 30,
    });
    const options = { existingRelationships };
    const first = runFormalMatching(mentees, mentors, DEFAULT_MATCH_WEIGHTS, options);
    const random = seededRandom(99);
    const shuffle = <T>(items: readonly T[]): T[] =>
      items
        .map((item) => [random(), item] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([, item]) => item);
    const second = runFormalMatching(shuffle(mentees), shuffle(mentors), DEFAULT_MATCH_WEIGHTS, options);
    expect(second).toEqual(first);
  });

  it('rejects duplicate ids, bad capacities and a bad minimum score, naming the fields', () => {
    const call = (): FormalMatchingResult =>
      runFormalMatching(
        [mentee('A', []), mentee('A', [])],
        [mentor('X', [], { capacity: -1 })],
        EXPERTISE_ONLY,
        {
          minScore: 1.5,
        },
      );
    expect(call).toThrow(expect.objectContaining({ code: MentorshipErrorCode.INVALID_INPUT }));
    try {
      call();
    } catch (error) {
      const fields = (error as { details: { errors: { field: string }[] } }).details.errors.map(
        (e) => e.field,
      );
      expect(fields).toEqual(['minScore', 'mentees[1].memberId', 'mentors[0].capacity']);
    }
  });
});

/** Exhaustive search over every assignment: the ground truth for tiny cohorts. */
function bruteForce(
  mentees: readonly MenteeMatchProfile[],
  mentors: readonly MentorMatchProfile[],
  weights: MatchWeights,
  existing: readonly ExistingRelationship[],
): { totalScore: number; matchedCount: number } {
  const options = mentees.map((e) =>
    mentors.flatMap((r, j) => {
      const existingMentorIds = existing.filter((x) => x.menteeId === e.memberId).map((x) => x.mentorId);
      return hardConstraintViolations(e, r, { existingMentorIds }).length > 0
        ? []
        : [{ j, score: scoreMatch(e, r, weights).score }];
    }),
  );
  const places = mentors.map((r) => (r.paused ? 0 : Math.max(0, r.capacity - r.activeMentees)));
  let best = { totalScore: -1, matchedCount: -1 };
  const visit = (i: number, total: number, matched: number): void => {
    if (i === mentees.length) {
      if (total > best.totalScore || (total === best.totalScore && matched > best.matchedCount)) {
        best = { totalScore: total, matchedCount: matched };
      }
      return;
    }
    visit(i + 1, total, matched);
    for (const { j, score } of options[i]) {
      if (places[j] === 0) continue;
      places[j] -= 1;
      visit(i + 1, total + score, matched + 1);
      places[j] += 1;
    }
  };
  visit(0, 0, 0);
  return best;
}

/** Highest-scoring pair first: only here to show the random cohorts are hard enough to fool it. */
function greedyTotal(
  mentees: readonly MenteeMatchProfile[],
  mentors: readonly MentorMatchProfile[],
  weights: MatchWeights,
): number {
  const candidates = mentees.flatMap((e) =>
    mentors.flatMap((r) =>
      hardConstraintViolations(e, r, { existingMentorIds: [] }).length > 0
        ? []
        : [{ e: e.memberId, r, score: scoreMatch(e, r, weights).score }],
    ),
  );
  candidates.sort((a, b) => b.score - a.score);
  const used = new Map<string, number>();
  const taken = new Set<string>();
  let total = 0;
  for (const { e, r, score } of candidates) {
    const places = r.capacity - r.activeMentees;
    if (taken.has(e) || (used.get(r.memberId) ?? 0) >= places) continue;
    taken.add(e);
    used.set(r.memberId, (used.get(r.memberId) ?? 0) + 1);
    total += score;
  }
  return total;
}

describe('exactness', () => {
  it('matches exhaustive search on 60 tiny random cohorts (and greedy does not always)', () => {
    let greedyMisses = 0;
    for (let seed = 1; seed <= 60; seed += 1) {
      const { mentees, mentors } = generateMatchingInstance(seed, { mentees: 7, mentors: 3, maxCapacity: 2 });
      const truth = bruteForce(mentees, mentors, DEFAULT_MATCH_WEIGHTS, []);
      const fast = runFormalMatching(mentees, mentors, DEFAULT_MATCH_WEIGHTS, { certify: true });
      const reference = runReferenceMatching(mentees, mentors, DEFAULT_MATCH_WEIGHTS);
      expect([seed, fast.totalScore, fast.matchedCount]).toEqual([
        seed,
        truth.totalScore,
        truth.matchedCount,
      ]);
      expect([seed, reference.totalScore, reference.matchedCount]).toEqual([
        seed,
        truth.totalScore,
        truth.matchedCount,
      ]);
      if (greedyTotal(mentees, mentors, DEFAULT_MATCH_WEIGHTS) < truth.totalScore) greedyMisses += 1;
    }
    expect(greedyMisses).toBeGreaterThan(0);
  });

  it.each([3, 8])('agrees with the reference min-cost flow on a 300 x 60 cohort (seed %i)', (seed) => {
    const { mentees, mentors, existingRelationships } = generateMatchingInstance(seed, {
      mentees: 300,
      mentors: 60,
    });
    const options = { existingRelationships, minScore: 10 };
    const fast = runFormalMatching(mentees, mentors, DEFAULT_MATCH_WEIGHTS, { ...options, certify: true });
    const reference = runReferenceMatching(mentees, mentors, DEFAULT_MATCH_WEIGHTS, options);
    expect(fast.certified).toBe(true);
    expect(fast.totalScore).toBe(reference.totalScore);
    expect(fast.matchedCount).toBe(reference.matchedCount);
    // Capacity and constraints hold in the fast result, checked from the profiles.
    const load = new Map<string, number>();
    for (const a of fast.assignments) load.set(a.mentorId, (load.get(a.mentorId) ?? 0) + 1);
    for (const r of mentors)
      expect(load.get(r.memberId) ?? 0).toBeLessThanOrEqual(
        r.paused ? 0 : Math.max(0, r.capacity - r.activeMentees),
      );
    const byId = new Map(mentors.map((r) => [r.memberId, r]));
    const menteeById = new Map(mentees.map((e) => [e.memberId, e]));
    for (const a of fast.assignments) {
      const e = menteeById.get(a.menteeId) as MenteeMatchProfile;
      const r = byId.get(a.mentorId) as MentorMatchProfile;
      const existingMentorIds = existingRelationships
        .filter((x) => x.menteeId === e.memberId)
        .map((x) => x.mentorId);
      expect(hardConstraintViolations(e, r, { existingMentorIds })).toEqual([]);
      expect(scoreMatch(e, r, DEFAULT_MATCH_WEIGHTS).score).toBe(a.score);
    }
    expect(fast.matchedCount + fast.unmatched.length).toBe(mentees.length);
  });
});

describe('solveCapacitatedAssignment', () => {
  const problem = (profit: number[][], capacity: number[]) => ({
    rows: profit.length,
    columns: capacity.length,
    profit: Float64Array.from(profit.flat()),
    capacity: Int32Array.from(capacity),
  });

  it('re-routes an earlier row when a later one needs its column', () => {
    const p = problem(
      [
        [10, 9],
        [8, -Infinity],
      ],
      [1, 1],
    );
    const solution = solveCapacitatedAssignment(p);
    expect([...solution.columnOf]).toEqual([1, 0]);
    expect(verifyAssignmentCertificate(p, solution)).toEqual({ ok: true });
  });

  it('drops the weakest row out of a full column', () => {
    const p = problem([[5], [7], [6]], [2]);
    const solution = solveCapacitatedAssignment(p);
    expect([...solution.columnOf]).toEqual([-1, 0, 0]);
    // The price equals the displaced row's profit: the least a newcomer must bring to win a place.
    expect([...solution.prices]).toEqual([5]);
  });

  it('gives the same optimum with cached and on-the-fly move costs', () => {
    const random = seededRandom(17);
    const rows = 200;
    const columns = 30;
    const profit = Float64Array.from({ length: rows * columns }, () =>
      random() < 0.3 ? -Infinity : 1 + Math.floor(random() * 50),
    );
    const capacity = Int32Array.from({ length: columns }, () => 1 + Math.floor(random() * 5));
    const p = { rows, columns, profit, capacity };
    const total = (columnOf: Int32Array): number =>
      columnOf.reduce((sum, column, row) => (column >= 0 ? sum + profit[row * columns + column] : sum), 0);
    const cached = solveCapacitatedAssignment(p);
    const onTheFly = solveCapacitatedAssignment(p, 0);
    expect(verifyAssignmentCertificate(p, cached)).toEqual({ ok: true });
    expect(verifyAssignmentCertificate(p, onTheFly)).toEqual({ ok: true });
    expect(total(onTheFly.columnOf)).toBe(total(cached.columnOf));
    expect(total(cached.columnOf)).toBeGreaterThan(0);
  });

  it('certificate rejects a feasible but suboptimal assignment', () => {
    const p = problem(
      [
        [10, 9],
        [8, -Infinity],
      ],
      [1, 1],
    );
    const greedy = { columnOf: Int32Array.from([0, -1]), prices: Float64Array.from([0, 0]) };
    expect(verifyAssignmentCertificate(p, greedy).ok).toBe(false);
  });
});
