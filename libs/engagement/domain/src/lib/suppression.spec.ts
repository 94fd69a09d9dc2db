import { releaseBeside, releaseCount, releasedRate, suppressLine, type ReleasedLine } from './suppression';

/** Every assignment of `sum` to `slots` cells, each within [min, max]. */
function* compositions(slots: number, sum: number, min: number, max: number): Generator<number[]> {
  if (slots === 0) {
    if (sum === 0) yield [];
    return;
  }
  for (let value = min; value <= Math.min(max, sum); value++) {
    for (const rest of compositions(slots - 1, sum - value, min, max)) yield [value, ...rest];
  }
}

/**
 * The reader of a released line: sees the published cells and the total, and knows every hidden cell is a
 * non-negative integer, at least 1 unless the line hides zeros (we even tell the reader whether it does).
 * Returns, per hidden cell, every value it can take.
 */
function candidatesFor(line: ReleasedLine, counts: readonly number[]): Map<number, Set<number>> {
  const hiddenAt = line.cells.flatMap((cell, index) => (cell.suppressed ? [index] : []));
  const values = new Map(hiddenAt.map((index) => [index, new Set<number>()]));
  if (line.total.count === null) return values;
  const publishedSum = line.cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0);
  const sum = line.total.count - publishedSum;
  const minimum = hiddenAt.some((index) => counts[index] === 0) ? 0 : 1;
  if (hiddenAt.length <= 4) {
    for (const guess of compositions(hiddenAt.length, sum, minimum, sum)) {
      hiddenAt.forEach((index, slot) => values.get(index)?.add(guess[slot] ?? 0));
    }
    return values;
  }
  // larger lines: every value between the cell's bounds is reachable (the others absorb the rest)
  for (const index of hiddenAt) {
    for (let value = minimum; value <= sum - (hiddenAt.length - 1) * minimum; value++)
      values.get(index)?.add(value);
  }
  return values;
}

/**
 * The one line no cell suppression protects: every group holds exactly one member and none is empty, so the
 * published total equals the number of groups. It is left out on purpose, and docs/engagement.md says so.
 */
function everyGroupOne(counts: readonly number[]): boolean {
  return counts.length > 1 && counts.every((count) => count === 1);
}

function revealedSmallCells(counts: number[], threshold: number): string[] {
  if (everyGroupOne(counts)) return [];
  const line = suppressLine(counts, threshold);
  const problems: string[] = [];
  if (line.total.count === null) {
    // a small total: nothing in the line is published (its total is small wherever else it appears too)
    if (line.cells.some((cell) => !cell.suppressed))
      problems.push(`[${counts.join(', ')}]: a cell beside a hidden total`);
    return problems;
  }
  for (const [index, values] of candidatesFor(line, counts)) {
    const actual = counts[index] ?? 0;
    if (line.total.count !== null && !values.has(actual)) {
      problems.push(`cell ${index} of [${counts.join(', ')}]: the true value ${actual} was not a candidate`);
    }
    if (values.size === 1 && actual < threshold) {
      problems.push(
        `cell ${index} of [${counts.join(', ')}] is recovered as ${actual} (threshold ${threshold})`,
      );
    }
  }
  // nothing below the threshold is ever published (zero excepted)
  line.cells.forEach((cell, index) => {
    if (cell.count !== null && cell.count > 0 && cell.count < threshold) {
      problems.push(`cell ${index} of [${counts.join(', ')}] published as ${cell.count}`);
    }
  });
  if (line.total.count !== null && line.total.count > 0 && line.total.count < threshold) {
    problems.push(`total of [${counts.join(', ')}] published`);
  }
  return problems;
}

function* allLines(length: number, max: number): Generator<number[]> {
  if (length === 0) {
    yield [];
    return;
  }
  for (const rest of allLines(length - 1, max)) {
    for (let value = 0; value <= max; value++) yield [value, ...rest];
  }
}

