import { FUNNEL_STEPS, type Activity } from './funnel';
import { bucketOf, GRANULARITIES, type Bucket, type Granularity } from './period';

/**
 * The funnel roll-up: per granularity, bucket, institution, career stage and step, a number the projections keep
 * in the transaction that changes a member's rows, so the funnel reads a few hundred cells instead of scanning
 * members and activities.
 *
 * - A flow step (an activity) is a count: the distinct members who did it in the bucket. Distinct members per
 *   quarter or year do not add up from months, so every granularity has its own cells.
 * - A stock (`MEMBERS`: registered by the bucket's end; `MENTORED`: an active mentoring relationship at any time
 *   in the bucket) is a delta: +1 in the bucket a member starts counting, -1 in the bucket after they stop. A
 *   bucket's stock is the sum of the deltas up to and including it, so a stock cell never changes again once
 *   its month is past, however long the history grows.
 *
 * Each member's cells are a pure function of their `FunnelSnapshot` (what the projections hold of them, reduced
 * to what the funnel needs): a change to the member replaces the old snapshot's cells by the new one's.
 */
export const STOCK_STEPS: readonly Activity[] = ['MEMBERS', 'MENTORED'];
export const FLOW_STEPS: readonly Activity[] = FUNNEL_STEPS.filter((step) => step !== 'MEMBERS');

/** The institution and career stage of the cells that sum every institution, or every stage, of a level. */
export const ALL_INSTITUTIONS = '00000000-0000-0000-0000-000000000000';
export const ALL_STAGES = 'ALL';

/** A mentoring relationship as mentee: started (null: not yet, never counts) and ended (null: still active). */
export interface MentoringSpan {
  readonly start: Date | null;
  readonly end: Date | null;
}

export interface FunnelSnapshot {
  readonly institutionId: string;
  readonly careerStage: string;
  readonly registeredAt: Date | null;
  /** Each flow step the member did, with the UTC month (`2026-03`) they did it in, once per pair. */
  readonly flow: ReadonlyArray<{ readonly step: Activity; readonly month: string }>;
  readonly mentoring: readonly MentoringSpan[];
}

export interface RollupCell {
  readonly granularity: Granularity;
  /** ISO instant of the bucket's start. */
  readonly bucketStart: string;
  readonly institutionId: string;
  readonly careerStage: string;
  readonly step: Activity;
}

export type RollupDelta = Map<string, number>;

export function cellKey(cell: RollupCell): string {
  return [cell.granularity, cell.bucketStart, cell.institutionId, cell.careerStage, cell.step].join('|');
}

export function cellOf(key: string): RollupCell {
  const [granularity, bucketStart, institutionId, careerStage, step] = key.split('|');
  return {
    granularity: granularity as Granularity,
    bucketStart: bucketStart ?? '',
    institutionId: institutionId ?? '',
    careerStage: careerStage ?? '',
    step: step as Activity,
  };
}

/** `2026-03` → the instant the month starts (UTC). */
export function monthStart(month: string): Date {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`not a month (YYYY-MM): ${month}`);
  return new Date(`${month}-01T00:00:00.000Z`);
}

/**
 * The buckets in which a member counts as mentored, as `[first, last]` bucket starts (`last` null: for ever):
 * a span counts in every bucket from its start's to its end's (both inclusive), overlapping or adjacent spans
 * merged so a member counts once.
 */
export function mentoredRuns(
  spans: readonly MentoringSpan[],
  granularity: Granularity,
): Array<{ first: Bucket; last: Bucket | null }> {
  const runs = spans
    .filter((span): span is { start: Date; end: Date | null } => span.start !== null)
    .map((span) => ({
      first: bucketOf(span.start, granularity),
      last: span.end === null ? null : bucketOf(span.end, granularity),
    }))
    // ended in a bucket before the one it started in: active in no bucket
    .filter((run) => run.last === null || run.last.start.getTime() >= run.first.start.getTime())
    .sort((a, b) => a.first.start.getTime() - b.first.start.getTime());
  const merged: Array<{ first: Bucket; last: Bucket | null }> = [];
  for (const run of runs) {
    const previous = merged[merged.length - 1];
    if (previous && (previous.last === null || run.first.start.getTime() <= previous.last.end.getTime())) {
      if (previous.last !== null && (run.last === null || run.last.start > previous.last.start)) {
        previous.last = run.last;
      }
    } else {
      merged.push({ ...run });
    }
  }
  return merged;
}

function add(delta: RollupDelta, key: string, value: number): void {
  const next = (delta.get(key) ?? 0) + value;
  if (next === 0) delta.delete(key);
  else delta.set(key, next);
}

/**
 * Bucket starts as ISO text, by instant: a roll-up of thousands of members meets a few hundred buckets, so
 * each is formatted once (bounded by the buckets of the history, not by members or events).
 */
const isoOfInstant = new Map<number, string>();
function isoOf(start: Date): string {
  const time = start.getTime();
  let iso = isoOfInstant.get(time);
  if (iso === undefined) {
    iso = start.toISOString();
    isoOfInstant.set(time, iso);
  }
  return iso;
}

