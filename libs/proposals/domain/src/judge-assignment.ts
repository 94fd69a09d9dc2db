import { maxAssignment } from './assignment-max-flow';
import {
  AFFINITY_SCALE,
  AssignmentProblem,
  buildAssignmentProblem,
  findLoadBand,
  infeasibleError,
  LoadBand,
  lowerLimits,
  pairAffinity,
  scaledAffinity,
  upperLimits,
  waterLevel,
} from './assignment-problem';
import { CandidateSolverOptions, solveWithCandidates } from './candidate-flow-solver';
import {
  AssignmentOrigin,
  JudgeAssignmentInput,
  JudgeAssignmentResult,
  JudgeLoad,
  ReviewAssignment,
} from './judge-assignment.types';
import { MinCostFlowNetwork } from './min-cost-flow';
import { ProposalsDomainError } from './proposals.exception';

export type { CandidateSolverOptions } from './candidate-flow-solver';

function largestCap(problem: AssignmentProblem, input: JudgeAssignmentInput): number | undefined {
  if (input.judgeMaxLoad !== undefined) {
    return input.judgeMaxLoad;
  }
  let largest: number | undefined;
  for (const cap of problem.cap) {
    if (Number.isFinite(cap)) {
      largest = Math.max(largest ?? 0, cap);
    }
  }
  return largest;
}

function infeasible(problem: AssignmentProblem, input: JudgeAssignmentInput): ProposalsDomainError {
  // No judge can usefully hold more than every review there is, so this level means "up to each cap".
  const best = maxAssignment(problem, [upperLimits(problem, problem.totalLoad)]);
  return infeasibleError(problem, best.assignedPerEntry, largestCap(problem, input));
}

function buildResult(
  problem: AssignmentProblem,
  band: LoadBand,
  pairs: Int32Array,
  judgePrices: Float64Array,
  optimal: boolean,
  stats: JudgeAssignmentResult['stats'],
): JudgeAssignmentResult {
  const E = problem.entryCount;
  const J = problem.judgeCount;
  const perEntry: ReviewAssignment[][] = Array.from({ length: E }, () => []);
  const load = Int32Array.from(problem.fixedLoad);
  const make = (e: number, j: number, origin: AssignmentOrigin): ReviewAssignment => ({
    entryId: problem.entryIds[e],
    judgeId: problem.judgeIds[j],
    affinity: pairAffinity(problem, e, j),
    origin,
  });
  for (const fixed of problem.fixed) {
    perEntry[fixed.entry].push(make(fixed.entry, fixed.judge, fixed.origin));
  }
  for (let i = 0; i < pairs.length; i += 2) {
    perEntry[pairs[i]].push(make(pairs[i], pairs[i + 1], AssignmentOrigin.AUTOMATIC));
    load[pairs[i + 1]] += 1;
  }
  const assignments = perEntry.flat();
  let totalAffinity = 0;
  for (const assignment of assignments) {
    totalAffinity += assignment.affinity;
  }
  const judgeLoads: JudgeLoad[] = [];
  const prices = new Map<string, number>();
  let balanceShortfall = 0;
  for (let j = 0; j < J; j++) {
    judgeLoads.push({
      judgeId: problem.judgeIds[j],
      load: load[j],
      maxLoad: Number.isFinite(problem.cap[j]) ? problem.cap[j] : null,
    });
    prices.set(problem.judgeIds[j], judgePrices[j]);
    balanceShortfall += Math.max(0, band.lo[j] - load[j]);
  }
  return {
    assignments,
    totalAffinity,
    judgeLoads,
    loadBand: { min: band.min, max: band.max },
    balanceShortfall,
    optimal,
    judgePrices: prices,
    stats,
  };
}

/**
 * Assigns `reviewsPerEntry` distinct, non-conflicted judges to every entry.
 *
 * Objective, in strict priority order:
 * 1. every entry gets its reviews and no judge exceeds their cap (otherwise ASSIGNMENT_INFEASIBLE, explaining
 *    which entries are short and what would fix it);
 * 2. the maximum load is as small as possible: `loadBand.max` is the smallest level L such that a feasible
 *    assignment exists with every judge at or below min(cap, L) (judges already above it through started reviews
 *    just get nothing new). Without conflicts or uneven caps this is ceil(total reviews / judges);
 * 3. as few reviews as possible are missing below the floor `loadBand.min` (the water level the total can lift
 *    every judge to), so nobody idles while others carry the maximum; usually every judge ends in [min, max];
 * 4. total affinity is maximal within those limits.
 *
 * Started reviews are kept and count toward loads; pins are honoured like started reviews. Feasibility and the
 * load band come from Dinic max-flow; the affinity optimum from min-cost flow on a pruned candidate graph that
 * is then proven (or grown until it is) optimal for the full graph via reduced costs.
 */
