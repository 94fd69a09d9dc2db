import type { AssignmentProblem } from './assignment-problem';

export interface MaxAssignment {
  /** New assignments per entry (0..need). */
  readonly assignedPerEntry: Int32Array;
  /** Total load per judge, fixed assignments included. */
  readonly load: Int32Array;
  /** The new (entry, judge) pairs as a flat list [e0, j0, e1, j1, ...]. */
  readonly pairs: Int32Array;
  readonly total: number;
}

/**
 * Maximum number of new reviews that fit, by Dinic's algorithm on the bipartite entry→judge graph with every
 * non-blocked pair as an arc. Limits are applied in stages (e.g. the load floor first, then the ceiling): a
 * later stage only augments, and augmenting never lowers a judge's load, so what an earlier stage achieved is
 * kept. That makes the result a feasible start that already meets as much of the floor as possible.
 */
export function maxAssignment(problem: AssignmentProblem, stages: readonly Float64Array[]): MaxAssignment {
  const E = problem.entryCount;
  const J = problem.judgeCount;
  const { blocked, need } = problem;
  const assigned = new Uint8Array(E * J);
  const load = Int32Array.from(problem.fixedLoad);
  const remaining = Int32Array.from(need);
  const judgeEntries: number[][] = Array.from({ length: J }, () => []);
  const levelE = new Int32Array(E);
  const levelJ = new Int32Array(J);
  const pointer = new Int32Array(E);
  const deadJ = new Uint8Array(J);
  const queue = new Int32Array(E + J);
  let total = 0;
  let limit: Float64Array = stages[0] ?? new Float64Array(J);
  let sinkLevel = -1;

  // Entries scan judges from a different starting point each, so the first layer spreads instead of piling up.
  const offset = (e: number): number => (J === 0 ? 0 : Math.imul(e, 7919) % J);

  const bfs = (): boolean => {
    levelE.fill(-1);
    levelJ.fill(-1);
    let head = 0;
    let tail = 0;
    for (let e = 0; e < E; e++) {
      if (remaining[e] > 0) {
        levelE[e] = 0;
        queue[tail++] = e;
      }
    }
    sinkLevel = -1;
    while (head < tail) {
      const node = queue[head++];
      if (node < E) {
        const e = node;
        const level = levelE[e] + 1;
        if (sinkLevel >= 0 && level > sinkLevel) {
          continue;
        }
        const row = e * J;
        for (let j = 0; j < J; j++) {
          if (levelJ[j] >= 0 || blocked[row + j] !== 0 || assigned[row + j] !== 0) {
            continue;
          }
          levelJ[j] = level;
          if (load[j] < limit[j]) {
            sinkLevel = level;
          } else {
            queue[tail++] = E + j;
          }
        }
      } else {
        const j = node - E;
        const level = levelJ[j] + 1;
        if (sinkLevel >= 0 && level >= sinkLevel) {
          continue;
        }
        for (const e of judgeEntries[j]) {
          if (levelE[e] < 0) {
            levelE[e] = level;
            queue[tail++] = e;
          }
        }
      }
    }
    return sinkLevel >= 0;
  };

  const assign = (e: number, j: number): void => {
    assigned[e * J + j] = 1;
    judgeEntries[j].push(e);
  };
  const unassign = (e: number, j: number): void => {
    assigned[e * J + j] = 0;
    const list = judgeEntries[j];
    const at = list.indexOf(e);
    list[at] = list[list.length - 1];
    list.pop();
  };

  // Path lengths are bounded by the BFS depth, which stays small; recursion keeps the augmenting logic plain.
  const dfsEntry = (e: number): boolean => {
    const row = e * J;
    const nextLevel = levelE[e] + 1;
    const start = offset(e);
    for (; pointer[e] < J; pointer[e]++) {
      let j = start + pointer[e];
      if (j >= J) {
        j -= J;
      }
      if (levelJ[j] !== nextLevel || deadJ[j] !== 0 || blocked[row + j] !== 0 || assigned[row + j] !== 0) {
        continue;
      }
      if (nextLevel === sinkLevel) {
        if (load[j] < limit[j]) {
          assign(e, j);
          load[j] += 1;
          return true;
        }
        continue;
      }
      if (dfsJudge(j)) {
        assign(e, j);
        return true;
      }
      deadJ[j] = 1;
    }
    return false;
  };
  const dfsJudge = (j: number): boolean => {
    const list = judgeEntries[j];
    const nextLevel = levelJ[j] + 1;
    for (let i = 0; i < list.length; i++) {
      const other = list[i];
      if (levelE[other] !== nextLevel || pointer[other] >= J) {
        continue;
      }
      if (dfsEntry(other)) {
        unassign(other, j);
        return true;
      }
    }
    return false;
  };

  for (const stage of stages) {
    limit = stage;
    while (bfs()) {
      pointer.fill(0);
      deadJ.fill(0);
      let progressed = false;
      for (let e = 0; e < E; e++) {
        while (remaining[e] > 0 && levelE[e] === 0 && dfsEntry(e)) {
          remaining[e] -= 1;
          total += 1;
          progressed = true;
        }
      }
      if (!progressed) {
        break;
      }
    }
  }

  const assignedPerEntry = new Int32Array(E);
  const pairs: number[] = [];
  for (let j = 0; j < J; j++) {
    for (const e of judgeEntries[j]) {
      assignedPerEntry[e] += 1;
      pairs.push(e, j);
    }
  }
  return { assignedPerEntry, load, pairs: Int32Array.from(pairs), total };
}
