import { addDays, toEpochDay, fromEpochDay } from '../calendar/iso-day';
import { type ProtectedTimeAllocation } from './allocation';
import {
  assessErosion,
  erosionTransitions,
  DEFAULT_EROSION_OPTIONS,
  type StoredErosionState,
} from './erosion';
import { isBelowThreshold, utilisationByPeriod, type LoggedMinutes } from './utilisation';

const allocation = (weeklyMinutes: number, from: string, to: string): ProtectedTimeAllocation => ({
  id: `${from}`,
  memberId: 'm1',
  awardId: 'aw1',
  weeklyMinutes,
  from,
  to,
});

/** Logs `minutesPerWeek` spread as one entry on the Tuesday of each ISO week starting at `firstMonday`. */
function weeklyLogs(firstMonday: string, minutesPerWeek: readonly number[]): LoggedMinutes[] {
  return minutesPerWeek
    .map((minutes, index) => ({ date: addDays(firstMonday, index * 7 + 1), minutes }))
    .filter((log) => log.minutes > 0);
}

describe('utilisation per ISO week and month', () => {
  const eightHours = [allocation(480, '2026-01-05', '2026-12-31')];

  it('is logged ÷ allocated per complete week', () => {
    const rows = utilisationByPeriod(
      eightHours,
      weeklyLogs('2026-01-05', [480, 240, 0]),
      { from: '2026-01-05', to: '2026-01-25' },
      '2026-02-01',
      'WEEK',
    );
    expect(
      rows.map((row) => [
        row.period.key,
        row.allocatedMinutes,
        row.loggedMinutes,
        row.utilisation,
        row.complete,
      ]),
    ).toEqual([
      ['2026-W02', 480, 480, 1, true],
      ['2026-W03', 480, 240, 0.5, true],
      ['2026-W04', 480, 0, 0, true],
    ]);
  });

  it('prorates a week cut by the allocation start, and ignores logs outside any allocation', () => {
    const fromThursday = [allocation(700, '2026-01-08', '2026-12-31')];
    const [row] = utilisationByPeriod(
      fromThursday,
      [
        { date: '2026-01-06', minutes: 300 }, // Tuesday, before the allocation: not protected time
        { date: '2026-01-09', minutes: 200 },
      ],
      { from: '2026-01-05', to: '2026-01-11' },
      '2026-02-01',
      'WEEK',
    );
    expect(row).toMatchObject({ allocatedMinutes: 400, loggedMinutes: 200, utilisation: 0.5 });
  });

  it('follows a change of weekly amount mid-week day by day', () => {
    const changed = [
      allocation(480, '2026-01-05', '2026-01-07'),
      allocation(240, '2026-01-08', '2026-12-31'),
    ];
    const [row] = utilisationByPeriod(
      changed,
      [],
      { from: '2026-01-05', to: '2026-01-11' },
      '2026-02-01',
      'WEEK',
    );
    expect(row.allocatedMinuteDays).toBe(480 * 3 + 240 * 4);
  });

  it('counts the current week only up to today and marks it incomplete', () => {
    const rows = utilisationByPeriod(
      eightHours,
      [],
      { from: '2026-01-05', to: '2026-01-18' },
      '2026-01-14',
      'WEEK',
    );
    expect(rows.map((row) => [row.period.key, row.allocatedMinuteDays, row.complete])).toEqual([
      ['2026-W02', 480 * 7, true],
      ['2026-W03', 480 * 3, false],
    ]);
  });

  it('reports months with the same proration, null where nothing was allocated', () => {
    const rows = utilisationByPeriod(
      [allocation(700, '2026-02-15', '2026-03-31')],
      [{ date: '2026-02-20', minutes: 1000 }],
      { from: '2026-01-01', to: '2026-03-31' },
      '2026-06-01',
      'MONTH',
    );
    expect(rows.map((row) => [row.period.key, row.allocatedMinutes, row.utilisation])).toEqual([
      ['2026-01', 0, null],
      ['2026-02', 1400, 1000 / 1400],
      ['2026-03', 3100, 0],
    ]);
  });

  it('compares exactly at the threshold', () => {
    const [row] = utilisationByPeriod(
      eightHours,
      weeklyLogs('2026-01-05', [240]),
      { from: '2026-01-05', to: '2026-01-11' },
      '2026-02-01',
      'WEEK',
    );
    expect(isBelowThreshold(row, 50)).toBe(false);
    expect(isBelowThreshold({ ...row, loggedMinutes: 239 }, 50)).toBe(true);
  });
});

