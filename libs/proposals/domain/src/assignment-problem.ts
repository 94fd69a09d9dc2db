import type { ConflictedPair } from './conflicts';
import { jaccardFromCounts, normaliseKeywords } from './keyword-affinity';
import { AssignmentOrigin, ConflictPredicate, JudgeAssignmentInput } from './judge-assignment.types';
import { ProposalsDomainError, ProposalsErrorCode } from './proposals.exception';
import { ValidationProblem } from './validation-problem';

/**
 * Affinities become integers (micro-units) inside the solvers: integer arithmetic keeps reduced costs exact,
 * so optimality checks never hinge on rounding.
 */
export const AFFINITY_SCALE = 1_000_000;

export const BLOCKED_CONFLICT = 1;
export const BLOCKED_FIXED = 2;

export interface FixedAssignment {
  readonly entry: number;
  readonly judge: number;
  readonly origin: AssignmentOrigin.EXISTING | AssignmentOrigin.PINNED;
}

/** The input turned into dense indices and typed arrays, shared by both solvers. */
export interface AssignmentProblem {
  readonly entryIds: readonly string[];
  readonly judgeIds: readonly string[];
  readonly entryCount: number;
  readonly judgeCount: number;
  readonly reviewsPerEntry: number;
  readonly entryKeywords: readonly Int32Array[];
  readonly judgeKeywords: readonly Int32Array[];
  /** For each keyword id, the judges interested in it (inverted index for fast overlap counts). */
  readonly judgesByKeyword: readonly Int32Array[];
  /** Row-major entry×judge: 0 = assignable, BLOCKED_CONFLICT, BLOCKED_FIXED (already reviewing it). */
  readonly blocked: Uint8Array;
  readonly fixed: readonly FixedAssignment[];
  readonly fixedLoad: Int32Array;
  /** New reviews each entry still needs. */
  readonly need: Int32Array;
  /** Effective cap per judge (Infinity when none). */
  readonly cap: Float64Array;
  readonly totalNeed: number;
  /** Reviews after the run: started + pinned + new. */
  readonly totalLoad: number;
}

function isPredicate(value: ConflictPredicate | Iterable<ConflictedPair>): value is ConflictPredicate {
  return typeof value === 'function';
}

