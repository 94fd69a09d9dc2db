import type { CareerStage } from '@praxis/contracts';
import { CAREER_STAGE_WORDS, stageGap, stageGapPoints, type StageGapBand } from './career-seniority';
import { assertValidMatchWeights, type MatchWeights } from './match-weights';
import { MentorshipDomainError, MentorshipErrorCode } from './mentorship.exception';

/** One-to-one mentoring or group mentoring (Mastermind-style), as mentors offer them. */
export const MENTORING_FORMATS = ['ONE_TO_ONE', 'GROUP'] as const;
export type MentoringFormat = (typeof MENTORING_FORMATS)[number];

export interface MenteeMatchProfile {
  readonly memberId: string;
  readonly careerStage: CareerStage;
  readonly institutionId: string | null;
  readonly specialty: string | null;
  readonly interests: readonly string[];
  readonly goals: readonly string[];
  /** Empty means no preference. */
  readonly preferredMentorStages: readonly CareerStage[];
  readonly preferOtherInstitution?: boolean;
}

export interface MentorMatchProfile {
  readonly memberId: string;
  readonly careerStage: CareerStage;
  readonly institutionId: string | null;
  readonly specialty: string | null;
  readonly expertise: readonly string[];
  readonly interests: readonly string[];
  /** Stages this mentor takes on; empty means any stage. */
  readonly menteeStages: readonly CareerStage[];
  readonly capacity: number;
  readonly activeMentees: number;
  readonly paused: boolean;
  readonly acceptsDirectRequests: boolean;
  readonly formats: readonly MentoringFormat[];
}

export type MatchReasonKind =
  | 'SHARED_EXPERTISE'
  | 'SHARED_INTEREST'
  | 'SAME_SPECIALTY'
  | 'STAGE_GAP'
  | 'PREFERRED_STAGE'
  | 'REMAINING_CAPACITY'
  | 'OTHER_INSTITUTION';

export interface MatchReason {
  readonly kind: MatchReasonKind;
  readonly detail: string;
  readonly points: number;
}

export interface MatchScore {
  /** Sum of `reasons[].points`; always a non-negative integer. */
  readonly score: number;
  /** Only components that earned points, in a stable order (terms first, in the mentee's own order). */
  readonly reasons: readonly MatchReason[];
}

export interface HardConstraintViolation {
  readonly code: MentorshipErrorCode;
  readonly message: string;
}

export interface MatchContext {
  /** Mentors the mentee already has an active relationship with. */
  readonly existingMentorIds: ReadonlySet<string> | readonly string[];
}

/**
 * Interests, goals and expertise are free tags typed by members, so "Medical Education " and "medical
 * education" must meet. Nothing smarter (stemming, synonyms) on purpose: a reason shown to a member has to
 * be recognisably the tag they typed.
 */
