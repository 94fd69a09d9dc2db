/**
 * Exact maximum-profit assignment of rows (mentees) to capacitated columns (mentors), where a row may also stay
 * unassigned. Internal to the domain: `runFormalMatching` turns profiles into the profit matrix.
 *
 * Algorithm: successive shortest paths with Dijkstra and potentials (the Hungarian method generalised to column
 * capacities). Rows are added one at a time; adding a row changes the optimum by exactly one augmenting path,
 * which may displace earlier rows from column to column or, at the end, out of the assignment. Two choices make
 * it fast for many rows and few columns:
 *
 * - Dijkstra runs over columns only (plus one "unassigned" column, NONE), never over rows. Moving through a full
 *   column `a` to column `b` means moving one of `a`'s rows; with rows always tight on their column, the cheapest
 *   such move is `T[a][b] = min over rows k in a of (profit[k][a] - profit[k][b])`, which does not depend on
 *   prices at all. So `T` is cached per column and recomputed only when that column's membership changes.
 * - Prices are the LP duals of the column capacities: a column's price is 0 until it is full, and prices only
 *   rise. Reduced costs `T[a][b] - price[a] + price[b]` stay non-negative, which is what Dijkstra needs.
 *
 * Profits must be integers (or at least exactly representable sums); then every quantity is exact and the
 * result is optimal, not approximately so. `verifyAssignmentCertificate` checks that independently.
 */

export interface CapacitatedAssignmentProblem {
  readonly rows: number;
  readonly columns: number;
  /** Row-major `rows * columns`; `-Infinity` where a pair is forbidden. Finite entries must be positive. */
  readonly profit: Float64Array;
  readonly capacity: Int32Array;
  /**
   * Order in which rows join (default: index order). Any order gives the same optimal total; rows with the best
   * profits first need fewer and shorter displacement chains later (about 40% less work on realistic cohorts).
   */
  readonly order?: Int32Array;
}

export interface CapacitatedAssignmentSolution {
  /** Column of each row, or -1 when the row stays unassigned. */
  readonly columnOf: Int32Array;
  /** Dual price per column; a certificate of optimality together with `columnOf`. */
  readonly prices: Float64Array;
  readonly stats: { readonly settledColumns: number; readonly columnRecomputations: number };
}

/** Caching `T` costs 12 bytes per column pair; past this many columns, moves are priced on the fly instead. */
const MAX_CACHED_COLUMNS = 2048;