function describeCount(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function invalid(problems: ValidationProblem[]): ProposalsDomainError {
  return new ProposalsDomainError(
    ProposalsErrorCode.INVALID_ASSIGNMENT_INPUT,
    `The judge assignment request is invalid: ${problems.map((p) => p.message).join(' ')}`,
    { problems },
  );
}

function validateShape(input: JudgeAssignmentInput): void {
  const problems: ValidationProblem[] = [];
  if (!Number.isInteger(input.reviewsPerEntry) || input.reviewsPerEntry < 1) {
    problems.push({
      field: 'reviewsPerEntry',
      rule: 'POSITIVE_INTEGER',
      message: `reviewsPerEntry must be a whole number of at least 1 (got ${String(input.reviewsPerEntry)}).`,
    });
  }
  if (
    input.judgeMaxLoad !== undefined &&
    !(Number.isInteger(input.judgeMaxLoad) && input.judgeMaxLoad >= 0)
  ) {
    problems.push({
      field: 'judgeMaxLoad',
      rule: 'NON_NEGATIVE_INTEGER',
      message: `judgeMaxLoad must be a whole number of at least 0 (got ${String(input.judgeMaxLoad)}).`,
    });
  }
  const entryIds = new Set<string>();
  input.entries.forEach((entry, index) => {
    if (entry.id === '') {
      problems.push({
        field: `entries[${index}].id`,
        rule: 'NOT_EMPTY',
        message: `entries[${index}].id must not be empty.`,
      });
    } else if (entryIds.has(entry.id)) {
      problems.push({
        field: `entries[${index}].id`,
        rule: 'UNIQUE',
        message: `Entry "${entry.id}" is listed more than once.`,
      });
    }
    entryIds.add(entry.id);
  });
  const judgeIds = new Set<string>();
  input.judges.forEach((judge, index) => {
    if (judge.id === '') {
      problems.push({
        field: `judges[${index}].id`,
        rule: 'NOT_EMPTY',
        message: `judges[${index}].id must not be empty.`,
      });
    } else if (judgeIds.has(judge.id)) {
      problems.push({
        field: `judges[${index}].id`,
        rule: 'UNIQUE',
        message: `Judge "${judge.id}" is listed more than once.`,
      });
    }
    judgeIds.add(judge.id);
    if (judge.maxLoad !== undefined && !(Number.isInteger(judge.maxLoad) && judge.maxLoad >= 0)) {
      problems.push({
        field: `judges[${index}].maxLoad`,
        rule: 'NON_NEGATIVE_INTEGER',
        message: `Judge "${judge.id}": maxLoad must be a whole number of at least 0 (got ${String(judge.maxLoad)}).`,
      });
    }
  });
  input.entries.forEach((entry, index) => {
    const seen = new Set<string>();
    (entry.existingAssignments ?? []).forEach((judgeId, position) => {
      const field = `entries[${index}].existingAssignments[${position}]`;
      if (!judgeIds.has(judgeId)) {
        problems.push({
          field,
          rule: 'KNOWN_JUDGE',
          message: `Entry "${entry.id}" has a started review by "${judgeId}", who is not in the judge pool.`,
        });
      } else if (seen.has(judgeId)) {
        problems.push({
          field,
          rule: 'UNIQUE',
          message: `Entry "${entry.id}" lists the started review by judge "${judgeId}" more than once.`,
        });
      }
      seen.add(judgeId);
    });
  });
  (input.pins ?? []).forEach((pin, index) => {
    if (!entryIds.has(pin.entryId)) {
      problems.push({
        field: `pins[${index}].entryId`,
        rule: 'KNOWN_ENTRY',
        message: `Pin ${index + 1} refers to entry "${pin.entryId}", which is not in this run.`,
      });
    }
    if (!judgeIds.has(pin.judgeId)) {
      problems.push({
        field: `pins[${index}].judgeId`,
        rule: 'KNOWN_JUDGE',
        message: `Pin ${index + 1} refers to judge "${pin.judgeId}", who is not in the judge pool.`,
      });
    }
  });
  if (problems.length > 0) {
    throw invalid(problems);
  }
}

/** Validates the request and indexes it. Throws the domain error that explains the first category of problem. */
export function buildAssignmentProblem(input: JudgeAssignmentInput): AssignmentProblem {
  validateShape(input);
  const entryCount = input.entries.length;
  const judgeCount = input.judges.length;
  const entryIds = input.entries.map((entry) => entry.id);
  const judgeIds = input.judges.map((judge) => judge.id);
  const entryIndex = new Map(entryIds.map((id, index) => [id, index]));
  const judgeIndex = new Map(judgeIds.map((id, index) => [id, index]));

  const keywordIds = new Map<string, number>();
  const entryKeywords = input.entries.map((entry) => {
    const ids = normaliseKeywords(entry.keywords).map((keyword) => {
      let id = keywordIds.get(keyword);
      if (id === undefined) {
        id = keywordIds.size;
        keywordIds.set(keyword, id);
      }
      return id;
    });
    return Int32Array.from(ids).sort();
  });
  const entryKeywordCount = keywordIds.size;
  const judgeKeywords = input.judges.map((judge) => {
    const ids = normaliseKeywords(judge.interests).map((keyword) => {
      let id = keywordIds.get(keyword);
      if (id === undefined) {
        id = keywordIds.size;
        keywordIds.set(keyword, id);
      }
      return id;
    });
    return Int32Array.from(ids).sort();
  });
  // Keywords no entry uses can never contribute to an overlap, so the inverted index skips them.
  const buckets: number[][] = Array.from({ length: entryKeywordCount }, () => []);
  judgeKeywords.forEach((keywords, judge) => {
    for (const keyword of keywords) {
      if (keyword < entryKeywordCount) {
        buckets[keyword].push(judge);
      }
    }
  });
  const judgesByKeyword = buckets.map((bucket) => Int32Array.from(bucket));

  const blocked = new Uint8Array(entryCount * judgeCount);
  const conflicts = input.conflicts;
  if (conflicts !== undefined) {
    if (isPredicate(conflicts)) {
      for (let e = 0; e < entryCount; e++) {
        for (let j = 0; j < judgeCount; j++) {
          if (conflicts(entryIds[e], judgeIds[j])) {
            blocked[e * judgeCount + j] = BLOCKED_CONFLICT;
          }
        }
      }
    } else {
      for (const pair of conflicts) {
        const e = entryIndex.get(pair.entryId);
        const j = judgeIndex.get(pair.judgeId);
        // Conflicts with people outside this run cannot affect it.
        if (e !== undefined && j !== undefined) {
          blocked[e * judgeCount + j] = BLOCKED_CONFLICT;
        }
      }
    }
  }

  const fixed: FixedAssignment[] = [];
  const conflictedFixed: { entryId: string; judgeId: string; origin: AssignmentOrigin }[] = [];
  const fixedPerEntry = new Int32Array(entryCount);
  const pinnedPerEntry = new Int32Array(entryCount);
  const fixedLoad = new Int32Array(judgeCount);
  const pinnedLoad = new Int32Array(judgeCount);
  const addFixed = (
    e: number,
    j: number,
    origin: AssignmentOrigin.EXISTING | AssignmentOrigin.PINNED,
  ): void => {
    const cell = e * judgeCount + j;
    if (blocked[cell] === BLOCKED_FIXED) {
      return; // pinning a judge who already started, or pinning twice, changes nothing
    }
    if (blocked[cell] === BLOCKED_CONFLICT) {
      conflictedFixed.push({ entryId: entryIds[e], judgeId: judgeIds[j], origin });
      return;
    }
    blocked[cell] = BLOCKED_FIXED;
    fixed.push({ entry: e, judge: j, origin });
    fixedPerEntry[e] += 1;
    fixedLoad[j] += 1;
    if (origin === AssignmentOrigin.PINNED) {
      pinnedPerEntry[e] += 1;
      pinnedLoad[j] += 1;
    }
  };
  input.entries.forEach((entry, e) => {
    for (const judgeId of entry.existingAssignments ?? []) {
      addFixed(e, judgeIndex.get(judgeId) as number, AssignmentOrigin.EXISTING);
    }
  });
  for (const pin of input.pins ?? []) {
    addFixed(
      entryIndex.get(pin.entryId) as number,
      judgeIndex.get(pin.judgeId) as number,
      AssignmentOrigin.PINNED,
    );
  }
  if (conflictedFixed.length > 0) {
    const listed = conflictedFixed
      .map(
        (pair) =>
          `judge "${pair.judgeId}" on entry "${pair.entryId}" (${pair.origin === AssignmentOrigin.EXISTING ? 'review already started' : 'pinned'})`,
      )
      .join('; ');
    throw new ProposalsDomainError(
      ProposalsErrorCode.CONFLICT_OF_INTEREST,
      `Conflicted judges cannot review these entries: ${listed}. Withdraw these reviews or pins before assigning judges.`,
      { pairs: conflictedFixed },
    );
  }

  const rpe = input.reviewsPerEntry;
  const overPinned: ValidationProblem[] = [];
  for (let e = 0; e < entryCount; e++) {
    if (pinnedPerEntry[e] > 0 && fixedPerEntry[e] > rpe) {
      overPinned.push({
        field: 'pins',
        rule: 'AT_MOST_REVIEWS_PER_ENTRY',
        message: `Entry "${entryIds[e]}" would have ${fixedPerEntry[e]} reviewers (${fixedPerEntry[e] - pinnedPerEntry[e]} started, ${pinnedPerEntry[e]} pinned), more than the ${rpe} reviews per entry.`,
      });
    }
  }
  if (overPinned.length > 0) {
    throw invalid(overPinned);
  }

  const cap = new Float64Array(judgeCount);
  const overloaded: { judgeId: string; load: number; maxLoad: number }[] = [];
  input.judges.forEach((judge, j) => {
    const limit = judge.maxLoad ?? input.judgeMaxLoad;
    cap[j] = limit === undefined ? Number.POSITIVE_INFINITY : limit;
    // Started reviews above the cap are tolerated (they predate it); pins are new decisions and are not.
    if (pinnedLoad[j] > 0 && fixedLoad[j] > cap[j]) {
      overloaded.push({ judgeId: judge.id, load: fixedLoad[j], maxLoad: cap[j] });
    }
  });
  if (overloaded.length > 0) {
    throw new ProposalsDomainError(
      ProposalsErrorCode.LOAD_CAP_EXCEEDED,
      `Pins would put judges above their load cap: ${overloaded
        .map((o) => `judge "${o.judgeId}" would have ${o.load} reviews (cap ${o.maxLoad})`)
        .join('; ')}.`,
      { judges: overloaded },
    );
  }

  const need = new Int32Array(entryCount);
  let totalNeed = 0;
  for (let e = 0; e < entryCount; e++) {
    need[e] = Math.max(0, rpe - fixedPerEntry[e]);
    totalNeed += need[e];
  }
  return {
    entryIds,
    judgeIds,
    entryCount,
    judgeCount,
    reviewsPerEntry: rpe,
    entryKeywords,
    judgeKeywords,
    judgesByKeyword,
    blocked,
    fixed,
    fixedLoad,
    need,
    cap,
    totalNeed,
    totalLoad: totalNeed + fixed.length,
  };
}

function sharedCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let k = 0;
  let shared = 0;
  while (i < a.length && k < b.length) {
    if (a[i] === b[k]) {
      shared += 1;
      i += 1;
      k += 1;
    } else if (a[i] < b[k]) {
      i += 1;
    } else {
      k += 1;
    }
  }
  return shared;
}

