import { generateMatchingInstance } from '../testing/matching-fixtures';
import { stageGap } from './career-seniority';
import { DEFAULT_MATCH_WEIGHTS, validateMatchWeights, type MatchWeights } from './match-weights';
import {
  hardConstraintViolations,
  scoreMatch,
  suggestMentors,
  type MenteeMatchProfile,
  type MentorMatchProfile,
} from './match-score';
import { BELOW_MIN_SCORE_PAIR, compileMatchingProblem, FORBIDDEN_PAIR } from './matching-problem';
import { MentorshipDomainError, MentorshipErrorCode } from './mentorship.exception';

const mentee: MenteeMatchProfile = {
  memberId: 'mentee-1',
  careerStage: 'MEDICAL_STUDENT',
  institutionId: 'inst-a',
  specialty: 'Paediatrics',
  interests: ['Simulation', 'assessment', ' Wellbeing'],
  goals: ['publishing', 'simulation'],
  preferredMentorStages: ['RESIDENT'],
  preferOtherInstitution: true,
};

const mentor: MentorMatchProfile = {
  memberId: 'mentor-1',
  careerStage: 'RESIDENT',
  institutionId: 'inst-b',
  specialty: 'paediatrics ',
  expertise: ['simulation', 'Publishing'],
  interests: ['wellbeing', 'assessment', 'simulation'],
  menteeStages: [],
  capacity: 4,
  activeMentees: 1,
  paused: false,
  acceptsDirectRequests: true,
  formats: ['ONE_TO_ONE'],
};

const points = (result: ReturnType<typeof scoreMatch>): Record<string, number> => {
  const byKind: Record<string, number> = {};
  for (const reason of result.reasons) byKind[reason.kind] = (byKind[reason.kind] ?? 0) + reason.points;
  return byKind;
};

describe('scoreMatch', () => {
  it('adds up every component with the default weights', () => {
    const result = scoreMatch(mentee, mentor, DEFAULT_MATCH_WEIGHTS);
    // terms simulation, publishing (expertise 2 x 8) + assessment, wellbeing (interest 2 x 4); same specialty 10;
    // student -> resident is 2 stages, sweet spot 12; preferred stage 6; 3 of 4 places free floor(4*3/4) = 3;
    // other institution 5.
    expect(points(result)).toEqual({
      SHARED_EXPERTISE: 16,
      SHARED_INTEREST: 8,
      SAME_SPECIALTY: 10,
      STAGE_GAP: 12,
      PREFERRED_STAGE: 6,
      REMAINING_CAPACITY: 3,
      OTHER_INSTITUTION: 5,
    });
    expect(result.score).toBe(60);
    expect(result.reasons[0]).toEqual({
      kind: 'SHARED_EXPERTISE',
      detail: 'mentor has expertise in "simulation"',
      points: 8,
    });
  });

  it('names career stages in words, never by their code, in the stage reasons', () => {
    const details = scoreMatch(mentee, mentor, DEFAULT_MATCH_WEIGHTS)
      .reasons.filter((reason) => reason.kind === 'STAGE_GAP' || reason.kind === 'PREFERRED_STAGE')
      .map((reason) => reason.detail);
    expect(details).toEqual([
      'resident mentor for medical student mentee: in the sweet spot (2 stages)',
      'mentee prefers resident mentors',
    ]);
  });

  it('counts expertise matches first when the shared-term cap bites, then interests in the mentee order', () => {
    const result = scoreMatch(mentee, mentor, { ...DEFAULT_MATCH_WEIGHTS, maxSharedTerms: 3 });
    const terms = result.reasons.filter((r) => r.kind === 'SHARED_EXPERTISE' || r.kind === 'SHARED_INTEREST');
    expect(terms.map((r) => r.detail)).toEqual([
      'mentor has expertise in "simulation"',
      'mentor has expertise in "publishing"',
      'shared interest in "assessment"',
    ]);
    expect(result.score).toBe(56);
  });

  it('gives no institution points unless the mentee asked, and none when an institution is unknown', () => {
    expect(
      points(scoreMatch({ ...mentee, preferOtherInstitution: false }, mentor, DEFAULT_MATCH_WEIGHTS))
        .OTHER_INSTITUTION,
    ).toBeUndefined();
    expect(
      points(scoreMatch(mentee, { ...mentor, institutionId: null }, DEFAULT_MATCH_WEIGHTS)).OTHER_INSTITUTION,
    ).toBeUndefined();
    expect(
      points(scoreMatch(mentee, { ...mentor, institutionId: 'inst-a' }, DEFAULT_MATCH_WEIGHTS))
        .OTHER_INSTITUTION,
    ).toBeUndefined();
  });

  it('scales remaining-capacity points by the free share and rounds down', () => {
    expect(
      points(scoreMatch(mentee, { ...mentor, capacity: 3, activeMentees: 0 }, DEFAULT_MATCH_WEIGHTS))
        .REMAINING_CAPACITY,
    ).toBe(4);
    expect(
      points(scoreMatch(mentee, { ...mentor, capacity: 3, activeMentees: 1 }, DEFAULT_MATCH_WEIGHTS))
        .REMAINING_CAPACITY,
    ).toBe(2);
    expect(
      points(scoreMatch(mentee, { ...mentor, capacity: 3, activeMentees: 2 }, DEFAULT_MATCH_WEIGHTS))
        .REMAINING_CAPACITY,
    ).toBe(1);
    expect(
      points(scoreMatch(mentee, { ...mentor, capacity: 3, activeMentees: 3 }, DEFAULT_MATCH_WEIGHTS))
        .REMAINING_CAPACITY,
    ).toBeUndefined();
  });

  it.each([
    ['MEDICAL_STUDENT', 'FOUNDATION_DOCTOR', 12],
    ['MEDICAL_STUDENT', 'RESIDENT', 12],
    ['MEDICAL_STUDENT', 'CONSULTANT', 6],
    ['FOUNDATION_DOCTOR', 'CONSULTANT', 12],
    ['RESIDENT', 'ACADEMIC', 12],
    ['CONSULTANT', 'ACADEMIC', 0],
    ['RESIDENT', 'FOUNDATION_DOCTOR', 0],
    ['ALLIED_HEALTH', 'CONSULTANT', 6],
    ['MEDICAL_STUDENT', 'OTHER', 6],
  ] as const)('stage gap %s mentee with %s mentor earns %i', (menteeStage, mentorStage, expected) => {
    const result = scoreMatch(
      { ...mentee, careerStage: menteeStage },
      { ...mentor, careerStage: mentorStage },
      DEFAULT_MATCH_WEIGHTS,
    );
    expect(points(result).STAGE_GAP ?? 0).toBe(expected);
  });

  it('reports the stage gap band', () => {
    expect(stageGap('MEDICAL_STUDENT', 'CONSULTANT')).toEqual({ gap: 3, band: 'WIDE' });
    expect(stageGap('ALLIED_HEALTH', 'RESIDENT')).toEqual({ gap: null, band: 'OFF_LADDER' });
  });
});

