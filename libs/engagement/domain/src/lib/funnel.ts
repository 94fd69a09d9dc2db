import { releaseCount, releasedRate, suppressLine, type ReleasedCount } from './suppression';

/**
 * The engagement funnel, in order. A member counts at a step in a bucket when they did it in that bucket;
 * `MEMBERS` is the stock: members registered by the bucket's end. `MENTORED` (an active mentoring relationship
 * as mentee) stands beside the funnel, not in it.
 */
export const FUNNEL_STEPS = [
  'MEMBERS',
  'PROGRAMME_APPLICANTS',
  'ATTENDEES',
  'PROPOSAL_AUTHORS',
  'SUBMITTED',
  'WINNERS',
  'AWARDS_ACCEPTED',
  'TIME_APPROVED',
  'TIME_LOGGED',
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];
export const ACTIVITIES = [...FUNNEL_STEPS, 'MENTORED'] as const;
export type Activity = (typeof ACTIVITIES)[number];

export type ActivityCounts = Readonly<Record<Activity, number>>;

export function zeroCounts(): Record<Activity, number> {
  return Object.fromEntries(ACTIVITIES.map((activity) => [activity, 0])) as Record<Activity, number>;
}

/** One step as released: its count and the conversion from the previous step and from members (fractions). */
export interface ReleasedStep {
  readonly step: Activity;
  readonly count: ReleasedCount;
  readonly fromPrevious: number | null;
  readonly fromMembers: number | null;
}

/** The previous step of the funnel; `MENTORED` is measured against members. */
export function previousStep(step: Activity): Activity | null {
  if (step === 'MENTORED') return 'MEMBERS';
  const index = FUNNEL_STEPS.indexOf(step);
  return index > 0 ? (FUNNEL_STEPS[index - 1] ?? null) : null;
}

function stepsOf(counts: ReadonlyMap<Activity, ReleasedCount>): ReleasedStep[] {
  return ACTIVITIES.map((step) => {
    const count = counts.get(step) ?? releaseCount(0, Number.MAX_SAFE_INTEGER);
    const previous = previousStep(step);
    const members = counts.get('MEMBERS');
    return {
      step,
      count,
      fromPrevious: previous ? releasedRate(count, counts.get(previous) ?? count) : null,
      fromMembers: step === 'MEMBERS' || !members ? null : releasedRate(count, members),
    };
  });
}

/** A funnel with no breakdown: each step's count on its own, small ones suppressed. */
export function releaseFunnel(counts: ActivityCounts, threshold: number): ReleasedStep[] {
  return stepsOf(new Map(ACTIVITIES.map((step) => [step, releaseCount(counts[step], threshold)])));
}

export interface ReleasedGroupFunnel {
  readonly group: string;
  readonly steps: ReleasedStep[];
}

export interface ReleasedSplitFunnel {
  readonly total: ReleasedStep[];
  readonly groups: ReleasedGroupFunnel[];
}

/**
 * A funnel split by one dimension (`groups` in display order, partitioning the members: career stage, a
 * demographic answer with "not answered"): each step's groups are one line for `suppressLine`, whose total is
 * the unsplit funnel's figure. Rates are given only between counts that are both published.
 */
export function releaseSplitFunnel(
  groups: readonly string[],
  countsOf: (group: string) => ActivityCounts,
  threshold: number,
): ReleasedSplitFunnel {
  const perGroup = groups.map(() => new Map<Activity, ReleasedCount>());
  const total = new Map<Activity, ReleasedCount>();
  for (const step of ACTIVITIES) {
    const line = suppressLine(
      groups.map((group) => countsOf(group)[step]),
      threshold,
    );
    total.set(step, line.total);
    line.cells.forEach((cell, index) => perGroup[index]?.set(step, cell));
  }
  return {
    total: stepsOf(total),
    groups: groups.map((group, index) => ({ group, steps: stepsOf(perGroup[index] ?? new Map()) })),
  };
}