export function pairAffinity(problem: AssignmentProblem, entry: number, judge: number): number {
  const a = problem.entryKeywords[entry];
  const b = problem.judgeKeywords[judge];
  return jaccardFromCounts(sharedCount(a, b), a.length, b.length);
}

export function scaledAffinity(affinity: number): number {
  return Math.round(affinity * AFFINITY_SCALE);
}

/**
 * Fills `out[j]` with the scaled affinity of `entry` to every judge. Uses the inverted index, so the cost is
 * proportional to actual overlaps plus one pass over the judges.
 */
export function fillAffinityRow(
  problem: AssignmentProblem,
  entry: number,
  counts: Int32Array,
  out: Float64Array,
): void {
  const keywords = problem.entryKeywords[entry];
  for (const keyword of keywords) {
    const judges = problem.judgesByKeyword[keyword];
    for (let i = 0; i < judges.length; i++) {
      counts[judges[i]] += 1;
    }
  }
  const sizeA = keywords.length;
  for (let j = 0; j < problem.judgeCount; j++) {
    const shared = counts[j];
    out[j] =
      shared === 0 ? 0 : scaledAffinity(jaccardFromCounts(shared, sizeA, problem.judgeKeywords[j].length));
    counts[j] = 0;
  }
}

/** Per-judge upper limit on total load for a candidate maximum load `level`. */
export function upperLimits(problem: AssignmentProblem, level: number): Float64Array {
  const hi = new Float64Array(problem.judgeCount);
  for (let j = 0; j < problem.judgeCount; j++) {
    hi[j] = Math.max(problem.fixedLoad[j], Math.min(problem.cap[j], level));
  }
  return hi;
}

