import { CAREER_STAGES, type CareerStage } from '@praxis/contracts';
import { solveCapacitatedAssignment, verifyAssignmentCertificate } from './capacitated-assignment';
import { assertValidMatchWeights, type MatchWeights } from './match-weights';
import type { MenteeMatchProfile, MentorMatchProfile } from './match-score';
import { compileMatchingProblem } from './matching-problem';
import { MentorshipDomainError, MentorshipErrorCode, type FieldError } from './mentorship.exception';

export interface ExistingRelationship {
  readonly menteeId: string;
  readonly mentorId: string;
}

export interface FormalMatchingOptions {
  /** Pairs scoring below this are not made; the mentee is reported as BELOW_MIN_SCORE instead. Default 0. */
  readonly minScore?: number;
  /** Active relationships, so a mentee is never re-paired with a current mentor. */
  readonly existingRelationships?: readonly ExistingRelationship[];
  /**
   * Re-check the result against the LP optimality certificate (about a tenth of the solve time) and fail
   * loudly if it does not hold. Cheap insurance for a run whose result people will be told is optimal.
   */
  readonly certify?: boolean;
}

/**
 * The run holds a score and a profit per pair (12 bytes), so 25 million pairs is about 300 MB: past that a
 * single round risks the service's memory rather than merely taking longer.
 */
export const MAX_FORMAL_MATCHING_PAIRS = 25_000_000;

export type UnmatchedReason = 'NO_ELIGIBLE_MENTOR' | 'BELOW_MIN_SCORE' | 'ELIGIBLE_MENTORS_FULL';

export interface FormalMatchAssignment {
  readonly menteeId: string;
  readonly mentorId: string;
  readonly score: number;
}

export interface UnmatchedMentee {
  readonly menteeId: string;
  readonly reason: UnmatchedReason;
  readonly detail: string;
  /** For NO_ELIGIBLE_MENTOR: how many mentors each hard constraint ruled out (a mentor can count twice). */
  readonly blockedBy: Readonly<Partial<Record<MentorshipErrorCode, number>>>;
}

export interface FormalMatchingResult {
  /** Sorted by mentee id. */
  readonly assignments: readonly FormalMatchAssignment[];
  /** Sorted by mentee id. */
  readonly unmatched: readonly UnmatchedMentee[];
  readonly totalScore: number;
  readonly matchedCount: number;
  /** Mentee-mentor pairs passing every hard constraint (and the minimum score). */
  readonly candidatePairs: number;
  /** True only when `certify` was requested and the certificate held. */
  readonly certified: boolean;
}

/**
 * A matching round run by a programme lead: pairs each mentee with at most one mentor, each mentor with at most
 * their free places, never breaking a hard constraint, so that the **total match score is as large as
 * possible**. Among assignments with the same best total it makes as many pairs as it can: profits are
 * `score * (mentees + 1) + 1`, and since fewer than `mentees + 1` pairs exist, the +1s can only break ties.
 *
 * Scores use each mentor's free places at the start of the run (they are inputs, not re-scored as the run fills
 * places), which is what keeps the objective a sum over pairs and the optimum exact. `acceptsDirectRequests`
 * does not apply: formal matching is the route for mentors who opt out of direct requests.
 *
 * Inputs are sorted by member id first, so the same people give the same result whatever order they came in.
 */
export function runFormalMatching(
  mentees: readonly MenteeMatchProfile[],
  mentors: readonly MentorMatchProfile[],
  weights: MatchWeights,
  options: FormalMatchingOptions = {},
): FormalMatchingResult {
  const validWeights = assertValidMatchWeights(weights);
  const minScore = options.minScore ?? 0;
  validateMatchingInput(mentees, mentors, minScore);

  const sortedMentees = [...mentees].sort((a, b) => compareIds(a.memberId, b.memberId));
  const sortedMentors = [...mentors].sort((a, b) => compareIds(a.memberId, b.memberId));
  const existing = groupExisting(options.existingRelationships ?? []);
  const problem = compileMatchingProblem(sortedMentees, sortedMentors, validWeights, existing, minScore);

  const n = problem.menteeCount;
  const m = problem.mentorCount;
  const tieBreakScale = n + 1;
  const profit = new Float64Array(n * m);
  let candidatePairs = 0;
  for (let cell = 0; cell < n * m; cell += 1) {
    const score = problem.scores[cell];
    if (score >= 0) {
      profit[cell] = score * tieBreakScale + 1;
      candidatePairs += 1;
    } else {
      profit[cell] = -Infinity;
    }
  }
  // Strongest candidates first; ties keep id order (Array#sort is stable), so runs are reproducible.
  const order = Int32Array.from(
    Array.from({ length: n }, (_, i) => i).sort((a, b) => problem.bestScore[b] - problem.bestScore[a]),
  );
  const assignmentProblem = { rows: n, columns: m, profit, capacity: problem.openPlaces, order };
  const solution = solveCapacitatedAssignment(assignmentProblem);

  let certified = false;
  if (options.certify === true) {
    const check = verifyAssignmentCertificate(assignmentProblem, solution);
    if (!check.ok) {
      // A solver defect, not a user error: surfacing it beats handing out a silently suboptimal round.
      throw new Error(`Formal matching failed its optimality certificate: ${check.reason}`);
    }
    certified = true;
  }

  const assignments: FormalMatchAssignment[] = [];
  const unmatched: UnmatchedMentee[] = [];
  let counter: BlockedByCounter | undefined;
  let totalScore = 0;
  for (let i = 0; i < n; i += 1) {
    const mentee = sortedMentees[i];
    const j = solution.columnOf[i];
    if (j >= 0) {
      const score = problem.scores[i * m + j];
      assignments.push({ menteeId: mentee.memberId, mentorId: sortedMentors[j].memberId, score });
      totalScore += score;
    } else {
      unmatched.push(
        explainUnmatched(
          mentee,
          m,
          () => {
            counter ??= blockedByCounter(sortedMentors);
            return counter(mentee, existing.get(mentee.memberId) ?? new Set<string>());
          },
          problem.allowedMentors[i],
          problem.mentorsAtMinScore[i],
          minScore,
        ),
      );
    }
  }
  return { assignments, unmatched, totalScore, matchedCount: assignments.length, candidatePairs, certified };
}

