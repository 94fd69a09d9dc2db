import type { MaxAssignment } from './assignment-max-flow';
import {
  AFFINITY_SCALE,
  AssignmentProblem,
  fillAffinityRow,
  LoadBand,
  pairAffinity,
  scaledAffinity,
} from './assignment-problem';

export interface CandidateSolverOptions {
  /** Best judges kept per entry beyond the reviews it needs. */
  readonly extraPerEntry?: number;
  /** Best entries kept per judge beyond the reviews they can still take. */
  readonly extraPerJudge?: number;
  /** Pricing rounds that add single arcs before entries that still price out get all of theirs. */
  readonly maxRounds?: number;
  /**
   * Seed the candidate graph with a max-flow solution so it is feasible from the start (default true). Turning
   * it off only exercises the recovery path that grows the graph when a review cannot be routed.
   */
  readonly includeFeasibleStart?: boolean;
}

export interface CandidateSolveResult {
  /** New assignments as a flat list [e0, j0, e1, j1, ...]. */
  readonly pairs: Int32Array;
  readonly load: Int32Array;
  /** LP dual price per judge, in affinity units. */
  readonly judgePrices: Float64Array;
  /** Reviews by which judges stay below their floor. */
  readonly shortfall: number;
  readonly optimal: boolean;
  readonly arcs: number;
  readonly rounds: number;
}

/** Growable binary min-heap of (key, node) pairs with lazy deletion, typed arrays for speed. */
class NodeHeap {
  private keys = new Float64Array(1024);
  private nodes = new Int32Array(1024);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= key) {
        break;
      }
      this.keys[i] = this.keys[parent];
      this.nodes[i] = this.nodes[parent];
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  topKey(): number {
    return this.keys[0];
  }

  pop(): number {
    const top = this.nodes[0];
    const last = --this.size;
    const key = this.keys[last];
    const node = this.nodes[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) {
        break;
      }
      if (child + 1 < last && this.keys[child + 1] < this.keys[child]) {
        child += 1;
      }
      if (this.keys[child] >= key) {
        break;
      }
      this.keys[i] = this.keys[child];
      this.nodes[i] = this.nodes[child];
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    return top;
  }
}

/** Fixed-capacity min-heaps used to keep the K largest keys of a stream. */
class TopK {
  readonly keys: Float64Array;
  readonly items: Int32Array;
  readonly sizes: Int32Array;

  constructor(
    groups: number,
    private readonly capacities: Int32Array,
    private readonly starts: Int32Array,
  ) {
    const total = starts[groups];
    this.keys = new Float64Array(total);
    this.items = new Int32Array(total);
    this.sizes = new Int32Array(groups);
  }

  offer(group: number, key: number, item: number): void {
    const capacity = this.capacities[group];
    if (capacity === 0) {
      return;
    }
    const base = this.starts[group];
    const size = this.sizes[group];
    if (size < capacity) {
      let i = size;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.keys[base + parent] <= key) {
          break;
        }
        this.keys[base + i] = this.keys[base + parent];
        this.items[base + i] = this.items[base + parent];
        i = parent;
      }
      this.keys[base + i] = key;
      this.items[base + i] = item;
      this.sizes[group] = size + 1;
      return;
    }
    if (key <= this.keys[base]) {
      return;
    }
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && this.keys[base + child + 1] < this.keys[base + child]) {
        child += 1;
      }
      if (this.keys[base + child] >= key) {
        break;
      }
      this.keys[base + i] = this.keys[base + child];
      this.items[base + i] = this.items[base + child];
      i = child;
    }
    this.keys[base + i] = key;
    this.items[base + i] = item;
  }
}

/** Cheap deterministic hash to break affinity ties differently per pair, spreading zero-affinity picks. */
function tieBreak(e: number, j: number): number {
  let h = Math.imul(e + 1, 0x9e3779b1) ^ Math.imul(j + 1, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) & 0xfffff;
}

const TIE_RANGE = 0x100000;