/** mulberry32: a small seeded generator, so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('suppressLine', () => {
  it('publishes a line with no small cell as it is', () => {
    expect(suppressLine([5, 0, 12], 5)).toEqual({
      cells: [
        { count: 5, suppressed: false },
        { count: 0, suppressed: false },
        { count: 12, suppressed: false },
      ],
      total: { count: 17, suppressed: false },
    });
  });

  it('hides the first other non-zero cell beside a single small one', () => {
    const line = suppressLine([3, 0, 9, 7], 5);
    expect(line.cells.map((cell) => cell.count)).toEqual([null, 0, null, 7]);
    expect(line.total.count).toBe(19);
  });

  it('hides a third cell when the hidden ones would all be 1', () => {
    const line = suppressLine([1, 1, 8, 6], 5);
    expect(line.cells.map((cell) => cell.count)).toEqual([null, null, null, 6]);
  });

  it('hides zeros too when every non-zero cell is a hidden 1', () => {
    const line = suppressLine([1, 1, 1, 1, 1, 0], 5);
    expect(line.cells.every((cell) => cell.suppressed)).toBe(true);
    expect(line.total.count).toBe(5);
  });

  it('hides the total and every non-zero cell when the total is small', () => {
    const line = suppressLine([2, 0, 1], 5);
    expect(line).toEqual({
      cells: [
        { count: null, suppressed: true },
        { count: null, suppressed: true },
        { count: null, suppressed: true },
      ],
      total: { count: null, suppressed: true },
    });
  });

  it('refuses a threshold that protects nothing', () => {
    expect(() => suppressLine([1], 2)).toThrow(/at least 3/);
  });

  for (const [threshold, longest] of [
    [3, 4],
    [5, 4],
  ] as const) {
    it(`never lets a small cell be recovered: every line of up to ${longest} cells up to ${2 * threshold + 2}, threshold ${threshold}`, () => {
      const problems: string[] = [];
      for (let length = 1; length <= longest; length++) {
        for (const counts of allLines(length, 2 * threshold + 2)) {
          problems.push(...revealedSmallCells(counts, threshold));
        }
      }
      expect(problems.slice(0, 10)).toEqual([]);
    });
  }

  it('never lets a small cell be recovered: generated lines of 4 to 7 groups (seeded)', () => {
    const seed = 20261201;
    const next = random(seed);
    const problems: string[] = [];
    for (let run = 0; run < 300; run++) {
      const threshold = 3 + Math.floor(next() * 8);
      const length = 5 + Math.floor(next() * 6);
      // mostly small populations, where suppression matters
      const counts = Array.from({ length }, () =>
        next() < 0.6 ? Math.floor(next() * threshold) : Math.floor(next() * 3 * threshold),
      );
      problems.push(
        ...revealedSmallCells(counts, threshold).map((problem) => `seed ${seed} run ${run}: ${problem}`),
      );
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });
});

describe('releaseCount, releaseBeside and releasedRate', () => {
  it('suppresses small single counts and keeps zero', () => {
    expect(releaseCount(4, 5)).toEqual({ count: null, suppressed: true });
    expect(releaseCount(0, 5)).toEqual({ count: 0, suppressed: false });
    expect(releaseCount(5, 5)).toEqual({ count: 5, suppressed: false });
  });

  it('withholds the network figure when the rest of the network is small', () => {
    expect(releaseBeside(10, 12, 5).network.suppressed).toBe(true);
    expect(releaseBeside(10, 10, 5).network.count).toBe(10);
    expect(releaseBeside(10, 40, 5)).toEqual({
      institution: { count: 10, suppressed: false },
      network: { count: 40, suppressed: false },
    });
  });

  it('gives no rate beside a suppressed count or a zero denominator', () => {
    expect(releasedRate({ count: 3, suppressed: false }, { count: 12, suppressed: false })).toBe(0.25);
    expect(releasedRate({ count: null, suppressed: true }, { count: 12, suppressed: false })).toBeNull();
    expect(releasedRate({ count: 0, suppressed: false }, { count: 0, suppressed: false })).toBeNull();
  });
});
