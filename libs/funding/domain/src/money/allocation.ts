import { FundingDomainError, FundingErrorCode } from '../funding.exception';
import { money, type Money } from './money';

/**
 * Splits an amount across shares in proportion to integer weights without losing or inventing a minor unit:
 * the largest remainder (Hamilton) method. Each part is its exact quota rounded down, and the units left over go
 * one each to the largest fractional remainders, ties to the earlier share, so the parts always sum to the amount
 * and no part is more than one minor unit from its exact quota. A negative amount is split as its magnitude and
 * negated, so allocating a refund mirrors allocating the payment. Arithmetic is in bigint internally because
 * `amount × weight` can exceed 2^53 even when both fit.
 */
export function allocateMoney(amount: Money, weights: readonly number[]): Money[] {
  const sign = amount.amountMinor < 0 ? -1 : 1;
  return largestRemainder(Math.abs(amount.amountMinor), weights).map((part) =>
    money(sign * part, amount.currency),
  );
}

/** The integer core of `allocateMoney`, also used to share a day's logged minutes between awards. */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new FundingDomainError(
      FundingErrorCode.INVALID_INPUT,
      `total: must be a non-negative whole number`,
      {
        field: 'total',
        value: total,
      },
    );
  }
  if (weights.length === 0) {
    throw new FundingDomainError(FundingErrorCode.INVALID_INPUT, 'weights: at least one share is needed', {
      field: 'weights',
    });
  }
  weights.forEach((weight, index) => {
    if (!Number.isSafeInteger(weight) || weight < 0) {
      throw new FundingDomainError(
        FundingErrorCode.INVALID_INPUT,
        `weights[${index}]: must be a non-negative whole number (got ${weight})`,
        { field: `weights[${index}]`, value: weight },
      );
    }
  });
  const totalWeight = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
  if (totalWeight === 0n) {
    throw new FundingDomainError(
      FundingErrorCode.INVALID_INPUT,
      'weights: at least one share must be positive',
      {
        field: 'weights',
      },
    );
  }
  const magnitude = BigInt(total);
  const floors = weights.map((weight) => (magnitude * BigInt(weight)) / totalWeight);
  const remainders = weights.map((weight) => (magnitude * BigInt(weight)) % totalWeight);
  // Fewer units are left over than there are shares with a non-zero remainder, so a zero weight never gains one.
  let leftover = Number(magnitude - floors.reduce((sum, part) => sum + part, 0n));
  const order = weights
    .map((_, index) => index)
    .sort((a, b) => (remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : a - b));
  for (const index of order) {
    if (leftover === 0) break;
    floors[index] += 1n;
    leftover -= 1;
  }
  return floors.map(Number);
}
