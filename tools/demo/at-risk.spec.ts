import { DAY_MS, HOUR_MS, tickStart, WEEK_MS } from '@praxis/platform/scheduler';
import { atRiskTimeline, mondayOf } from './at-risk';

/** Funding's weekly check: Mondays 06:00 UTC (libs/funding/feature/src/erosion/weekly-at-risk-check.job.ts). */
const WEEKLY = { everyMs: WEEK_MS, offsetMs: 4 * DAY_MS + 6 * HOUR_MS };

describe('the demo’s at-risk timeline on funding’s test clock', () => {
  it('finds the Monday of any day', () => {
    expect(mondayOf('2026-12-02').toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(mondayOf('2026-11-30').toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(mondayOf('2026-12-06').toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  it.each(['2026-11-30', '2026-12-02', '2026-12-06'])(
    'for time starting %s: the first move stops short of the tick that completes three weeks, the second passes it',
    (from) => {
      const timeline = atRiskTimeline(from);
      const due = tickStart(WEEKLY, timeline.afterCheck.getTime());
      expect(due.toISOString()).toBe('2026-12-21T06:00:00.000Z');
      // the check that runs first sees two complete weeks (not yet at risk); the second three
      expect(tickStart(WEEKLY, timeline.beforeCheck.getTime()).toISOString()).toBe(
        '2026-12-14T06:00:00.000Z',
      );
      expect(timeline.weeks).toEqual({ from: '2026-11-30', to: '2026-12-20' });
      // the logs are in the second and third weeks, no later than the clock's day and within its 14 days
      expect(timeline.logDays).toEqual(['2026-12-09', '2026-12-16']);
      const today = timeline.beforeCheck.toISOString().slice(0, 10);
      for (const day of timeline.logDays) {
        expect(day <= today).toBe(true);
        expect(Date.parse(today) - Date.parse(day)).toBeLessThanOrEqual(14 * DAY_MS);
      }
    },
  );
});