/** Initial candidate sets: each entry's best judges, each judge's best entries, and a known-feasible start. */
function initialCandidates(
  problem: AssignmentProblem,
  band: LoadBand,
  seed: MaxAssignment,
  extraPerEntry: number,
  extraPerJudge: number,
  includeFeasibleStart: boolean,
): number[][] {
  const E = problem.entryCount;
  const J = problem.judgeCount;
  const entryCapacity = new Int32Array(E);
  const entryStart = new Int32Array(E + 1);
  for (let e = 0; e < E; e++) {
    entryCapacity[e] = problem.need[e] > 0 ? problem.need[e] + extraPerEntry : 0;
    entryStart[e + 1] = entryStart[e] + entryCapacity[e];
  }
  const judgeCapacity = new Int32Array(J);
  const judgeStart = new Int32Array(J + 1);
  for (let j = 0; j < J; j++) {
    const room = band.hi[j] - problem.fixedLoad[j];
    judgeCapacity[j] = room > 0 ? Math.min(E, room + extraPerJudge) : 0;
    judgeStart[j + 1] = judgeStart[j] + judgeCapacity[j];
  }
  const byEntry = new TopK(E, entryCapacity, entryStart);
  const byJudge = new TopK(J, judgeCapacity, judgeStart);
  const counts = new Int32Array(J);
  const row = new Float64Array(J);
  for (let e = 0; e < E; e++) {
    if (problem.need[e] === 0) {
      continue;
    }
    fillAffinityRow(problem, e, counts, row);
    const base = e * J;
    for (let j = 0; j < J; j++) {
      if (problem.blocked[base + j] !== 0) {
        continue;
      }
      const key = row[j] * TIE_RANGE + tieBreak(e, j);
      byEntry.offer(e, key, j);
      byJudge.offer(j, key, e);
    }
  }
  const candidates: number[][] = Array.from({ length: E }, () => []);
  const mark = new Int32Array(J).fill(-1);
  for (let e = 0; e < E; e++) {
    for (let i = 0; i < byEntry.sizes[e]; i++) {
      candidates[e].push(byEntry.items[entryStart[e] + i]);
    }
  }
  for (let j = 0; j < J; j++) {
    for (let i = 0; i < byJudge.sizes[j]; i++) {
      candidates[byJudge.items[judgeStart[j] + i]].push(j);
    }
  }
  if (includeFeasibleStart) {
    for (let i = 0; i < seed.pairs.length; i += 2) {
      candidates[seed.pairs[i]].push(seed.pairs[i + 1]);
    }
  }
  // The three sources overlap; an arc listed twice would be two parallel arcs in the flow.
  for (let e = 0; e < E; e++) {
    const unique: number[] = [];
    for (const j of candidates[e]) {
      if (mark[j] !== e) {
        mark[j] = e;
        unique.push(j);
      }
    }
    candidates[e] = unique;
  }
  return candidates;
}

/** Marks a judge reached from the sink, i.e. by giving back one of its reviews. */
const FROM_SINK = -1;

/**
 * Min-cost flow state on the candidate graph. Nodes are entries, judges and the sink T. Costs: entry→judge
 * −affinity (scaled), judge→T −M for the slots up to the judge's floor and 0 above it, so meeting the floor
 * always wins over affinity. Reduced costs c + π(u) − π(v) stay non-negative on every residual arc, which is
 * what lets Dijkstra find cheapest augmenting paths and what certifies optimality at the end.
 *
 * Besides plain augmentation (entry with unmet need → T), the state supports re-opening an entry: its reviews
 * are withdrawn while the judges keep their sink flow (they become "deficit" nodes that must receive a review
 * back) and the entry's potential is raised until all its arcs are non-negative again. That is how arcs are
 * added without re-solving from scratch.
 */
class CandidateFlow {
  private start: Int32Array;
  private judgeOf: Int32Array;
  private entryOf: Int32Array;
  private weight: Float64Array;
  private assigned: Uint8Array;
  readonly load: Int32Array;
  private readonly deficit: Int32Array;
  private readonly remaining: Int32Array;
  readonly potential: Float64Array;
  private readonly slotStart: Int32Array;
  private readonly slots: Int32Array;
  private readonly slotCount: Int32Array;
  private readonly dist: Float64Array;
  private readonly seen: Int32Array;
  private readonly done: Int32Array;
  private readonly pred: Int32Array;
  private readonly settled: Int32Array;
  private readonly heap = new NodeHeap();
  private readonly sink: number;
  private sinkFlow = 0;
  private sinkIsTerminal = true;
  private stamp = 0;
  private settledCount = 0;

