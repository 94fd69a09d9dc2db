import { seededRandom } from '@praxis/platform/testing';
import { FundingErrorCode } from '../funding.exception';
import { allocateMoney, largestRemainder } from './allocation';
import { money } from './money';

/**
 * Independent reference: hand out the units one at a time, each to the share furthest below its exact quota
 * (ties to the earlier share), comparing deficits as exact rationals. Slow (one step per unit) but obviously
 * right, and it reaches the same result as the largest-remainder method by a different route.
 */
function referenceAllocation(total: number, weights: readonly number[]): number[] {
  const totalWeight = BigInt(weights.reduce((sum, weight) => sum + weight, 0));
  const parts = weights.map(() => 0);
  for (let unit = 0; unit < total; unit += 1) {
    let best = -1;
    let bestDeficit = 0n;
    weights.forEach((weight, index) => {
      // deficit × totalWeight = total × weight − part × totalWeight
      const deficit = BigInt(total) * BigInt(weight) - BigInt(parts[index]) * totalWeight;
      if (best === -1 || deficit > bestDeficit) {
        best = index;
        bestDeficit = deficit;
      }
    });
    parts[best] += 1;
  }
  return parts;
}

describe('largest-remainder allocation', () => {
  it('splits £100 three ways without losing a penny, the odd penny to the first share', () => {
    const parts = allocateMoney(money(10000, 'GBP'), [1, 1, 1]);
    expect(parts.map((part) => part.amountMinor)).toEqual([3334, 3333, 3333]);
    expect(parts.every((part) => part.currency === 'GBP')).toBe(true);
  });

  it('gives the leftover units to the largest remainders, not to the first shares', () => {
    // quotas 1.4, 2.8, 5.8 of 10: floors 1, 2, 5 leave 2 units for the .8 remainders.
    expect(largestRemainder(10, [14, 28, 58])).toEqual([1, 3, 6]);
  });

  it('mirrors a negative amount and gives nothing to a zero weight', () => {
    expect(allocateMoney(money(-10000, 'GBP'), [1, 1, 1]).map((part) => part.amountMinor)).toEqual([
      -3334, -3333, -3333,
    ]);
    expect(largestRemainder(7, [0, 1, 0, 1])).toEqual([0, 4, 0, 3]);
  });

  it('stays exact where amount × weight exceeds 2^53', () => {
    const parts = largestRemainder(Number.MAX_SAFE_INTEGER, [Number.MAX_SAFE_INTEGER, 1]);
    expect(parts[0] + parts[1]).toBe(Number.MAX_SAFE_INTEGER);
    expect(parts).toEqual([Number.MAX_SAFE_INTEGER - 1, 1]);
  });

  it('matches the unit-by-unit reference on 500 random cases, and every part is within one unit of its quota', () => {
    const random = seededRandom(909);
    for (let trial = 0; trial < 500; trial += 1) {
      const shares = 1 + Math.floor(random() * 7);
      const weights = Array.from({ length: shares }, () => Math.floor(random() * 12));
      if (!weights.some((weight) => weight > 0)) weights[0] = 1;
      const total = Math.floor(random() * 400);
      const parts = largestRemainder(total, weights);
      expect({ total, weights, parts }).toEqual({
        total,
        weights,
        parts: referenceAllocation(total, weights),
      });
      const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
      expect(parts.reduce((sum, part) => sum + part, 0)).toBe(total);
      parts.forEach((part, index) => {
        const quota = (total * weights[index]) / totalWeight;
        expect(Math.abs(part - quota)).toBeLessThan(1);
      });
    }
  });

  it('refuses empty, negative, fractional and all-zero weights with the field named', () => {
    expect(() => largestRemainder(10, [])).toThrow(/weights: at least one share/);
    expect(() => largestRemainder(10, [1, -1])).toThrow(/weights\[1\]: must be a non-negative whole number/);
    expect(() => largestRemainder(10, [1.5])).toThrow(/weights\[0\]/);
    expect(() => largestRemainder(10, [0, 0])).toThrow(
      expect.objectContaining({ code: FundingErrorCode.INVALID_INPUT }),
    );
    expect(() => largestRemainder(-1, [1])).toThrow(/total/);
  });
});