function sumOf(values: Float64Array): number {
  let total = 0;
  for (const value of values) {
    total += value;
  }
  return total;
}

/** Smallest level whose limits leave room for every review, ignoring conflicts; null when even caps are too small. */
export function waterLevel(problem: AssignmentProblem): { level: number; top: number } | null {
  let top = 0;
  for (let j = 0; j < problem.judgeCount; j++) {
    const limit = Number.isFinite(problem.cap[j]) ? problem.cap[j] : problem.totalLoad;
    top = Math.max(top, problem.fixedLoad[j], limit);
  }
  if (sumOf(upperLimits(problem, top)) < problem.totalLoad) {
    return null;
  }
  let low = 0;
  let high = top;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (sumOf(upperLimits(problem, mid)) >= problem.totalLoad) {
      high = mid;
    } else {
      low = mid + 1;
    }
  }
  return { level: low, top };
}

/**
 * The floor that goes with upper limits `hi`: the highest level every judge can be lifted to (within their
 * limits) without needing more reviews than exist.
 */
export function lowerLimits(
  problem: AssignmentProblem,
  hi: Float64Array,
): { lo: Float64Array; level: number } {
  const at = (level: number): Float64Array => {
    const lo = new Float64Array(problem.judgeCount);
    for (let j = 0; j < problem.judgeCount; j++) {
      lo[j] = Math.min(hi[j], Math.max(level, problem.fixedLoad[j]));
    }
    return lo;
  };
  let maxHi = 0;
  for (const value of hi) {
    maxHi = Math.max(maxHi, value);
  }
  let low = 0;
  let high = maxHi;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (sumOf(at(mid)) <= problem.totalLoad) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return { lo: at(low), level: low };
}

export interface LoadBand {
  readonly hi: Float64Array;
  readonly lo: Float64Array;
  readonly max: number;
  readonly min: number;
}

/**
 * The smallest feasible maximum load (`feasibleAt` must be monotone in the level) and the matching floor.
 * Returns null when no level up to the caps is feasible.
 */
export function findLoadBand(
  problem: AssignmentProblem,
  feasibleAt: (hi: Float64Array) => boolean,
): LoadBand | null {
  const water = waterLevel(problem);
  if (water === null) {
    return null;
  }
  let low = water.level;
  let high = water.top;
  if (!feasibleAt(upperLimits(problem, low))) {
    if (!feasibleAt(upperLimits(problem, high))) {
      return null;
    }
    low += 1;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (feasibleAt(upperLimits(problem, mid))) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
  }
  const hi = upperLimits(problem, low);
  const { lo, level } = lowerLimits(problem, hi);
  return { hi, lo, max: low, min: level };
}