/** A member's cells at their own institution and career stage only (`levels` adds the sums). */
function ownCells(snapshot: FunnelSnapshot | null, sign: 1 | -1, into: RollupDelta): void {
  if (!snapshot) return;
  // `cellKey`'s text, written out: this runs for every cell of every member a change touches
  const own = `${snapshot.institutionId}|${snapshot.careerStage}`;
  const put = (granularity: Granularity, start: Date, step: Activity, value: number) =>
    add(into, `${granularity}|${isoOf(start)}|${own}|${step}`, sign * value);
  const months = new Map<string, Date>();
  for (const { month } of snapshot.flow) if (!months.has(month)) months.set(month, monthStart(month));
  for (const granularity of GRANULARITIES) {
    if (snapshot.registeredAt)
      put(granularity, bucketOf(snapshot.registeredAt, granularity).start, 'MEMBERS', 1);
    const flow = new Map<string, { step: Activity; start: Date }>();
    for (const { step, month } of snapshot.flow) {
      const start = bucketOf(months.get(month) ?? monthStart(month), granularity).start;
      flow.set(`${step}|${start.getTime()}`, { step, start });
    }
    for (const { step, start } of flow.values()) put(granularity, start, step, 1);
    for (const run of mentoredRuns(snapshot.mentoring, granularity)) {
      put(granularity, run.first.start, 'MENTORED', 1);
      if (run.last) put(granularity, run.last.end, 'MENTORED', -1);
    }
  }
}

/**
 * Cells of one institution and stage, with the sums they belong to: the institution's (all stages), the
 * network's per stage, and the network's.
 */
function levels(own: RollupDelta): RollupDelta {
  const cells: RollupDelta = new Map();
  for (const [key, value] of own) {
    // `cellKey` of the cell at each level, written out (granularity|bucket|institution|stage|step)
    const [granularity, bucketStart, institutionId, careerStage, step] = key.split('|');
    const at = `${granularity}|${bucketStart}|`;
    add(cells, key, value);
    add(cells, `${at}${institutionId}|${ALL_STAGES}|${step}`, value);
    add(cells, `${at}${ALL_INSTITUTIONS}|${careerStage}|${step}`, value);
    add(cells, `${at}${ALL_INSTITUTIONS}|${ALL_STAGES}|${step}`, value);
  }
  return cells;
}

/** A member's cells at every level (own institution and stage, all stages, all institutions, both). */
export function contributionsOf(snapshot: FunnelSnapshot | null): RollupDelta {
  const own: RollupDelta = new Map();
  ownCells(snapshot, 1, own);
  return levels(own);
}

/** What the roll-up gains when members change from `before` to `after` (cells that do not change left out). */
export function rollupChange(
  changes: ReadonlyArray<{ before: FunnelSnapshot | null; after: FunnelSnapshot | null }>,
): RollupDelta {
  const own: RollupDelta = new Map();
  for (const { before, after } of changes) {
    ownCells(before, -1, own);
    ownCells(after, 1, own);
  }
  return levels(own);
}

/** One roll-up row as the funnel reads it: a cell's value for a group (stocks before the period may be summed). */
export interface RollupRow {
  readonly bucketStart: Date;
  readonly step: Activity;
  readonly group: string;
  readonly value: number;
}

/** Bucket index → group → step → distinct members, as the funnel releases them (zero counts left out). */
export type BucketCounts = Map<number, Map<string, Map<Activity, number>>>;

/**
 * The funnel's counts for contiguous `buckets` of one granularity from its roll-up rows: a flow step's count is
 * its cell in the bucket; a stock is the sum of its deltas in and before the bucket (rows before the first
 * bucket may come summed into one).
 */
export function countsFromRollup(rows: readonly RollupRow[], buckets: readonly Bucket[]): BucketCounts {
  const counts: BucketCounts = new Map();
  const set = (index: number, group: string, step: Activity, value: number) => {
    if (value === 0) return;
    const groups = counts.get(index) ?? new Map<string, Map<Activity, number>>();
    counts.set(index, groups);
    const steps = groups.get(group) ?? new Map<Activity, number>();
    groups.set(group, steps);
    steps.set(step, value);
  };
  const stocks = new Map<string, Array<{ at: number; value: number }>>();
  buckets.forEach((bucket, index) => {
    for (const row of rows) {
      if (!STOCK_STEPS.includes(row.step) && row.bucketStart.getTime() === bucket.start.getTime()) {
        set(index, row.group, row.step, row.value);
      }
    }
  });
  for (const row of rows) {
    if (!STOCK_STEPS.includes(row.step)) continue;
    const id = `${row.group}|${row.step}`;
    const list = stocks.get(id) ?? [];
    list.push({ at: row.bucketStart.getTime(), value: row.value });
    stocks.set(id, list);
  }
  for (const [id, deltas] of stocks) {
    const separator = id.lastIndexOf('|');
    const group = id.slice(0, separator);
    const step = id.slice(separator + 1) as Activity;
    buckets.forEach((bucket, index) => {
      const end = bucket.end.getTime();
      set(
        index,
        group,
        step,
        deltas.filter((delta) => delta.at < end).reduce((sum, delta) => sum + delta.value, 0),
      );
    });
  }
  return counts;
}