  constructor(
    private readonly problem: AssignmentProblem,
    private readonly band: LoadBand,
    private readonly bigM: number,
    readonly candidates: number[][],
  ) {
    const E = problem.entryCount;
    const J = problem.judgeCount;
    this.sink = E + J;
    const nodes = E + J + 1;
    this.start = new Int32Array(E + 1);
    this.judgeOf = new Int32Array(0);
    this.entryOf = new Int32Array(0);
    this.weight = new Float64Array(0);
    this.assigned = new Uint8Array(0);
    this.load = Int32Array.from(problem.fixedLoad);
    this.deficit = new Int32Array(J);
    this.remaining = Int32Array.from(problem.need);
    this.potential = new Float64Array(nodes);
    this.slotStart = new Int32Array(J + 1);
    for (let j = 0; j < J; j++) {
      this.slotStart[j + 1] = this.slotStart[j] + Math.max(0, band.hi[j] - problem.fixedLoad[j]);
    }
    this.slots = new Int32Array(this.slotStart[J]);
    this.slotCount = new Int32Array(J);
    this.dist = new Float64Array(nodes);
    this.seen = new Int32Array(nodes);
    this.done = new Int32Array(nodes);
    this.pred = new Int32Array(nodes);
    this.settled = new Int32Array(nodes);
    this.rebuild();
    // Judges start at 0 and every entry above its best arc; T sits at −M when some floor slot exists, which
    // makes both tiers of every judge→T arc non-negative.
    for (let e = 0; e < E; e++) {
      this.raiseEntryPotential(e);
    }
    let anyFloor = false;
    for (let j = 0; j < J; j++) {
      anyFloor ||= band.lo[j] > problem.fixedLoad[j];
    }
    this.potential[this.sink] = anyFloor ? -bigM : 0;
  }

  get arcCount(): number {
    return this.judgeOf.length;
  }

  /**
   * Re-lays the arrays after candidate lists grew. Lists only grow at their end, so an old arc keeps its offset
   * within its entry's range and assignment state can be carried over.
   */
  private rebuild(): void {
    const E = this.problem.entryCount;
    const oldStart = this.start;
    const oldAssigned = this.assigned;
    const oldEntry = this.entryOf;
    const start = new Int32Array(E + 1);
    for (let e = 0; e < E; e++) {
      start[e + 1] = start[e] + this.candidates[e].length;
    }
    const arcs = start[E];
    const judgeOf = new Int32Array(arcs);
    const entryOf = new Int32Array(arcs);
    const weight = new Float64Array(arcs);
    const assigned = new Uint8Array(arcs);
    for (let e = 0; e < E; e++) {
      const list = this.candidates[e];
      const oldCount = oldAssigned.length === 0 ? 0 : oldStart[e + 1] - oldStart[e];
      for (let i = 0; i < list.length; i++) {
        const a = start[e] + i;
        judgeOf[a] = list[i];
        entryOf[a] = e;
        weight[a] =
          i < oldCount
            ? this.weight[oldStart[e] + i]
            : scaledAffinity(pairAffinity(this.problem, e, list[i]));
        if (i < oldCount) {
          assigned[a] = oldAssigned[oldStart[e] + i];
        }
      }
    }
    for (let s = 0; s < this.slots.length; s++) {
      // Only live slots matter, but remapping all is harmless and simpler.
      const old = this.slots[s];
      if (old < oldEntry.length) {
        const e = oldEntry[old];
        this.slots[s] = start[e] + (old - oldStart[e]);
      }
    }
    this.start = start;
    this.judgeOf = judgeOf;
    this.entryOf = entryOf;
    this.weight = weight;
    this.assigned = assigned;
  }

  /** Lifts π(e) until every arc out of e has a non-negative reduced cost. Only valid while no arc enters e. */
  private raiseEntryPotential(e: number): void {
    const E = this.problem.entryCount;
    for (let a = this.start[e]; a < this.start[e + 1]; a++) {
      const needed = this.weight[a] + this.potential[E + this.judgeOf[a]];
      if (needed > this.potential[e]) {
        this.potential[e] = needed;
      }
    }
  }

  private addSlot(j: number, arc: number): void {
    this.slots[this.slotStart[j] + this.slotCount[j]++] = arc;
  }

  private removeSlot(j: number, arc: number): void {
    const from = this.slotStart[j];
    const last = from + --this.slotCount[j];
    for (let s = from; s <= last; s++) {
      if (this.slots[s] === arc) {
        this.slots[s] = this.slots[last];
        return;
      }
    }
  }

  /** Appends arcs (entry, judge) and re-opens their entries so the new arcs can be used optimally. */
  extend(additions: readonly (readonly [number, number])[]): void {
    const touched = new Set<number>();
    for (const [e, j] of additions) {
      this.candidates[e].push(j);
      touched.add(e);
    }
    this.rebuild();
    for (const e of touched) {
      this.reopen(e);
    }
  }

  private reopen(e: number): void {
    for (let a = this.start[e]; a < this.start[e + 1]; a++) {
      if (this.assigned[a] !== 0) {
        const j = this.judgeOf[a];
        this.assigned[a] = 0;
        this.removeSlot(j, a);
        this.deficit[j] += 1;
        this.remaining[e] += 1;
      }
    }
    // No assigned arc enters e any more, so its potential may rise freely.
    this.raiseEntryPotential(e);
  }