describe('hardConstraintViolations', () => {
  const none = { existingMentorIds: [] as string[] };

  it('allows a plain pairing', () => {
    expect(hardConstraintViolations(mentee, mentor, none)).toEqual([]);
  });

  it('lists every violated rule by code', () => {
    const codes = hardConstraintViolations(
      { ...mentee, memberId: 'mentor-1' },
      { ...mentor, paused: true, activeMentees: 4, menteeStages: ['RESIDENT'] },
      { existingMentorIds: new Set(['mentor-1']) },
    ).map((v) => v.code);
    expect(codes).toEqual([
      MentorshipErrorCode.SELF_MENTORING,
      MentorshipErrorCode.MENTOR_PAUSED,
      MentorshipErrorCode.MENTOR_AT_CAPACITY,
      MentorshipErrorCode.ALREADY_MENTORING,
      MentorshipErrorCode.NOT_ELIGIBLE_STAGE,
    ]);
  });

  it('treats an empty menteeStages list as any stage and a listed stage as allowed', () => {
    expect(hardConstraintViolations(mentee, { ...mentor, menteeStages: ['MEDICAL_STUDENT'] }, none)).toEqual(
      [],
    );
  });
});

describe('suggestMentors', () => {
  const mk = (id: string, overrides: Partial<MentorMatchProfile>): MentorMatchProfile => ({
    ...mentor,
    memberId: id,
    ...overrides,
  });

  it('never suggests a mentor breaking a hard constraint or not taking direct requests, ranked by score', () => {
    const mentors = [
      mk('m-paused', { paused: true }),
      mk('m-full', { activeMentees: 4 }),
      mk('m-existing', {}),
      mk('m-stage', { menteeStages: ['RESIDENT'] }),
      mk('m-closed', { acceptsDirectRequests: false }),
      mk('m-weaker', { expertise: [] }),
      mk('m-best', {}),
    ];
    const result = suggestMentors(mentee, mentors, ['m-existing'], DEFAULT_MATCH_WEIGHTS, 10);
    // m-weaker has no expertise: simulation, assessment, wellbeing match as interests, 3 x 4 = 12 instead of 24.
    expect(result.map((s) => [s.mentorId, s.score])).toEqual([
      ['m-best', 60],
      ['m-weaker', 48],
    ]);
  });

  it('breaks score ties by more free places, then by member id', () => {
    const weights: MatchWeights = { ...DEFAULT_MATCH_WEIGHTS, remainingCapacity: 0 };
    const mentors = [
      mk('m-c', { capacity: 4, activeMentees: 1 }),
      mk('m-b', { capacity: 4, activeMentees: 0 }),
      mk('m-a', { capacity: 4, activeMentees: 1 }),
    ];
    expect(suggestMentors(mentee, mentors, [], weights, 3).map((s) => s.mentorId)).toEqual([
      'm-b',
      'm-a',
      'm-c',
    ]);
    expect(suggestMentors(mentee, mentors, [], weights, 2).map((s) => s.mentorId)).toEqual(['m-b', 'm-a']);
  });

  it('rejects a page size outside 1..100 and invalid weights', () => {
    expect(() => suggestMentors(mentee, [mentor], [], DEFAULT_MATCH_WEIGHTS, 0)).toThrow(
      MentorshipDomainError,
    );
    expect(() => suggestMentors(mentee, [mentor], [], { ...DEFAULT_MATCH_WEIGHTS, stageGap: -1 }, 5)).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.INVALID_MATCH_WEIGHTS }),
    );
  });
});

