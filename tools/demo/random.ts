import { createHash } from 'node:crypto';

/**
 * A small seeded generator (mulberry32 over a SHA-256 of the seed text) so the demo plan is the same on every run:
 * not for anything secret, only for repeatable demo data.
 */
export class DemoRandom {
  private state: number;

  constructor(seed: string) {
    this.state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, below). */
  below(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(values: readonly T[]): T {
    return values[this.below(values.length)];
  }

  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(values: readonly T[]): T[] {
    const copy = [...values];
    for (let index = copy.length - 1; index > 0; index -= 1) {
      const other = this.below(index + 1);
      [copy[index], copy[other]] = [copy[other], copy[index]];
    }
    return copy;
  }
}

/**
 * Splits `total` in proportion to `weights` with whole numbers that add up to `total` (largest remainder), so a
 * published percentage mix can be applied to any cohort size.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (weight * total) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    counts[index] += 1;
    left -= 1;
  }
  return counts;
}

/** `counts[i]` copies of `values[i]`, in order. */
export function expand<T>(values: readonly T[], counts: readonly number[]): T[] {
  return values.flatMap((value, index) => Array.from({ length: counts[index] }, () => value));
}