  /** Routes every unmet review. Returns the entries a failed search reached, or null when all were routed. */
  routeAll(): number[] | null {
    for (let e = 0; e < this.problem.entryCount; e++) {
      while (this.remaining[e] > 0) {
        if (!this.augmentFrom(e)) {
          const reached: number[] = [];
          for (let i = 0; i < this.settledCount; i++) {
            if (this.settled[i] < this.problem.entryCount) {
              reached.push(this.settled[i]);
            }
          }
          return reached;
        }
      }
    }
    return null;
  }

  private relax(node: number, distance: number, via: number): void {
    // While the sink is a terminal, nothing at or beyond its tentative distance can be settled before the
    // search ends, so it need not enter the heap.
    if (
      this.sinkIsTerminal &&
      node !== this.sink &&
      this.seen[this.sink] === this.stamp &&
      distance >= this.dist[this.sink]
    ) {
      return;
    }
    if (this.seen[node] !== this.stamp || distance < this.dist[node]) {
      this.seen[node] = this.stamp;
      this.dist[node] = distance;
      this.pred[node] = via;
      this.heap.push(distance, node);
    }
  }

  /**
   * One Dijkstra on reduced costs from `source`, stopping at the first settled terminal: T while it still
   * accepts flow, or a judge owed a review. Only settled nodes move their potential (π += d − d_terminal): the
   * Jonker–Volgenant early-exit update, which keeps every reduced cost non-negative.
   */
  private augmentFrom(source: number): boolean {
    const E = this.problem.entryCount;
    const J = this.problem.judgeCount;
    const T = this.sink;
    const { start, judgeOf, entryOf, weight, assigned, potential, dist, done, load, deficit } = this;
    const { hi, lo } = this.band;
    const fixedLoad = this.problem.fixedLoad;
    const bigM = this.bigM;
    const sinkAccepts = this.sinkFlow < this.problem.totalNeed;
    this.sinkIsTerminal = sinkAccepts;
    const stamp = ++this.stamp;
    const heap = this.heap;
    heap.clear();
    this.settledCount = 0;
    this.relax(source, 0, FROM_SINK);
    let terminal = -1;
    while (heap.size > 0) {
      const d = heap.topKey();
      const v = heap.pop();
      if (done[v] === stamp || d > dist[v]) {
        continue;
      }
      done[v] = stamp;
      this.settled[this.settledCount++] = v;
      const pv = potential[v];
      if (v < E) {
        for (let a = start[v]; a < start[v + 1]; a++) {
          if (assigned[a] !== 0) {
            continue;
          }
          const w = E + judgeOf[a];
          if (done[w] !== stamp) {
            this.relax(w, d + pv - potential[w] - weight[a], a);
          }
        }
      } else if (v < T) {
        const j = v - E;
        if (deficit[j] > 0) {
          terminal = v;
          break;
        }
        if (load[j] < hi[j] && done[T] !== stamp) {
          const cost = load[j] < lo[j] ? -bigM : 0;
          this.relax(T, d + cost + pv - potential[T], j);
        }
        for (let s = this.slotStart[j], end = s + this.slotCount[j]; s < end; s++) {
          const a = this.slots[s];
          const w = entryOf[a];
          if (done[w] !== stamp) {
            this.relax(w, d + pv - potential[w] + weight[a], a);
          }
        }
      } else {
        if (sinkAccepts) {
          terminal = v;
          break;
        }
        // Giving back one of a judge's reviews: cancel its most expensive sink slot first.
        for (let j = 0; j < J; j++) {
          const w = E + j;
          if (load[j] > fixedLoad[j] && done[w] !== stamp) {
            const cost = load[j] > lo[j] ? 0 : bigM;
            this.relax(w, d + cost + pv - potential[w], FROM_SINK);
          }
        }
      }
    }
    if (terminal < 0) {
      return false;
    }
    const reach = dist[terminal];
    for (let i = 0; i < this.settledCount; i++) {
      const v = this.settled[i];
      potential[v] += dist[v] - reach;
    }
    let j: number;
    if (terminal === T) {
      j = this.pred[T];
      load[j] += 1;
      this.sinkFlow += 1;
    } else {
      j = terminal - E;
      deficit[j] -= 1;
    }
    for (;;) {
      const via = this.pred[E + j];
      if (via === FROM_SINK) {
        load[j] -= 1;
        j = this.pred[T];
        load[j] += 1;
        continue;
      }
      assigned[via] = 1;
      this.addSlot(j, via);
      const e = entryOf[via];
      if (e === source) {
        this.remaining[e] -= 1;
        return true;
      }
      const back = this.pred[e];
      const previous = judgeOf[back];
      assigned[back] = 0;
      this.removeSlot(previous, back);
      j = previous;
    }
  }