export function assignJudges(
  input: JudgeAssignmentInput,
  options: CandidateSolverOptions = {},
): JudgeAssignmentResult {
  const problem = buildAssignmentProblem(input);
  const water = waterLevel(problem);
  if (water === null) {
    throw infeasible(problem, input);
  }
  const hi = upperLimits(problem, water.level);
  const floor = lowerLimits(problem, hi);
  let band: LoadBand = { hi, lo: floor.lo, max: water.level, min: floor.level };
  let seed = maxAssignment(problem, [band.lo, band.hi]);
  if (seed.total < problem.totalNeed) {
    const found = findLoadBand(
      problem,
      (limits) => maxAssignment(problem, [limits]).total === problem.totalNeed,
    );
    if (found === null) {
      throw infeasible(problem, input);
    }
    band = found;
    seed = maxAssignment(problem, [band.lo, band.hi]);
  }
  const solved = solveWithCandidates(problem, band, seed, options);
  return buildResult(problem, band, solved.pairs, solved.judgePrices, solved.optimal, {
    solver: 'candidate-graph',
    arcs: solved.arcs,
    rounds: solved.rounds,
  });
}

interface ExactFlow {
  readonly flow: number;
  readonly pairs: Int32Array;
  readonly judgePrices: Float64Array;
}

function exactFlow(problem: AssignmentProblem, band: { hi: Float64Array; lo: Float64Array }): ExactFlow {
  const E = problem.entryCount;
  const J = problem.judgeCount;
  const source = 0;
  const sink = E + J + 1;
  const network = new MinCostFlowNetwork(E + J + 2);
  const bigM = (problem.totalNeed + 1) * AFFINITY_SCALE;
  const arcs: { arc: number; entry: number; judge: number }[] = [];
  for (let e = 0; e < E; e++) {
    if (problem.need[e] === 0) {
      continue;
    }
    network.addArc(source, 1 + e, problem.need[e], 0);
    for (let j = 0; j < J; j++) {
      if (problem.blocked[e * J + j] === 0) {
        const weight = scaledAffinity(pairAffinity(problem, e, j));
        arcs.push({ arc: network.addArc(1 + e, 1 + E + j, 1, -weight), entry: e, judge: j });
      }
    }
  }
  for (let j = 0; j < J; j++) {
    const fixed = problem.fixedLoad[j];
    const lowerSlots = Math.max(0, band.lo[j] - fixed);
    const upperSlots = Math.max(0, band.hi[j] - Math.max(band.lo[j], fixed));
    if (lowerSlots > 0) {
      network.addArc(1 + E + j, sink, lowerSlots, -bigM);
    }
    if (upperSlots > 0) {
      network.addArc(1 + E + j, sink, upperSlots, 0);
    }
  }
  const { flow } = network.solve(source, sink, problem.totalNeed);
  const pairs: number[] = [];
  for (const { arc, entry, judge } of arcs) {
    if (network.flowOn(arc) > 0) {
      pairs.push(entry, judge);
    }
  }
  const judgePrices = new Float64Array(J);
  for (let j = 0; j < J; j++) {
    judgePrices[j] = (network.potential(sink) - network.potential(1 + E + j)) / AFFINITY_SCALE;
  }
  return { flow, pairs: Int32Array.from(pairs), judgePrices };
}

/**
 * Same contract and objective as `assignJudges`, solved by plain min-cost max-flow on the full entry×judge
 * graph, with the load band found by binary search over that same solver. Independent of the fast path's flow
 * code, so it serves as the reference in tests and the benchmark. Cost grows roughly with
 * reviews × entries × judges: fine for a few hundred entries, too slow for thousands.
 */
export function assignJudgesExact(input: JudgeAssignmentInput): JudgeAssignmentResult {
  const problem = buildAssignmentProblem(input);
  const band = findLoadBand(problem, (hi) => exactFlow(problem, { hi, lo: hi }).flow === problem.totalNeed);
  if (band === null) {
    throw infeasible(problem, input);
  }
  const solved = exactFlow(problem, band);
  let arcs = 0;
  for (let e = 0; e < problem.entryCount; e++) {
    for (let j = 0; j < problem.judgeCount; j++) {
      if (problem.need[e] > 0 && problem.blocked[e * problem.judgeCount + j] === 0) {
        arcs += 1;
      }
    }
  }
  return buildResult(problem, band, solved.pairs, solved.judgePrices, true, {
    solver: 'exact',
    arcs,
    rounds: 1,
  });
}
