import { EngagementDomainError, EngagementErrorCode } from './engagement.exception';

/**
 * A count as it may leave the service: `count` is null when the cell is suppressed. A suppressed cell is either
 * below the threshold (primary) or hidden so that such a cell cannot be worked out from the rest (secondary);
 * the two look the same from outside on purpose, since telling them apart narrows the hidden values.
 */
export interface ReleasedCount {
  readonly count: number | null;
  readonly suppressed: boolean;
}

/** The smallest useful threshold: with 2, "fewer than 2" would mean exactly 1. */
export const MIN_SUPPRESSION_THRESHOLD = 3;
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export function assertThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < MIN_SUPPRESSION_THRESHOLD) {
    throw new EngagementDomainError(
      EngagementErrorCode.INVALID_CONFIGURATION,
      `the suppression threshold must be an integer of at least ${MIN_SUPPRESSION_THRESHOLD}, got ${threshold}`,
    );
  }
}

const SUPPRESSED: ReleasedCount = Object.freeze({ count: null, suppressed: true });

function released(count: number): ReleasedCount {
  return { count, suppressed: false };
}

/** A count that is published on its own (no breakdown beside it): suppressed when 0 < count < threshold. */
export function releaseCount(count: number, threshold: number): ReleasedCount {
  return isSmall(count, threshold) ? SUPPRESSED : released(count);
}

function isSmall(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}

export interface ReleasedLine {
  readonly cells: ReleasedCount[];
  readonly total: ReleasedCount;
}

/**
 * Suppresses one line of a table: `counts` partition a total that is published (here or in another table: the
 * unsplit funnel publishes every step's total), e.g. the groups of one dimension at one funnel step, where every
 * member falls in exactly one group, "not answered" included.
 *
 * - Primary: a cell with 0 < count < threshold is hidden. Zero is published: it identifies nobody.
 * - A small total is hidden with every cell, zeros included (a zero beside a hidden total would narrow it).
 * - Secondary: the hidden cells of a line must not be recoverable from the total and the published cells. A
 *   reader sees each hidden cell only as "at least 1" (zeros are published; primary and secondary cells look the
 *   same), so a cell is recovered exactly when it is hidden alone, or when the hidden cells sum to their number
 *   (all 1s). While that holds, the first published non-zero cell in the line's order is hidden too (by position,
 *   not value: "the smallest" would tell the reader the hidden cell is no larger than every published one). With
 *   nothing left to hide, zeros are hidden as well.
 *
 * Lines are independent: different dimensions (gender, career stage) partition the same total differently, and
 * funnel steps are not additive (one member reaches several), so no published figure is a sum of cells from two
 * lines. `suppression.spec.ts` enumerates every assignment of the hidden cells consistent with what a line
 * publishes and checks each hidden cell can take at least two values.
 */
export function suppressLine(counts: readonly number[], threshold: number): ReleasedLine {
  assertThreshold(threshold);
  for (const count of counts) {
    if (!Number.isInteger(count) || count < 0) throw new Error(`counts must be non-negative integers`);
  }
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (isSmall(total, threshold)) return { cells: counts.map(() => SUPPRESSED), total: SUPPRESSED };
  const hidden = counts.map((count) => isSmall(count, threshold));
  while (hidden.some(Boolean) && recoverableFrom(counts, hidden).length > 0) {
    const next = counts.findIndex((count, index) => !hidden[index] && count > 0);
    if (next === -1) {
      counts.forEach((count, index) => (hidden[index] = hidden[index] || count === 0));
      break;
    }
    hidden[next] = true;
  }
  return {
    cells: counts.map((count, index) => (hidden[index] ? SUPPRESSED : released(count))),
    total: released(total),
  };
}

/**
 * The hidden cells a reader can work out from the total and the published cells, knowing each hidden non-zero
 * cell is at least 1: all of them when hidden alone or when they sum to their number. Exported for the tests.
 */
export function recoverableFrom(counts: readonly number[], hidden: readonly boolean[]): number[] {
  const indexes = hidden.flatMap((isHidden, index) => (isHidden ? [index] : []));
  if (indexes.length === 0) return [];
  const anyZeroHidden = indexes.some((index) => counts[index] === 0);
  const sum = indexes.reduce((acc, index) => acc + (counts[index] ?? 0), 0);
  const floor = anyZeroHidden ? 0 : indexes.length;
  return indexes.length < 2 || sum === floor ? indexes : [];
}

/**
 * A figure for one institution beside the same figure for the network: the network's is withheld when the rest
 * of the network (network minus institution) is small, since the difference would be a small cell.
 */
export function releaseBeside(
  institution: number,
  network: number,
  threshold: number,
): { institution: ReleasedCount; network: ReleasedCount } {
  const own = releaseCount(institution, threshold);
  const rest = network - institution;
  if (own.suppressed || isSmall(rest, threshold)) {
    return {
      institution: own,
      network: isSmall(rest, threshold) ? SUPPRESSED : releaseCount(network, threshold),
    };
  }
  return { institution: own, network: releaseCount(network, threshold) };
}

/**
 * `numerator / denominator` as a fraction in [0, 1] (rounded to 4 places), or null when either count is
 * suppressed or the denominator is zero: a rate beside a published count would give the suppressed one back.
 */
export function releasedRate(numerator: ReleasedCount, denominator: ReleasedCount): number | null {
  if (numerator.count === null || denominator.count === null || denominator.count === 0) return null;
  return Math.round((numerator.count / denominator.count) * 10_000) / 10_000;
}

/**
 * A measure that is not a head count (minutes, money): its value and how many people or records contribute to
 * it. It is published only when at least `threshold` contribute (or none: a zero identifies nobody), since a sum
 * over one or two contributors tells their own figures.
 */
export interface Measure {
  readonly value: number;
  readonly contributors: number;
}

export interface ReleasedMeasure {
  readonly value: number | null;
  readonly suppressed: boolean;
}

function releaseMeasure(measure: Measure, threshold: number): ReleasedMeasure {
  return isSmall(measure.contributors, threshold)
    ? { value: null, suppressed: true }
    : { value: measure.value, suppressed: false };
}

/**
 * A measure for one scope beside the network's, on the rule of `releaseBeside` applied to contributors: the
 * network's is withheld when the rest of the network has few contributors (the difference would be theirs).
 * The network alone (`scope` null) is released on its own contributors.
 */
export function releaseMeasureBeside(
  scope: Measure | null,
  network: Measure,
  threshold: number,
): { scope: ReleasedMeasure; network: ReleasedMeasure } {
  const networkReleased = releaseMeasure(network, threshold);
  if (scope === null) return { scope: networkReleased, network: networkReleased };
  const own = releaseMeasure(scope, threshold);
  const rest = network.contributors - scope.contributors;
  return {
    scope: own,
    network: isSmall(rest, threshold) ? { value: null, suppressed: true } : networkReleased,
  };
}