  /** Unselected pairs whose reduced cost is negative, i.e. that could still raise the total affinity. */
  priceOut(): [number, number][] {
    const E = this.problem.entryCount;
    const J = this.problem.judgeCount;
    const { problem, potential } = this;
    const counts = new Int32Array(J);
    const row = new Float64Array(J);
    const isCandidate = new Int32Array(J).fill(-1);
    const violations: [number, number][] = [];
    for (let e = 0; e < E; e++) {
      if (problem.need[e] === 0) {
        continue; // no supply and no assigned arcs: no improving cycle can pass through it
      }
      for (const j of this.candidates[e]) {
        isCandidate[j] = e;
      }
      fillAffinityRow(problem, e, counts, row);
      const base = e * J;
      const pe = potential[e];
      for (let j = 0; j < J; j++) {
        if (isCandidate[j] !== e && problem.blocked[base + j] === 0 && pe - potential[E + j] - row[j] < 0) {
          violations.push([e, j]);
        }
      }
    }
    return violations;
  }

  /** Every still-missing arc of the given entries. */
  missingArcs(entries: Iterable<number>): [number, number][] {
    const J = this.problem.judgeCount;
    const arcs: [number, number][] = [];
    const isCandidate = new Int32Array(J).fill(-1);
    for (const e of entries) {
      for (const j of this.candidates[e]) {
        isCandidate[j] = e;
      }
      for (let j = 0; j < J; j++) {
        if (isCandidate[j] !== e && this.problem.blocked[e * J + j] === 0) {
          arcs.push([e, j]);
        }
      }
    }
    return arcs;
  }

  assignedPairs(): Int32Array {
    const pairs: number[] = [];
    for (let a = 0; a < this.judgeOf.length; a++) {
      if (this.assigned[a] !== 0) {
        pairs.push(this.entryOf[a], this.judgeOf[a]);
      }
    }
    return Int32Array.from(pairs);
  }
}

/**
 * Exact maximum-affinity assignment within the load band. Solves min-cost flow on a pruned candidate graph
 * (each entry's best judges, each judge's best entries, plus a max-flow solution so the graph is feasible),
 * then prices every pair left out with the final potentials. A negative reduced cost means the pair could
 * help: it is added, only the entries concerned are re-opened and re-routed, and pricing repeats. When nothing
 * prices out, the potentials are an LP dual certificate that the result is optimal on the full graph. After
 * `maxRounds` rounds, entries that still price out get all their arcs, which bounds the number of rounds.
 */
export function solveWithCandidates(
  problem: AssignmentProblem,
  band: LoadBand,
  seed: MaxAssignment,
  options: CandidateSolverOptions = {},
): CandidateSolveResult {
  const extraPerEntry = options.extraPerEntry ?? 8;
  const extraPerJudge = options.extraPerJudge ?? 8;
  const maxRounds = options.maxRounds ?? 8;
  const E = problem.entryCount;
  const J = problem.judgeCount;
  const bigM = (problem.totalNeed + 1) * AFFINITY_SCALE;
  const flow = new CandidateFlow(
    problem,
    band,
    bigM,
    initialCandidates(
      problem,
      band,
      seed,
      extraPerEntry,
      extraPerJudge,
      options.includeFeasibleStart ?? true,
    ),
  );
  let rounds = 0;
  for (;;) {
    rounds += 1;
    const stuck = flow.routeAll();
    if (stuck !== null) {
      const arcs = flow.missingArcs(stuck);
      if (arcs.length === 0) {
        // The band came from a max-flow feasibility check, so the full graph must be routable.
        throw new Error('Judge assignment: a review that max-flow placed could not be routed.');
      }
      flow.extend(arcs);
      continue;
    }
    const violations = flow.priceOut();
    if (violations.length === 0) {
      break;
    }
    flow.extend(rounds < maxRounds ? violations : flow.missingArcs(new Set(violations.map(([e]) => e))));
  }
  const judgePrices = new Float64Array(J);
  let shortfall = 0;
  for (let j = 0; j < J; j++) {
    judgePrices[j] = (flow.potential[E + J] - flow.potential[E + j]) / AFFINITY_SCALE;
    shortfall += Math.max(0, band.lo[j] - flow.load[j]);
  }
  return {
    pairs: flow.assignedPairs(),
    load: flow.load,
    judgePrices,
    shortfall,
    optimal: true,
    arcs: flow.arcCount,
    rounds,
  };
}
