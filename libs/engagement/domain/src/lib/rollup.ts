import { ACTIVITIES, FUNNEL_STEPS, type Activity } from './funnel';
import { bucketOf, GRANULARITIES, MONTHS_PER, type Bucket, type Granularity } from './period';

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

/** Adds `value` to a numbered cell, leaving out a cell that sums to zero. */
function addCell(cells: Map<number, number>, cell: number, value: number): void {
  const next = (cells.get(cell) ?? 0) + value;
  if (next === 0) cells.delete(cell);
  else cells.set(cell, next);
}

/**
 * A roll-up build meets each member's cells thousands of times over and a few hundred distinct buckets, so a
 * cell of one institution and stage is a number while members are summed (its bucket's first month, counted
 * from year 0, then its granularity and step), and is written out as `cellKey`'s text once per distinct cell
 * in `levels`. Text keys built per member were most of a rebuild's roll-up time (docs/performance.md).
 */
const CELL_STEPS = 16;
const CELL_SLOTS = GRANULARITIES.length * CELL_STEPS;
const STEP_INDEX = new Map<string, number>(ACTIVITIES.map((step, index) => [step, index]));

function cellNumber(bucketMonth: number, granularityIndex: number, step: Activity): number {
  const stepIndex = STEP_INDEX.get(step);
  if (stepIndex === undefined) throw new Error(`not a funnel activity: ${step}`);
  return bucketMonth * CELL_SLOTS + granularityIndex * CELL_STEPS + stepIndex;
}

/** Months since year 0 of an instant's UTC month; an invalid date throws, as formatting it would. */
function monthIndexOfDate(instant: Date): number {
  const index = instant.getUTCFullYear() * 12 + instant.getUTCMonth();
  if (Number.isNaN(index)) throw new RangeError('Invalid time value');
  return index;
}

/** A month's text (`2026-03`) as months since year 0, each text parsed once; an invalid month throws. */
const monthIndexOfText = new Map<string, number>();
function monthIndexOf(month: string): number {
  let index = monthIndexOfText.get(month);
  if (index === undefined) {
    index = monthIndexOfDate(monthStart(month));
    monthIndexOfText.set(month, index);
  }
  return index;
}

/** The first month of the bucket of `granularity` holding month `monthIndex` (`bucketOf`, once per pair). */
const bucketMonthOfMonth = new Map<number, number>();
function bucketMonth(monthIndex: number, granularityIndex: number): number {
  const key = monthIndex * GRANULARITIES.length + granularityIndex;
  let first = bucketMonthOfMonth.get(key);
  if (first === undefined) {
    const year = Math.floor(monthIndex / 12);
    const instant = new Date(Date.UTC(year, monthIndex - year * 12, 1));
    first = monthIndexOfDate(bucketOf(instant, GRANULARITIES[granularityIndex]).start);
    bucketMonthOfMonth.set(key, first);
  }
  return first;
}

/**
 * `mentoredRuns` in month numbers, for one member's spans already as months since year 0 (`end` null: still
 * active): each run's first and last bucket's first month, overlapping or adjacent runs merged the same way,
 * without a `Bucket` (two dates and a label) per span and granularity.
 */
function mentoredMonthRuns(
  spans: ReadonlyArray<{ start: number; end: number | null }>,
  granularityIndex: number,
  months: number,
): Array<{ first: number; last: number | null }> {
  const runs: Array<{ first: number; last: number | null }> = [];
  for (const span of spans) {
    const first = bucketMonth(span.start, granularityIndex);
    const last = span.end === null ? null : bucketMonth(span.end, granularityIndex);
    // ended in a bucket before the one it started in: active in no bucket
    if (last === null || last >= first) runs.push({ first, last });
  }
  runs.sort((a, b) => a.first - b.first);
  const merged: Array<{ first: number; last: number | null }> = [];
  for (const run of runs) {
    const previous = merged[merged.length - 1];
    // a run starting no later than the bucket after the previous one's last continues it
    if (previous && (previous.last === null || run.first <= previous.last + months)) {
      if (previous.last !== null && (run.last === null || run.last > previous.last)) previous.last = run.last;
    } else {
      merged.push({ ...run });
    }
  }
  return merged;
}

/** A bucket's first month as the ISO instant it starts (`bucketOf(...).start.toISOString()`), once per month. */
const isoOfMonth = new Map<number, string>();
function monthIso(monthIndex: number): string {
  let iso = isoOfMonth.get(monthIndex);
  if (iso === undefined) {
    const year = Math.floor(monthIndex / 12);
    iso = new Date(Date.UTC(year, monthIndex - year * 12, 1)).toISOString();
    isoOfMonth.set(monthIndex, iso);
  }
  return iso;
}