export function normaliseTerm(term: string): string {
  return term.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The mentee's distinct terms in the order they wrote them: interests first, then goals. */
export function menteeTerms(mentee: Pick<MenteeMatchProfile, 'interests' | 'goals'>): string[] {
  const seen = new Set<string>();
  for (const raw of [...mentee.interests, ...mentee.goals]) {
    const term = normaliseTerm(raw);
    if (term !== '') seen.add(term);
  }
  return [...seen];
}

export function normalisedSpecialty(specialty: string | null): string | null {
  if (specialty === null) return null;
  const normalised = normaliseTerm(specialty);
  return normalised === '' ? null : normalised;
}

export function remainingCapacity(mentor: Pick<MentorMatchProfile, 'capacity' | 'activeMentees'>): number {
  return Math.max(0, mentor.capacity - mentor.activeMentees);
}

export function remainingCapacityPoints(
  mentor: Pick<MentorMatchProfile, 'capacity' | 'activeMentees'>,
  weight: number,
): number {
  if (mentor.capacity <= 0) return 0;
  return Math.floor((weight * remainingCapacity(mentor)) / mentor.capacity);
}

export function prefersOtherInstitution(
  mentee: Pick<MenteeMatchProfile, 'preferOtherInstitution' | 'institutionId'>,
  mentor: Pick<MentorMatchProfile, 'institutionId'>,
): boolean {
  return (
    mentee.preferOtherInstitution === true &&
    mentee.institutionId !== null &&
    mentor.institutionId !== null &&
    mentee.institutionId !== mentor.institutionId
  );
}

const BAND_WORDING: Readonly<Record<StageGapBand, string>> = {
  SWEET_SPOT: 'in the sweet spot',
  WIDE: 'a wide gap',
  NOT_MORE_SENIOR: 'not more senior',
  OFF_LADDER: 'seniority not comparable',
};

/**
 * Soft fit between a mentee and a mentor. Does not check hard constraints (see `hardConstraintViolations`);
 * assumes weights already validated, because it sits on hot paths.
 */
export function scoreMatch(
  mentee: MenteeMatchProfile,
  mentor: MentorMatchProfile,
  weights: MatchWeights,
): MatchScore {
  const reasons: MatchReason[] = [];
  const expertise = new Set(mentor.expertise.map(normaliseTerm));
  const interests = new Set(mentor.interests.map(normaliseTerm));
  const terms = menteeTerms(mentee);
  let termBudget = weights.maxSharedTerms;
  // Expertise first: if the cap bites, the stronger evidence of fit is what counts.
  for (const term of terms) {
    if (termBudget === 0) break;
    if (!expertise.has(term)) continue;
    reasons.push({
      kind: 'SHARED_EXPERTISE',
      detail: `mentor has expertise in "${term}"`,
      points: weights.sharedExpertise,
    });
    termBudget -= 1;
  }
  for (const term of terms) {
    if (termBudget === 0) break;
    if (expertise.has(term) || !interests.has(term)) continue;
    reasons.push({
      kind: 'SHARED_INTEREST',
      detail: `shared interest in "${term}"`,
      points: weights.sharedInterest,
    });
    termBudget -= 1;
  }

  const menteeSpecialty = normalisedSpecialty(mentee.specialty);
  if (menteeSpecialty !== null && menteeSpecialty === normalisedSpecialty(mentor.specialty)) {
    reasons.push({
      kind: 'SAME_SPECIALTY',
      detail: `both in ${menteeSpecialty}`,
      points: weights.sameSpecialty,
    });
  }

  const gap = stageGap(mentee.careerStage, mentor.careerStage);
  const gapWording = gap.gap === null ? '' : ` (${gap.gap} stage${Math.abs(gap.gap) === 1 ? '' : 's'})`;
  reasons.push({
    kind: 'STAGE_GAP',
    detail: `${CAREER_STAGE_WORDS[mentor.careerStage]} mentor for ${CAREER_STAGE_WORDS[mentee.careerStage]} mentee: ${BAND_WORDING[gap.band]}${gapWording}`,
    points: stageGapPoints(gap.band, weights.stageGap),
  });

  if (mentee.preferredMentorStages.includes(mentor.careerStage)) {
    reasons.push({
      kind: 'PREFERRED_STAGE',
      detail: `mentee prefers ${CAREER_STAGE_WORDS[mentor.careerStage]} mentors`,
      points: weights.preferredStage,
    });
  }

  reasons.push({
    kind: 'REMAINING_CAPACITY',
    detail: `${remainingCapacity(mentor)} of ${mentor.capacity} places free`,
    points: remainingCapacityPoints(mentor, weights.remainingCapacity),
  });

  if (prefersOtherInstitution(mentee, mentor)) {
    reasons.push({
      kind: 'OTHER_INSTITUTION',
      detail: 'mentor is at another institution, as the mentee asked',
      points: weights.otherInstitution,
    });
  }

  const earned = reasons.filter((reason) => reason.points > 0);
  return { score: earned.reduce((total, reason) => total + reason.points, 0), reasons: earned };
}

function hasExisting(existing: ReadonlySet<string> | readonly string[], mentorId: string): boolean {
  return existing instanceof Set
    ? existing.has(mentorId)
    : (existing as readonly string[]).includes(mentorId);
}

/** Every rule that forbids this pairing outright, in a fixed order; empty means the pair is allowed. */
export function hardConstraintViolations(
  mentee: Pick<MenteeMatchProfile, 'memberId' | 'careerStage'>,
  mentor: Pick<MentorMatchProfile, 'memberId' | 'menteeStages' | 'capacity' | 'activeMentees' | 'paused'>,
  context: MatchContext,
): HardConstraintViolation[] {
  const violations: HardConstraintViolation[] = [];
  if (mentee.memberId === mentor.memberId) {
    violations.push({
      code: MentorshipErrorCode.SELF_MENTORING,
      message: 'menteeId: a member cannot mentor themself',
    });
  }
  if (mentor.paused) {
    violations.push({
      code: MentorshipErrorCode.MENTOR_PAUSED,
      message: 'mentor.paused: mentor is not taking mentees',
    });
  }
  if (mentor.activeMentees >= mentor.capacity) {
    violations.push({
      code: MentorshipErrorCode.MENTOR_AT_CAPACITY,
      message: `mentor.capacity: ${mentor.activeMentees} active of ${mentor.capacity} allowed`,
    });
  }
  if (hasExisting(context.existingMentorIds, mentor.memberId)) {
    violations.push({
      code: MentorshipErrorCode.ALREADY_MENTORING,
      message: 'mentorId: this mentor already mentors the mentee',
    });
  }
  if (mentor.menteeStages.length > 0 && !mentor.menteeStages.includes(mentee.careerStage)) {
    violations.push({
      code: MentorshipErrorCode.NOT_ELIGIBLE_STAGE,
      message: `mentee.careerStage: ${mentee.careerStage} is not among the mentor's mentee stages (${mentor.menteeStages.join(', ')})`,
    });
  }
  return violations;
}

export interface MentorSuggestion {
  readonly mentorId: string;
  readonly score: number;
  readonly reasons: readonly MatchReason[];
  readonly remainingCapacity: number;
}

export const MAX_SUGGESTIONS = 100;

/**
 * Ranked mentors a mentee may request directly. Besides the hard constraints it leaves out mentors who do not
 * accept direct requests: a suggestion is an invitation to send one, and those mentors are reached only through
 * formal matching. Ties: more free places first (spreads load), then member id, so pages are stable.
 */
export function suggestMentors(
  mentee: MenteeMatchProfile,
  mentors: readonly MentorMatchProfile[],
  existingMentorIds: ReadonlySet<string> | readonly string[],
  weights: MatchWeights,
  first: number,
): MentorSuggestion[] {
  assertValidMatchWeights(weights);
  if (!Number.isInteger(first) || first < 1 || first > MAX_SUGGESTIONS) {
    throw MentorshipDomainError.invalidInput([
      { field: 'first', message: `must be an integer from 1 to ${MAX_SUGGESTIONS} (got ${first})` },
    ]);
  }
  const context: MatchContext = { existingMentorIds: new Set(existingMentorIds) };
  const suggestions: MentorSuggestion[] = [];
  for (const mentor of mentors) {
    if (!mentor.acceptsDirectRequests) continue;
    if (hardConstraintViolations(mentee, mentor, context).length > 0) continue;
    const { score, reasons } = scoreMatch(mentee, mentor, weights);
    suggestions.push({
      mentorId: mentor.memberId,
      score,
      reasons,
      remainingCapacity: remainingCapacity(mentor),
    });
  }
  suggestions.sort(
    (a, b) =>
      b.score - a.score ||
      b.remainingCapacity - a.remainingCapacity ||
      (a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : 0),
  );
  return suggestions.slice(0, first);
}