type BlockedByCounter = (
  mentee: MenteeMatchProfile,
  existingMentorIds: ReadonlySet<string>,
) => Partial<Record<MentorshipErrorCode, number>>;

/**
 * Per-rule counts of the mentors that `hardConstraintViolations` would rule out, from per-mentor totals worked
 * out once, so explaining thousands of stranded mentees stays linear rather than mentees x mentors.
 */
function blockedByCounter(mentors: readonly MentorMatchProfile[]): BlockedByCounter {
  const mentorIds = new Set(mentors.map((mentor) => mentor.memberId));
  const paused = mentors.filter((mentor) => mentor.paused).length;
  const atCapacity = mentors.filter((mentor) => mentor.activeMentees >= mentor.capacity).length;
  const stageExcluded = new Map<CareerStage, number>(
    CAREER_STAGES.map((stage) => [
      stage,
      mentors.filter((mentor) => mentor.menteeStages.length > 0 && !mentor.menteeStages.includes(stage))
        .length,
    ]),
  );
  return (mentee, existingMentorIds) => {
    const counts: Partial<Record<MentorshipErrorCode, number>> = {};
    const add = (code: MentorshipErrorCode, count: number): void => {
      if (count > 0) counts[code] = count;
    };
    add(MentorshipErrorCode.SELF_MENTORING, mentorIds.has(mentee.memberId) ? 1 : 0);
    add(MentorshipErrorCode.MENTOR_PAUSED, paused);
    add(MentorshipErrorCode.MENTOR_AT_CAPACITY, atCapacity);
    add(
      MentorshipErrorCode.ALREADY_MENTORING,
      [...existingMentorIds].filter((id) => mentorIds.has(id)).length,
    );
    add(MentorshipErrorCode.NOT_ELIGIBLE_STAGE, stageExcluded.get(mentee.careerStage) ?? 0);
    return counts;
  };
}

function explainUnmatched(
  mentee: MenteeMatchProfile,
  mentorCount: number,
  blockedBy: () => Partial<Record<MentorshipErrorCode, number>>,
  allowed: number,
  atMinScore: number,
  minScore: number,
): UnmatchedMentee {
  if (allowed === 0) {
    return {
      menteeId: mentee.memberId,
      reason: 'NO_ELIGIBLE_MENTOR',
      detail: `none of ${mentorCount} mentors passes the hard constraints`,
      blockedBy: blockedBy(),
    };
  }
  if (atMinScore === 0) {
    return {
      menteeId: mentee.memberId,
      reason: 'BELOW_MIN_SCORE',
      detail: `${allowed} eligible mentor(s), none scoring at least ${minScore}`,
      blockedBy: {},
    };
  }
  return {
    menteeId: mentee.memberId,
    reason: 'ELIGIBLE_MENTORS_FULL',
    detail: `${atMinScore} eligible mentor(s); their places went to pairings that score more in total`,
    blockedBy: {},
  };
}

function validateMatchingInput(
  mentees: readonly MenteeMatchProfile[],
  mentors: readonly MentorMatchProfile[],
  minScore: number,
): void {
  const errors: FieldError[] = [];
  if (mentees.length * mentors.length > MAX_FORMAL_MATCHING_PAIRS) {
    errors.push({
      field: 'mentees',
      message: `${mentees.length} mentees x ${mentors.length} mentors exceeds ${MAX_FORMAL_MATCHING_PAIRS} pairs per run; split the round by programme`,
    });
  }
  if (!Number.isInteger(minScore) || minScore < 0) {
    errors.push({ field: 'minScore', message: `must be a non-negative integer (got ${minScore})` });
  }
  const menteeIds = new Set<string>();
  mentees.forEach((mentee, index) => {
    if (menteeIds.has(mentee.memberId)) {
      errors.push({ field: `mentees[${index}].memberId`, message: `duplicate mentee ${mentee.memberId}` });
    }
    menteeIds.add(mentee.memberId);
  });
  const mentorIds = new Set<string>();
  mentors.forEach((mentor, index) => {
    if (mentorIds.has(mentor.memberId)) {
      errors.push({ field: `mentors[${index}].memberId`, message: `duplicate mentor ${mentor.memberId}` });
    }
    mentorIds.add(mentor.memberId);
    if (!Number.isInteger(mentor.capacity) || mentor.capacity < 0) {
      errors.push({
        field: `mentors[${index}].capacity`,
        message: `must be a non-negative integer (got ${mentor.capacity})`,
      });
    }
    if (!Number.isInteger(mentor.activeMentees) || mentor.activeMentees < 0) {
      errors.push({
        field: `mentors[${index}].activeMentees`,
        message: `must be a non-negative integer (got ${mentor.activeMentees})`,
      });
    }
  });
  if (errors.length > 0) throw MentorshipDomainError.invalidInput(errors);
}

function groupExisting(relationships: readonly ExistingRelationship[]): Map<string, Set<string>> {
  const byMentee = new Map<string, Set<string>>();
  for (const { menteeId, mentorId } of relationships) {
    let mentorIds = byMentee.get(menteeId);
    if (mentorIds === undefined) {
      mentorIds = new Set<string>();
      byMentee.set(menteeId, mentorIds);
    }
    mentorIds.add(mentorId);
  }
  return byMentee;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
