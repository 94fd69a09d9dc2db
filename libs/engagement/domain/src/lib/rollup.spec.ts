import { FUNNEL_STEPS, type Activity } from './funnel';
import { bucketOf, bucketsCovering, GRANULARITIES } from './period';
import {
  ALL_INSTITUTIONS,
  ALL_STAGES,
  cellKey,
  contributionsOf,
  countsFromRollup,
  mentoredRuns,
  monthStart,
  rollupChange,
  type RollupDelta,
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

  it('gives the cells of a plain reference (bucketOf per instant, text keys) over many pseudo-random members', () => {
    // the reference: each member's cells written straight from the rules, one `cellKey` at a time
    const reference = (
      changes: ReadonlyArray<{ before: FunnelSnapshot | null; after: FunnelSnapshot | null }>,
    ) => {
      const delta: RollupDelta = new Map();
      const add = (key: string, value: number) => {
        const next = (delta.get(key) ?? 0) + value;
        if (next === 0) delta.delete(key);
        else delta.set(key, next);
      };
      const cells = (snapshot: FunnelSnapshot | null, sign: number) => {
        if (!snapshot) return;
        for (const granularity of GRANULARITIES) {
          const put = (start: Date, step: Activity, value: number) => {
            for (const institutionId of [snapshot.institutionId, ALL_INSTITUTIONS])
              for (const careerStage of [snapshot.careerStage, ALL_STAGES])
                add(
                  cellKey({
                    granularity,
                    bucketStart: start.toISOString(),
                    institutionId,
                    careerStage,
                    step,
                  }),
                  sign * value,
                );
          };
          if (snapshot.registeredAt) put(bucketOf(snapshot.registeredAt, granularity).start, 'MEMBERS', 1);
          const flow = new Map<string, { step: Activity; start: Date }>();
          for (const { step, month } of snapshot.flow) {
            const start = bucketOf(monthStart(month), granularity).start;
            flow.set(`${step}|${start.toISOString()}`, { step, start });
          }
          for (const { step, start } of flow.values()) put(start, step, 1);
          for (const run of mentoredRuns(snapshot.mentoring, granularity)) {
            put(run.first.start, 'MENTORED', 1);
            if (run.last) put(run.last.end, 'MENTORED', -1);
          }
        }
      };
      for (const { before, after } of changes) {
        cells(before, -1);
        cells(after, 1);
      }
      return delta;
    };
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
    const instant = (fromYear: number, years: number) =>
      new Date(Date.UTC(fromYear, 0, 1) + Math.floor(random() * years * 365 * 86_400_000));
    const snapshot = (): FunnelSnapshot => ({
      institutionId: pick([INSTITUTION, OTHER]),
      careerStage: pick(['RESIDENT', 'STUDENT', 'CONSULTANT']),
      registeredAt: random() < 0.9 ? instant(2019, 7) : null,
      flow: Array.from({ length: Math.floor(random() * 6) }, () => ({
        step: pick(FUNNEL_STEPS.filter((step) => step !== 'MEMBERS')),
        // months of one quarter and year repeat, so a step counts once per bucket
        month: `${pick([2020, 2021, 2025])}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`,
      })),
      mentoring: Array.from({ length: Math.floor(random() * 3) }, () => ({
        start: random() < 0.9 ? instant(2020, 4) : null,
        end: random() < 0.5 ? null : instant(2021, 4),
      })),
    });
    const members = Array.from({ length: 400 }, snapshot);
    const changes = [
      ...members.map((after) => ({ before: null, after })),
      // members changing (some to what another member holds, some removed): their old cells go out
      ...members.slice(0, 200).map((before, index) => ({
        before,
        after: index % 7 === 0 ? null : index % 3 === 0 ? members[index + 1] : snapshot(),
      })),
    ];
    const sorted = (delta: RollupDelta) => [...delta].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const expected = sorted(reference(changes));
    expect(expected.length).toBeGreaterThan(1000);
    expect(sorted(rollupChange(changes))).toEqual(expected);
    expect(sorted(contributionsOf(members[0]))).toEqual(
      sorted(reference([{ before: null, after: members[0] }])),
    );
  });
});