describe('validateMatchWeights', () => {
  it('accepts the defaults', () => {
    expect(validateMatchWeights({ ...DEFAULT_MATCH_WEIGHTS })).toEqual({
      ok: true,
      weights: DEFAULT_MATCH_WEIGHTS,
    });
  });

  it('names each bad field: negative, fractional, missing, unknown', () => {
    const { stageGap: _omitted, ...rest } = DEFAULT_MATCH_WEIGHTS;
    const result = validateMatchWeights({ ...rest, sharedInterest: -1, sameSpecialty: 2.5, stageGapp: 3 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual([
      'sharedInterest',
      'sameSpecialty',
      'stageGap',
      'stageGapp',
    ]);
    expect(result.errors[0].message).toBe('must be an integer from 0 to 1000 (got -1)');
  });

  it('rejects a non-object', () => {
    expect(validateMatchWeights('8,4,5')).toEqual({
      ok: false,
      errors: [{ field: 'weights', message: 'must be an object' }],
    });
  });
});

describe('compiled scoring used by formal matching', () => {
  it('agrees with scoreMatch and hardConstraintViolations on every pair of a random cohort', () => {
    const { mentees, mentors, existingRelationships } = generateMatchingInstance(11, {
      mentees: 120,
      mentors: 50,
    });
    const weights: MatchWeights = { ...DEFAULT_MATCH_WEIGHTS, maxSharedTerms: 3 };
    const existing = new Map<string, Set<string>>();
    for (const { menteeId, mentorId } of existingRelationships) {
      existing.set(menteeId, new Set([...(existing.get(menteeId) ?? []), mentorId]));
    }
    const minScore = 20;
    const compiled = compileMatchingProblem(mentees, mentors, weights, existing, minScore);
    let forbidden = 0;
    let below = 0;
    mentees.forEach((e, i) =>
      mentors.forEach((r, j) => {
        const cell = compiled.scores[i * mentors.length + j];
        const violations = hardConstraintViolations(e, r, {
          existingMentorIds: [...(existing.get(e.memberId) ?? [])],
        });
        const { score } = scoreMatch(e, r, weights);
        const expected =
          violations.length > 0 ? FORBIDDEN_PAIR : score < minScore ? BELOW_MIN_SCORE_PAIR : score;
        if (cell !== expected)
          throw new Error(`pair ${e.memberId}/${r.memberId}: compiled ${cell}, readable ${expected}`);
        if (expected === FORBIDDEN_PAIR) forbidden += 1;
        if (expected === BELOW_MIN_SCORE_PAIR) below += 1;
      }),
    );
    // The cohort must actually exercise all three outcomes for the comparison to mean anything.
    expect(forbidden).toBeGreaterThan(100);
    expect(below).toBeGreaterThan(100);
    expect(mentees.length * mentors.length - forbidden - below).toBeGreaterThan(100);
  });
});
