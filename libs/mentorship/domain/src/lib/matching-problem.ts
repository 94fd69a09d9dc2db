import { CAREER_STAGES } from '@praxis/contracts';
import { CAREER_STAGE_INDEX, stageGap, stageGapPoints } from './career-seniority';
import type { MatchWeights } from './match-weights';
import {
  menteeTerms,
  normaliseTerm,
  normalisedSpecialty,
  remainingCapacity,
  remainingCapacityPoints,
  type MenteeMatchProfile,
  type MentorMatchProfile,
} from './match-score';

/** Score cell for a pair that breaks a hard constraint. */
export const FORBIDDEN_PAIR = -1;
/** Score cell for an allowed pair scoring under the run's minimum. */
export const BELOW_MIN_SCORE_PAIR = -2;

export interface CompiledMatchingProblem {
  readonly menteeCount: number;
  readonly mentorCount: number;
  /** Row-major mentee x mentor: the match score, or FORBIDDEN_PAIR / BELOW_MIN_SCORE_PAIR. */
  readonly scores: Int32Array;
  /** Places a mentor can take in this run: 0 when paused or already at capacity. */
  readonly openPlaces: Int32Array;
  /** Per mentee: mentors passing every hard constraint, and those also reaching the minimum score. */
  readonly allowedMentors: Int32Array;
  readonly mentorsAtMinScore: Int32Array;
  /** Per mentee: best score over mentors at the minimum score, or -1 when there is none. */
  readonly bestScore: Int32Array;
}

/**
 * The same rules as `scoreMatch` and `hardConstraintViolations`, compiled to integer ids and bit sets so that
 * millions of pairs cost tens of nanoseconds each. Kept equal to the readable versions by a property test.
 */
