import { bucketsCovering } from './period';
import {
  ALL_INSTITUTIONS,
  ALL_STAGES,
  cellKey,
  contributionsOf,
  countsFromRollup,
  mentoredRuns,
  rollupChange,
  type FunnelSnapshot,
} from './rollup';

const INSTITUTION = '11111111-1111-1111-1111-111111111111';
const OTHER = '22222222-2222-2222-2222-222222222222';

function member(values: Partial<FunnelSnapshot>): FunnelSnapshot {
  return {
    institutionId: INSTITUTION,
    careerStage: 'RESIDENT',
    registeredAt: null,
    flow: [],
    mentoring: [],
    ...values,
  };
}

const own = (granularity: 'MONTH' | 'QUARTER' | 'YEAR', start: string, step: string) =>
  cellKey({
    granularity,
    bucketStart: new Date(start).toISOString(),
    institutionId: INSTITUTION,
    careerStage: 'RESIDENT',
    step: step as 'MEMBERS',
  });

describe('funnel roll-up arithmetic', () => {
  it('counts a registration once at every level of every granularity, in the bucket it falls in', () => {
    const cells = contributionsOf(member({ registeredAt: new Date('2026-05-31T23:59:59Z') }));
    expect(cells.size).toBe(3 * 4);
    expect(cells.get(own('MONTH', '2026-05-01', 'MEMBERS'))).toBe(1);
    expect(cells.get(own('QUARTER', '2026-04-01', 'MEMBERS'))).toBe(1);
    expect(cells.get(own('YEAR', '2026-01-01', 'MEMBERS'))).toBe(1);
    for (const [institutionId, careerStage] of [
      [INSTITUTION, ALL_STAGES],
      [ALL_INSTITUTIONS, 'RESIDENT'],
      [ALL_INSTITUTIONS, ALL_STAGES],
    ]) {
      const key = cellKey({
        granularity: 'MONTH',
        bucketStart: '2026-05-01T00:00:00.000Z',
        institutionId,
        careerStage,
        step: 'MEMBERS',
      });
      expect(cells.get(key)).toBe(1);
    }
  });

  it('counts a step done in two months of one quarter twice by month and once by quarter and year', () => {
    const cells = contributionsOf(
      member({
        flow: [
          { step: 'SUBMITTED', month: '2026-01' },
          { step: 'SUBMITTED', month: '2026-03' },
        ],
      }),
    );
    expect(cells.get(own('MONTH', '2026-01-01', 'SUBMITTED'))).toBe(1);
    expect(cells.get(own('MONTH', '2026-03-01', 'SUBMITTED'))).toBe(1);
    expect(cells.get(own('QUARTER', '2026-01-01', 'SUBMITTED'))).toBe(1);
    expect(cells.get(own('YEAR', '2026-01-01', 'SUBMITTED'))).toBe(1);
  });

  it('merges overlapping and adjacent mentoring into one run, open-ended when one span is', () => {
    const spans = [
      { start: new Date('2026-01-10Z'), end: new Date('2026-02-03Z') },
      { start: new Date('2026-03-01Z'), end: new Date('2026-03-02Z') },
      { start: new Date('2026-06-15Z'), end: null },
      { start: null, end: null },
    ];
    const runs = mentoredRuns(spans, 'MONTH').map((run) => [
      run.first.label,
      run.last === null ? null : run.last.label,
    ]);
    expect(runs).toEqual([
      ['2026-01', '2026-03'],
      ['2026-06', null],
    ]);
    expect(mentoredRuns(spans, 'YEAR').map((run) => [run.first.label, run.last])).toEqual([['2026', null]]);
  });

  it('counts a span that ended before it started only when both fall in one bucket', () => {
    const backwards = [{ start: new Date('2026-02-10Z'), end: new Date('2026-01-20Z') }];
    expect(mentoredRuns(backwards, 'MONTH')).toEqual([]);
    expect(mentoredRuns(backwards, 'QUARTER').map((run) => run.first.label)).toEqual(['2026-Q1']);
  });

  it('moves every cell of a member who changes institution, and leaves out what does not change', () => {
    const before = member({
      registeredAt: new Date('2025-01-05Z'),
      flow: [{ step: 'ATTENDEES', month: '2025-02' }],
    });
    const after = { ...before, institutionId: OTHER };
    const change = rollupChange([{ before, after }]);
    expect(change.get(own('MONTH', '2025-01-01', 'MEMBERS'))).toBe(-1);
    // the network's cells are the same before and after: not in the change
    expect([...change.keys()].some((key) => key.includes(ALL_INSTITUTIONS))).toBe(false);
    expect([...change.values()].reduce((sum, value) => sum + value, 0)).toBe(0);
    expect(rollupChange([{ before, after: before }]).size).toBe(0);
  });

  it('gives a stock as the sum of its deltas up to each bucket and a flow step as its cell', () => {
    const buckets = bucketsCovering({ from: new Date('2026-01-01Z'), to: new Date('2026-04-01Z') }, 'MONTH');
    const at = (iso: string) => new Date(iso);
    const counts = countsFromRollup(
      [
        { bucketStart: at('2026-01-01Z'), step: 'MEMBERS', group: 'ALL', value: 40 }, // every delta before, summed
        { bucketStart: at('2026-02-01Z'), step: 'MEMBERS', group: 'ALL', value: 3 },
        { bucketStart: at('2026-02-01Z'), step: 'MENTORED', group: 'ALL', value: 2 },
        { bucketStart: at('2026-03-01Z'), step: 'MENTORED', group: 'ALL', value: -2 },
        { bucketStart: at('2026-02-01Z'), step: 'ATTENDEES', group: 'ALL', value: 7 },
      ],
      buckets,
    );
    const of = (index: number, step: 'MEMBERS' | 'MENTORED' | 'ATTENDEES') =>
      counts.get(index)?.get('ALL')?.get(step) ?? 0;
    expect([0, 1, 2].map((index) => of(index, 'MEMBERS'))).toEqual([40, 43, 43]);
    expect([0, 1, 2].map((index) => of(index, 'MENTORED'))).toEqual([0, 2, 0]);
    expect([0, 1, 2].map((index) => of(index, 'ATTENDEES'))).toEqual([0, 7, 0]);
  });
});