describe('erosion detection', () => {
  const eightHours = [allocation(480, '2026-01-05', '2026-12-31')];
  const range = { from: '2026-01-05', to: '2026-12-31' };

  function stateAfter(logs: LoggedMinutes[], today: string, allocations = eightHours) {
    return assessErosion(
      utilisationByPeriod(allocations, logs, range, today, 'WEEK'),
      DEFAULT_EROSION_OPTIONS,
    );
  }

  it('flags AT_RISK only when the third consecutive complete low week ends', () => {
    const logs = weeklyLogs('2026-01-05', [480, 100, 100, 100]);
    // Sunday 2026-02-01 is the last day of the third low week (W05): not complete yet.
    expect(stateAfter(logs, '2026-02-01')).toMatchObject({ status: 'OK', lowStreak: 2 });
    // Monday 2026-02-02: W05 is complete.
    expect(stateAfter(logs, '2026-02-02')).toMatchObject({
      status: 'AT_RISK',
      lowStreak: 3,
      episode: { startedWeek: '2026-W05', firstLowWeek: '2026-W03', recoveredWeek: null },
    });
  });

  it('resets the streak on a week at or above the threshold', () => {
    const logs = weeklyLogs('2026-01-05', [100, 100, 240, 100, 100]);
    expect(stateAfter(logs, '2026-02-09')).toMatchObject({ status: 'OK', lowStreak: 2, episodes: [] });
  });

  it('recovers on the first good complete week, and records each episode once', () => {
    const logs = weeklyLogs('2026-01-05', [0, 0, 0, 0, 480, 0, 0, 0]);
    const state = stateAfter(logs, '2026-03-02');
    expect(state.episodes).toEqual([
      { startedWeek: '2026-W04', firstLowWeek: '2026-W02', recoveredWeek: '2026-W06' },
      { startedWeek: '2026-W09', firstLowWeek: '2026-W07', recoveredWeek: null },
    ]);
    expect(state.status).toBe('AT_RISK');
  });

  it('judges a partial week at an allocation boundary against its prorated allocation', () => {
    // Allocation from Thursday 8 Jan: W02 expects 4/7 of 7 h = 4 h; 2 h logged is exactly 50 %, not low.
    const allocations = [allocation(420, '2026-01-08', '2026-12-31')];
    const logs = [{ date: '2026-01-09', minutes: 120 }, ...weeklyLogs('2026-01-12', [0, 0])];
    expect(stateAfter(logs, '2026-01-26', allocations)).toMatchObject({ status: 'OK', lowStreak: 2 });
    const fewer = [{ date: '2026-01-09', minutes: 105 }, ...weeklyLogs('2026-01-12', [0, 0])];
    expect(stateAfter(fewer, '2026-01-26', allocations)).toMatchObject({ status: 'AT_RISK', lowStreak: 3 });
  });

  it('judges each week against the amount allocated that week when the allocation changes mid-period', () => {
    // 8 h a week until 1 Feb, then 2 h: 90 minutes a week is low before the change and fine after it.
    const allocations = [
      allocation(480, '2026-01-05', '2026-02-01'),
      allocation(120, '2026-02-02', '2026-12-31'),
    ];
    const logs = weeklyLogs('2026-01-05', [90, 90, 90, 90, 90, 90]);
    const state = stateAfter(logs, '2026-02-16', allocations);
    expect(state.episodes).toEqual([
      { startedWeek: '2026-W04', firstLowWeek: '2026-W02', recoveredWeek: '2026-W06' },
    ]);
    expect(state.status).toBe('OK');
  });

  it('neither extends nor breaks a streak over a week with nothing allocated', () => {
    const allocations = [
      allocation(480, '2026-01-05', '2026-01-18'),
      allocation(480, '2026-01-26', '2026-12-31'),
    ];
    const logs = weeklyLogs('2026-01-05', [0, 0, 480, 0]);
    // W02 low, W03 low, W04 nothing allocated (the 480 logged falls outside), W05 low: third low week.
    expect(stateAfter(logs, '2026-02-02', allocations)).toMatchObject({ status: 'AT_RISK', lowStreak: 3 });
  });

  it('honours a configured threshold and streak length', () => {
    const rows = utilisationByPeriod(
      eightHours,
      weeklyLogs('2026-01-05', [300, 300]),
      range,
      '2026-01-19',
      'WEEK',
    );
    expect(assessErosion(rows, { thresholdPercent: 70, consecutiveWeeks: 2 }).status).toBe('AT_RISK');
    expect(assessErosion(rows, { thresholdPercent: 60, consecutiveWeeks: 2 }).status).toBe('OK');
    expect(() => assessErosion(rows, { thresholdPercent: 0, consecutiveWeeks: 2 })).toThrow(
      /thresholdPercent/,
    );
    expect(() => assessErosion(rows, { thresholdPercent: 50, consecutiveWeeks: 0 })).toThrow(
      /consecutiveWeeks/,
    );
  });

  it('yields one start and one recovery per episode however often it is re-evaluated', () => {
    const logs = weeklyLogs('2026-01-05', [0, 0, 0, 0, 480, 480]);
    const published: string[] = [];
    let stored: StoredErosionState | null = null;
    for (let day = toEpochDay('2026-01-05'); day <= toEpochDay('2026-02-23'); day += 1) {
      const state = stateAfter(logs, fromEpochDay(day));
      for (const transition of erosionTransitions(stored, state)) {
        published.push(
          transition.kind === 'AT_RISK_STARTED'
            ? `start ${transition.episode.startedWeek}`
            : `recover ${transition.startedWeek}`,
        );
      }
      stored = {
        episodeStartedWeek: state.episode?.startedWeek ?? null,
        assessedThroughWeek: state.assessedThroughWeek,
      };
    }
    expect(published).toEqual(['start 2026-W04', 'recover 2026-W04']);
  });

  it('reports a recovery and a new start when both happened between two evaluations', () => {
    const logs = weeklyLogs('2026-01-05', [0, 0, 0, 480, 0, 0, 0]);
    const state = stateAfter(logs, '2026-02-23');
    expect(state.episode?.startedWeek).toBe('2026-W08');
    const storedAtW05 = { episodeStartedWeek: '2026-W04', assessedThroughWeek: '2026-W05' };
    expect(erosionTransitions(storedAtW05, state).map((transition) => transition.kind)).toEqual([
      'RECOVERED',
      'AT_RISK_STARTED',
    ]);
    expect(
      erosionTransitions({ episodeStartedWeek: '2026-W08', assessedThroughWeek: '2026-W08' }, state),
    ).toEqual([]);
  });

  it('treats an ongoing episode whose start a late edit moved as the same episode', () => {
    // Stored after W05: at risk since W04 (W02-W04 low). A late edit then makes W02 good, so the streak
    // W03-W05 puts the start at W05, inside the stored horizon: still one episode, nothing to publish.
    const edited = weeklyLogs('2026-01-05', [480, 0, 0, 0]);
    const state = stateAfter(edited, '2026-02-02');
    expect(state.episode?.startedWeek).toBe('2026-W05');
    expect(
      erosionTransitions({ episodeStartedWeek: '2026-W04', assessedThroughWeek: '2026-W05' }, state),
    ).toEqual([]);
    expect(erosionTransitions(null, state).map((transition) => transition.kind)).toEqual(['AT_RISK_STARTED']);
    expect(
      erosionTransitions(
        { episodeStartedWeek: '2026-W04', assessedThroughWeek: '2026-W05' },
        stateAfter([], '2026-01-05'),
      ),
    ).toEqual([{ kind: 'RECOVERED', startedWeek: '2026-W04' }]);
  });
});