export function compileMatchingProblem(
  mentees: readonly MenteeMatchProfile[],
  mentors: readonly MentorMatchProfile[],
  weights: MatchWeights,
  existingMentorIdsByMentee: ReadonlyMap<string, ReadonlySet<string>>,
  minScore: number,
): CompiledMatchingProblem {
  const n = mentees.length;
  const m = mentors.length;
  const stageCount = CAREER_STAGES.length;
  const anyStage = (1 << stageCount) - 1;

  const mentorIndex = new Map<string, number>();
  mentors.forEach((mentor, j) => mentorIndex.set(mentor.memberId, j));

  const termIds = new Map<string, number>();
  const intern = (dictionary: Map<string, number>, value: string): number => {
    let id = dictionary.get(value);
    if (id === undefined) {
      id = dictionary.size;
      dictionary.set(value, id);
    }
    return id;
  };
  const mentorTerms = mentors.map((mentor) => ({
    expertise: mentor.expertise
      .map(normaliseTerm)
      .filter((term) => term !== '')
      .map((t) => intern(termIds, t)),
    interests: mentor.interests
      .map(normaliseTerm)
      .filter((term) => term !== '')
      .map((t) => intern(termIds, t)),
  }));
  const words = Math.max(1, Math.ceil(termIds.size / 32));
  const expertiseBits = new Uint32Array(m * words);
  const interestBits = new Uint32Array(m * words);
  mentorTerms.forEach(({ expertise, interests }, j) => {
    for (const t of expertise) expertiseBits[j * words + (t >>> 5)] |= 1 << (t & 31);
    for (const t of interests) interestBits[j * words + (t >>> 5)] |= 1 << (t & 31);
  });

  // Institutions and specialties become small integers; -1 stands for "unknown", which never matches.
  const specialtyIds = new Map<string, number>();
  const institutionIds = new Map<string, number>();
  const specialtyOf = (specialty: string | null): number => {
    const normalised = normalisedSpecialty(specialty);
    return normalised === null ? -1 : intern(specialtyIds, normalised);
  };
  const institutionOf = (id: string | null): number => (id === null ? -1 : intern(institutionIds, id));

  const mentorStage = new Int32Array(m);
  const mentorStageMask = new Int32Array(m);
  const mentorSpecialty = new Int32Array(m);
  const mentorInstitution = new Int32Array(m);
  const mentorFixedPoints = new Int32Array(m);
  const openPlaces = new Int32Array(m);
  mentors.forEach((mentor, j) => {
    mentorStage[j] = CAREER_STAGE_INDEX[mentor.careerStage];
    mentorStageMask[j] =
      mentor.menteeStages.length === 0
        ? anyStage
        : mentor.menteeStages.reduce((mask, stage) => mask | (1 << CAREER_STAGE_INDEX[stage]), 0);
    mentorSpecialty[j] = specialtyOf(mentor.specialty);
    mentorInstitution[j] = institutionOf(mentor.institutionId);
    mentorFixedPoints[j] = remainingCapacityPoints(mentor, weights.remainingCapacity);
    openPlaces[j] = mentor.paused ? 0 : remainingCapacity(mentor);
  });

  const stageGapTable = new Int32Array(stageCount * stageCount);
  CAREER_STAGES.forEach((menteeStage, a) =>
    CAREER_STAGES.forEach((mentorStageName, b) => {
      stageGapTable[a * stageCount + b] = stageGapPoints(
        stageGap(menteeStage, mentorStageName).band,
        weights.stageGap,
      );
    }),
  );

  const scores = new Int32Array(n * m);
  const allowedMentors = new Int32Array(n);
  const mentorsAtMinScore = new Int32Array(n);
  const bestScore = new Int32Array(n);
  const excluded = new Uint8Array(m);
  const termCap = weights.maxSharedTerms;

  for (let i = 0; i < n; i += 1) {
    const mentee = mentees[i];
    const stage = CAREER_STAGE_INDEX[mentee.careerStage];
    const stageBit = 1 << stage;
    const gapRow = stage * stageCount;
    const specialty = specialtyOf(mentee.specialty);
    const institution = institutionOf(mentee.institutionId);
    const wantsOther = mentee.preferOtherInstitution === true && institution !== -1;
    let preferredMask = 0;
    for (const preferred of mentee.preferredMentorStages) preferredMask |= 1 << CAREER_STAGE_INDEX[preferred];
    // Terms no mentor uses can never match, so they are dropped here rather than looked up a million times.
    const terms: number[] = [];
    for (const term of menteeTerms(mentee)) {
      const id = termIds.get(term);
      if (id !== undefined) terms.push(id);
    }
    const termWord = Int32Array.from(terms, (t) => t >>> 5);
    const termBit = Int32Array.from(terms, (t) => 1 << (t & 31));

    const exclusions: number[] = [];
    const self = mentorIndex.get(mentee.memberId);
    if (self !== undefined) exclusions.push(self);
    for (const mentorId of existingMentorIdsByMentee.get(mentee.memberId) ?? []) {
      const j = mentorIndex.get(mentorId);
      if (j !== undefined) exclusions.push(j);
    }
    for (const j of exclusions) excluded[j] = 1;

    let allowed = 0;
    let atMin = 0;
    let best = -1;
    const rowBase = i * m;
    for (let j = 0; j < m; j += 1) {
      if (openPlaces[j] === 0 || excluded[j] === 1 || (mentorStageMask[j] & stageBit) === 0) {
        scores[rowBase + j] = FORBIDDEN_PAIR;
        continue;
      }
      allowed += 1;
      let expertiseHits = 0;
      let interestHits = 0;
      const bitBase = j * words;
      for (let t = 0; t < termWord.length; t += 1) {
        const word = bitBase + termWord[t];
        if ((expertiseBits[word] & termBit[t]) !== 0) expertiseHits += 1;
        else if ((interestBits[word] & termBit[t]) !== 0) interestHits += 1;
      }
      const countedExpertise = expertiseHits < termCap ? expertiseHits : termCap;
      const interestRoom = termCap - countedExpertise;
      const countedInterest = interestHits < interestRoom ? interestHits : interestRoom;
      let score =
        countedExpertise * weights.sharedExpertise +
        countedInterest * weights.sharedInterest +
        stageGapTable[gapRow + mentorStage[j]] +
        mentorFixedPoints[j];
      if (specialty !== -1 && specialty === mentorSpecialty[j]) score += weights.sameSpecialty;
      if ((preferredMask & (1 << mentorStage[j])) !== 0) score += weights.preferredStage;
      if (wantsOther && mentorInstitution[j] !== -1 && mentorInstitution[j] !== institution) {
        score += weights.otherInstitution;
      }
      if (score < minScore) {
        scores[rowBase + j] = BELOW_MIN_SCORE_PAIR;
      } else {
        scores[rowBase + j] = score;
        atMin += 1;
        if (score > best) best = score;
      }
    }
    for (const j of exclusions) excluded[j] = 0;
    allowedMentors[i] = allowed;
    mentorsAtMinScore[i] = atMin;
    bestScore[i] = best;
  }

  return { menteeCount: n, mentorCount: m, scores, openPlaces, allowedMentors, mentorsAtMinScore, bestScore };
}
