import { FundingErrorCode } from '../funding.exception';
import { type ProtectedTimeAllocation } from './allocation';
import {
  awardPeriods,
  certifyEffortStatement,
  effortFiguresDigest,
  effortStatement,
} from './effort-statement';

const allocation = (
  awardId: string,
  weeklyMinutes: number,
  from = '2026-01-05',
  to = '2026-12-31',
): ProtectedTimeAllocation => ({
  id: `${awardId}-${from}`,
  memberId: 'm1',
  awardId,
  weeklyMinutes,
  from,
  to,
});

describe('award periods', () => {
  it('splits an award into consecutive periods, the last ending with the award', () => {
    expect(awardPeriods('2026-01-31', '2026-12-15', 6)).toEqual([
      { index: 0, start: '2026-01-31', end: '2026-07-30' },
      { index: 1, start: '2026-07-31', end: '2026-12-15' },
    ]);
    expect(() => awardPeriods('2026-01-01', '2026-12-31', 0)).toThrow(/months/);
  });
});

describe('effort statements', () => {
  const period = { index: 0, start: '2026-01-05', end: '2026-01-18' };

  it('totals the logged time by activity against the prorated allocation', () => {
    const statement = effortStatement(
      'aw1',
      'm1',
      period,
      [allocation('aw1', 480)],
      [
        { date: '2026-01-06', minutes: 240, activity: 'RESEARCH' },
        { date: '2026-01-13', minutes: 180, activity: 'WRITING' },
        { date: '2026-01-19', minutes: 999, activity: 'RESEARCH' }, // after the period
      ],
    );
    expect(statement).toMatchObject({ allocatedMinutes: 960, loggedMinutes: 420, utilisation: 420 / 960 });
    expect(statement.loggedByActivity).toMatchObject({ RESEARCH: 240, WRITING: 180, TRAINING: 0 });
  });

  it('shares a day covered by two awards in proportion to their weekly amounts, without losing a minute', () => {
    const allocations = [allocation('aw1', 240), allocation('aw2', 480)];
    const logs = [{ date: '2026-01-06', minutes: 100, activity: 'RESEARCH' as const }];
    const first = effortStatement('aw1', 'm1', period, allocations, logs);
    const second = effortStatement('aw2', 'm1', period, allocations, logs);
    expect([first.loggedMinutes, second.loggedMinutes]).toEqual([33, 67]);
  });

  it('only counts days this award covers', () => {
    const allocations = [allocation('aw1', 240, '2026-01-12'), allocation('aw2', 240)];
    const statement = effortStatement('aw1', 'm1', period, allocations, [
      { date: '2026-01-06', minutes: 60, activity: 'RESEARCH' },
      { date: '2026-01-13', minutes: 60, activity: 'RESEARCH' },
    ]);
    expect(statement.loggedMinutes).toBe(30);
  });

  it('is certified by the member once the period is over, with a digest of the figures', () => {
    const statement = effortStatement('aw1', 'm1', period, [allocation('aw1', 480)], []);
    expect(() => certifyEffortStatement(statement, 'someone-else', '2026-02-01')).toThrow(
      expect.objectContaining({ code: FundingErrorCode.NOT_ALLOWED_FOR_ACTOR }),
    );
    expect(() => certifyEffortStatement(statement, 'm1', '2026-01-18')).toThrow(
      expect.objectContaining({ code: FundingErrorCode.EFFORT_PERIOD_NOT_OVER }),
    );
    const certification = certifyEffortStatement(statement, 'm1', '2026-01-19');
    expect(certification).toMatchObject({
      awardId: 'aw1',
      memberId: 'm1',
      periodIndex: 0,
      certifiedOn: '2026-01-19',
    });
    expect(certification.figuresDigest).toMatch(/^[0-9a-f]{64}$/);
    const corrected = effortStatement(
      'aw1',
      'm1',
      period,
      [allocation('aw1', 480)],
      [{ date: '2026-01-10', minutes: 15, activity: 'OTHER' }],
    );
    expect(effortFiguresDigest(corrected)).not.toBe(certification.figuresDigest);
  });
});