export function solveCapacitatedAssignment(
  problem: CapacitatedAssignmentProblem,
  maxCachedColumns: number = MAX_CACHED_COLUMNS,
): CapacitatedAssignmentSolution {
  const { rows: n, columns: m, profit, capacity } = problem;
  const NONE = m;
  const width = m + 1;

  const columnOf = new Int32Array(n).fill(-1);
  const price = new Float64Array(width);
  const count = new Int32Array(m);
  const memberStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j += 1) memberStart[j + 1] = memberStart[j] + Math.max(0, capacity[j]);
  const members = new Int32Array(memberStart[m]);
  const slotOf = new Int32Array(n);

  const cached = m <= maxCachedColumns;
  const moveCost = new Float64Array(cached ? m * width : 0);
  const moveRow = new Int32Array(cached ? m * width : 0);
  const stale = new Uint8Array(m).fill(1);

  const dist = new Float64Array(width);
  const done = new Uint8Array(width);
  const pred = new Int32Array(width);
  const predRow = new Int32Array(width);
  const settled = new Int32Array(width);

  let settledColumns = 0;
  let columnRecomputations = 0;

  const isTerminal = (column: number): boolean => column === NONE || count[column] < capacity[column];
  // Among equally short candidates, settling a terminal first ends the search sooner; then the lower index
  // (so a real mentor before NONE), which keeps runs deterministic.
  const preferOnTie = (candidate: number, current: number): boolean => {
    const candidateEnds = isTerminal(candidate);
    return candidateEnds !== isTerminal(current) ? candidateEnds : candidate < current;
  };

  const recompute = (a: number): void => {
    const offset = a * width;
    moveCost.fill(Infinity, offset, offset + width);
    for (let s = memberStart[a], end = memberStart[a] + count[a]; s < end; s += 1) {
      const k = members[s];
      const rowBase = k * m;
      const own = profit[rowBase + a];
      for (let b = 0; b < m; b += 1) {
        const value = own - profit[rowBase + b];
        if (value < moveCost[offset + b]) {
          moveCost[offset + b] = value;
          moveRow[offset + b] = k;
        }
      }
      if (own < moveCost[offset + NONE]) {
        moveCost[offset + NONE] = own;
        moveRow[offset + NONE] = k;
      }
    }
    stale[a] = 0;
    columnRecomputations += 1;
  };

  const place = (k: number, column: number): void => {
    if (column === NONE) {
      columnOf[k] = -1;
      return;
    }
    const slot = memberStart[column] + count[column];
    members[slot] = k;
    slotOf[k] = slot;
    count[column] += 1;
    columnOf[k] = column;
    stale[column] = 1;
  };

  const remove = (k: number, column: number): void => {
    const last = memberStart[column] + count[column] - 1;
    const slot = slotOf[k];
    const moved = members[last];
    members[slot] = moved;
    slotOf[moved] = slot;
    count[column] -= 1;
    stale[column] = 1;
  };

  const { order } = problem;
  for (let step = 0; step < n; step += 1) {
    const i = order === undefined ? step : order[step];
    const rowBase = i * m;
    let best = 0;
    for (let j = 0; j < m; j += 1) {
      const gain = profit[rowBase + j] - price[j];
      if (gain > best) best = gain;
    }
    // Distances are how much of the row's best achievable profit a path gives up.
    let minD = best;
    let minAt = NONE;
    dist[NONE] = best;
    pred[NONE] = -1;
    done[NONE] = 0;
    for (let j = 0; j < m; j += 1) {
      const w = profit[rowBase + j];
      const d = w === -Infinity ? Infinity : best - w + price[j];
      dist[j] = d;
      pred[j] = -1;
      done[j] = 0;
      if (d < minD || (d === minD && d !== Infinity && preferOnTie(j, minAt))) {
        minD = d;
        minAt = j;
      }
    }

    let settledCount = 0;
    let terminal = NONE;
    let u = minAt;
    for (;;) {
      done[u] = 1;
      settled[settledCount] = u;
      settledCount += 1;
      if (isTerminal(u)) {
        terminal = u;
        break;
      }
      const base = dist[u] - price[u];
      let nextD = Infinity;
      let nextAt = -1;
      if (cached) {
        if (stale[u] === 1) recompute(u);
        const offset = u * width;
        for (let b = 0; b < width; b += 1) {
          if (done[b] === 1) continue;
          const nd = base + moveCost[offset + b] + price[b];
          if (nd < dist[b]) {
            dist[b] = nd;
            pred[b] = u;
            predRow[b] = moveRow[offset + b];
          }
          const d = dist[b];
          if (d < nextD || (d === nextD && d !== Infinity && preferOnTie(b, nextAt))) {
            nextD = d;
            nextAt = b;
          }
        }
      } else {
        for (let s = memberStart[u], end = memberStart[u] + count[u]; s < end; s += 1) {
          const k = members[s];
          const kBase = k * m;
          const own = base + profit[kBase + u];
          for (let b = 0; b < m; b += 1) {
            if (done[b] === 1) continue;
            const nd = own - profit[kBase + b] + price[b];
            if (nd < dist[b]) {
              dist[b] = nd;
              pred[b] = u;
              predRow[b] = k;
            }
          }
          if (done[NONE] === 0 && own < dist[NONE]) {
            dist[NONE] = own;
            pred[NONE] = u;
            predRow[NONE] = k;
          }
        }
        for (let b = 0; b < width; b += 1) {
          if (done[b] === 1) continue;
          const d = dist[b];
          if (d < nextD || (d === nextD && d !== Infinity && preferOnTie(b, nextAt))) {
            nextD = d;
            nextAt = b;
          }
        }
      }
      u = nextAt;
    }
    settledColumns += settledCount;

    const shortest = dist[terminal];
    for (let s = 0; s < settledCount; s += 1) {
      const column = settled[s];
      if (dist[column] < shortest) price[column] += shortest - dist[column];
    }

    let v = terminal;
    for (;;) {
      const from = pred[v];
      if (from === -1) {
        place(i, v);
        break;
      }
      const k = predRow[v];
      remove(k, from);
      place(k, v);
      v = from;
    }
  }

  return { columnOf, prices: price.subarray(0, m), stats: { settledColumns, columnRecomputations } };
}

export type CertificateCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Linear-programming optimality certificate, independent of how the solution was found: with row values
 * `u[i] = max(0, max_j profit[i][j] - price[j])`, the assignment is optimal iff prices are non-negative, a
 * column with a positive price is full, no column is over capacity, every assigned row earns exactly `u[i]` on
 * its column and every unassigned row has `u[i] = 0` (complementary slackness; the LP is integral).
 */
export function verifyAssignmentCertificate(
  problem: CapacitatedAssignmentProblem,
  solution: Pick<CapacitatedAssignmentSolution, 'columnOf' | 'prices'>,
): CertificateCheck {
  const { rows: n, columns: m, profit, capacity } = problem;
  const { columnOf, prices } = solution;
  const count = new Int32Array(m);
  for (let i = 0; i < n; i += 1) if (columnOf[i] >= 0) count[columnOf[i]] += 1;
  for (let j = 0; j < m; j += 1) {
    if (prices[j] < 0) return { ok: false, reason: `column ${j} has a negative price` };
    if (count[j] > capacity[j]) return { ok: false, reason: `column ${j} is over capacity` };
    if (prices[j] > 0 && count[j] < capacity[j])
      return { ok: false, reason: `column ${j} is priced but not full` };
  }
  for (let i = 0; i < n; i += 1) {
    let best = 0;
    for (let j = 0; j < m; j += 1) {
      const gain = profit[i * m + j] - prices[j];
      if (gain > best) best = gain;
    }
    const column = columnOf[i];
    if (column === -1) {
      if (best !== 0) return { ok: false, reason: `row ${i} is unassigned but could gain ${best}` };
    } else if (profit[i * m + column] === -Infinity) {
      return { ok: false, reason: `row ${i} is assigned to forbidden column ${column}` };
    } else if (profit[i * m + column] - prices[column] !== best) {
      return { ok: false, reason: `row ${i} is not on its best column` };
    }
  }
  return { ok: true };
}