/** Cells of one institution and career stage, by `cellNumber`, while members are summed. */
type OwnDelta = Map<string, { institutionId: string; careerStage: string; cells: Map<number, number> }>;

/** A member's cells at their own institution and career stage only (`levels` adds the sums). */
function ownCells(snapshot: FunnelSnapshot | null, sign: 1 | -1, into: OwnDelta): void {
  if (!snapshot) return;
  const cells = groupOf(into, snapshot.institutionId, snapshot.careerStage);
  const registered = snapshot.registeredAt ? monthIndexOfDate(snapshot.registeredAt) : null;
  const flowMonths = snapshot.flow.map(({ month }) => monthIndexOf(month));
  // spans never started never count (an invalid date throws, as `mentoredRuns`' cells would)
  const spans = snapshot.mentoring.flatMap((span) =>
    span.start === null
      ? []
      : [{ start: monthIndexOfDate(span.start), end: span.end === null ? null : monthIndexOfDate(span.end) }],
  );
  for (let granularity = 0; granularity < GRANULARITIES.length; granularity++) {
    if (registered !== null)
      addCell(cells, cellNumber(bucketMonth(registered, granularity), granularity, 'MEMBERS'), sign);
    // a step counts once per bucket, however many of its months fall in it
    const flow = new Set<number>();
    snapshot.flow.forEach(({ step }, index) => {
      const cell = cellNumber(bucketMonth(flowMonths[index], granularity), granularity, step);
      if (flow.has(cell)) return;
      flow.add(cell);
      addCell(cells, cell, sign);
    });
    // mentored from a run's first bucket, no longer from the bucket after its last; most members have no span
    if (spans.length === 0) continue;
    const months = MONTHS_PER[GRANULARITIES[granularity]];
    for (const run of mentoredMonthRuns(spans, granularity, months)) {
      addCell(cells, cellNumber(run.first, granularity, 'MENTORED'), sign);
      if (run.last !== null) addCell(cells, cellNumber(run.last + months, granularity, 'MENTORED'), -sign);
    }
  }
}

/** The numbered cells of one institution and stage in `delta`, made empty when first asked for. */
function groupOf(delta: OwnDelta, institutionId: string, careerStage: string): Map<number, number> {
  const key = `${institutionId}|${careerStage}`;
  let group = delta.get(key);
  if (!group) {
    group = { institutionId, careerStage, cells: new Map() };
    delta.set(key, group);
  }
  return group.cells;
}

/**
 * Cells of one institution and stage, with the sums they belong to: the institution's (all stages), the
 * network's per stage, and the network's. Summed as numbers per level first, then each distinct cell's
 * `cellKey` text written once (granularity|bucket|institution|stage|step).
 */
function levels(own: OwnDelta): RollupDelta {
  const summed: OwnDelta = new Map();
  for (const { institutionId, careerStage, cells } of own.values()) {
    const into = [
      groupOf(summed, institutionId, careerStage),
      groupOf(summed, institutionId, ALL_STAGES),
      groupOf(summed, ALL_INSTITUTIONS, careerStage),
      groupOf(summed, ALL_INSTITUTIONS, ALL_STAGES),
    ];
    for (const [cell, value] of cells) for (const level of into) addCell(level, cell, value);
  }
  const delta: RollupDelta = new Map();
  for (const { institutionId, careerStage, cells } of summed.values()) {
    for (const [cell, value] of cells) {
      const month = Math.floor(cell / CELL_SLOTS);
      const slot = cell - month * CELL_SLOTS;
      const granularity = GRANULARITIES[Math.floor(slot / CELL_STEPS)];
      const step = ACTIVITIES[slot % CELL_STEPS];
      delta.set(`${granularity}|${monthIso(month)}|${institutionId}|${careerStage}|${step}`, value);
    }
  }
  return delta;
}

/** A member's cells at every level (own institution and stage, all stages, all institutions, both). */
export function contributionsOf(snapshot: FunnelSnapshot | null): RollupDelta {
  const own: OwnDelta = new Map();
  ownCells(snapshot, 1, own);
  return levels(own);
}

/** What the roll-up gains when members change from `before` to `after` (cells that do not change left out). */
export function rollupChange(
  changes: ReadonlyArray<{ before: FunnelSnapshot | null; after: FunnelSnapshot | null }>,
): RollupDelta {
  const own: OwnDelta = new Map();
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