export interface ShortEntry {
  readonly entryId: string;
  readonly needed: number;
  readonly assignable: number;
  readonly shortBy: number;
  /** Non-conflicted judges not already on the entry who have any capacity left. */
  readonly eligibleJudges: number;
}

/**
 * Explains an infeasible run from a maximum assignment: which entries stay short and what would fix it.
 * Adding `k` conflict-free judges with cap C suffices when `k >= max shortBy` and `k·C >= Σ shortBy`
 * (fill them round-robin); that is the figure reported.
 */
export function infeasibleError(
  problem: AssignmentProblem,
  assignedPerEntry: Int32Array,
  judgeMaxLoad: number | undefined,
): ProposalsDomainError {
  const shortEntries: ShortEntry[] = [];
  let missing = 0;
  let largestShort = 0;
  let remainingCapacity = 0;
  for (let j = 0; j < problem.judgeCount; j++) {
    remainingCapacity += Math.max(0, Math.min(problem.cap[j], problem.totalLoad) - problem.fixedLoad[j]);
  }
  for (let e = 0; e < problem.entryCount; e++) {
    const shortBy = problem.need[e] - assignedPerEntry[e];
    if (shortBy <= 0) {
      continue;
    }
    let eligible = 0;
    for (let j = 0; j < problem.judgeCount; j++) {
      if (problem.blocked[e * problem.judgeCount + j] === 0 && problem.cap[j] > problem.fixedLoad[j]) {
        eligible += 1;
      }
    }
    missing += shortBy;
    largestShort = Math.max(largestShort, shortBy);
    shortEntries.push({
      entryId: problem.entryIds[e],
      needed: problem.need[e],
      assignable: assignedPerEntry[e],
      shortBy,
      eligibleJudges: eligible,
    });
  }
  const capacityShortfall = Math.max(0, problem.totalNeed - remainingCapacity);
  const newJudgeCap = judgeMaxLoad !== undefined && judgeMaxLoad > 0 ? judgeMaxLoad : null;
  const additionalJudgesNeeded =
    newJudgeCap === null ? largestShort : Math.max(largestShort, Math.ceil(missing / newJudgeCap));
  const structural = shortEntries.filter((entry) => entry.eligibleJudges < entry.needed);
  const listed = shortEntries
    .slice(0, 10)
    .map(
      (entry) =>
        `"${entry.entryId}" short by ${entry.shortBy} (${describeCount(entry.eligibleJudges, 'eligible judge')} for ${describeCount(entry.needed, 'review')} needed)`,
    )
    .join('; ');
  const more = shortEntries.length > 10 ? `; and ${shortEntries.length - 10} more` : '';
  const reasons: string[] = [];
  if (structural.length > 0) {
    reasons.push(
      `${describeCount(structural.length, 'entry', 'entries')} ${structural.length === 1 ? 'has' : 'have'} fewer non-conflicted judges with spare capacity than the reviews ${structural.length === 1 ? 'it needs' : 'they need'}`,
    );
  }
  if (capacityShortfall > 0) {
    reasons.push(
      `the judges have room for ${describeCount(remainingCapacity, 'more review', 'more reviews')} but ${problem.totalNeed} ${problem.totalNeed === 1 ? 'is' : 'are'} needed (${capacityShortfall} short)`,
    );
  }
  if (reasons.length === 0) {
    reasons.push('the judges who are free of conflicts for these entries do not have enough capacity left');
  }
  const fix =
    newJudgeCap === null
      ? `Adding ${describeCount(additionalJudgesNeeded, 'judge')} free of conflicts with these entries would be enough`
      : `Adding ${describeCount(additionalJudgesNeeded, 'judge')} free of conflicts with these entries (load cap ${newJudgeCap}) would be enough`;
  return new ProposalsDomainError(
    ProposalsErrorCode.ASSIGNMENT_INFEASIBLE,
    `Cannot give every entry ${describeCount(problem.reviewsPerEntry, 'review')}: ${describeCount(missing, 'review')} cannot be assigned because ${reasons.join(', and ')}. ` +
      `Short entries: ${listed}${more}. ${fix}${capacityShortfall > 0 ? `, or raise load caps by ${describeCount(capacityShortfall, 'review')} in total if conflicts allow` : ''}.`,
    {
      reviewsPerEntry: problem.reviewsPerEntry,
      missingReviews: missing,
      additionalJudgesNeeded,
      capacityShortfall,
      remainingCapacity,
      shortEntries,
    },
  );
}
