import { throwIfInvalid, type FieldError } from './engagement.exception';

export const GRANULARITIES = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** A calendar bucket in UTC: `[start, end)`, labelled `2026-03`, `2026-Q1` or `2026`. */
export interface Bucket {
  readonly label: string;
  readonly start: Date;
  readonly end: Date;
}

/** At most this many buckets per query: ten years of months. */
export const MAX_BUCKETS = 120;

/** How many months a bucket of each granularity spans. */
export const MONTHS_PER: Record<Granularity, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** The bucket of `granularity` holding `instant` (UTC calendar). */
export function bucketOf(instant: Date, granularity: Granularity): Bucket {
  const months = MONTHS_PER[granularity];
  const year = instant.getUTCFullYear();
  const firstMonth = Math.floor(instant.getUTCMonth() / months) * months;
  const start = new Date(Date.UTC(year, firstMonth, 1));
  const end = new Date(Date.UTC(year, firstMonth + months, 1));
  return { label: labelOf(start, granularity), start, end };
}

function labelOf(start: Date, granularity: Granularity): string {
  const year = String(start.getUTCFullYear());
  switch (granularity) {
    case 'YEAR':
      return year;
    case 'QUARTER':
      return `${year}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`;
    case 'MONTH':
      return `${year}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
  }
}

export interface Period {
  readonly from: Date;
  readonly to: Date;
}

/**
 * The whole calendar buckets covering `[from, to)`: `from` snaps back to its bucket's start and `to` forward to
 * a bucket's end. Figures are always computed per whole bucket, so two queries of overlapping periods return the
 * same figure for a bucket they share (a difference between them reveals nothing a single query did not).
 */
export function bucketsCovering(period: Period, granularity: Granularity): Bucket[] {
  const errors: FieldError[] = [];
  if (Number.isNaN(period.from.getTime())) {
    errors.push({ field: 'from', rule: 'date', message: 'must be a date' });
  }
  if (Number.isNaN(period.to.getTime())) {
    errors.push({ field: 'to', rule: 'date', message: 'must be a date' });
  }
  throwIfInvalid(errors);
  if (period.to.getTime() <= period.from.getTime()) {
    throwIfInvalid([{ field: 'to', rule: 'afterFrom', message: 'must be after from' }]);
  }
  const buckets: Bucket[] = [];
  let bucket = bucketOf(period.from, granularity);
  while (bucket.start.getTime() < period.to.getTime()) {
    buckets.push(bucket);
    if (buckets.length > MAX_BUCKETS) {
      throwIfInvalid([
        {
          field: 'to',
          rule: 'maxBuckets',
          message: `the period spans more than ${MAX_BUCKETS} ${granularity.toLowerCase()}s; choose a coarser granularity`,
        },
      ]);
    }
    bucket = bucketOf(bucket.end, granularity);
  }
  return buckets;
}

/**
 * Demographic splits (the voluntary answers) are answered per calendar year only. Within one granularity two
 * queries of overlapping periods give the same cells for a bucket they share; across granularities they do not:
 * members who did a step once are counted once per month and once per quarter, so a quarter's published cell minus
 * its published months gives a hidden month back. One granularity for every demographic line leaves a reader only
 * the lines a single query gives (`overlapping-periods.property.spec.ts`).
 */
export const DEMOGRAPHIC_GRANULARITY: Granularity = 'YEAR';

export function assertDemographicGranularity(granularity: Granularity): void {
  if (granularity !== DEMOGRAPHIC_GRANULARITY) {
    throwIfInvalid([
      {
        field: 'granularity',
        rule: 'yearlyDemographics',
        message: `must be ${DEMOGRAPHIC_GRANULARITY} when split by a demographic answer`,
      },
    ]);
  }
}

/** The period from the first bucket's start to the last bucket's end. */
export function spanOf(buckets: readonly Bucket[]): Period {
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  if (!first || !last) throw new Error('spanOf needs at least one bucket');
  return { from: first.start, to: last.end };
}
