import { FundingErrorCode } from '../funding.exception';
import { refusalOf } from '../testing/refusal';
import {
  assertTimeLogEditable,
  isTimeLogLocked,
  TIME_LOG_EDIT_WINDOW_DAYS,
  validateTimeLog,
  validateTimeLogEdit,
  validateWeekEntry,
} from './time-log';

const TODAY = '2026-03-18'; // a Wednesday

describe('time-log rules', () => {
  it('records date, quarter-hour minutes, activity and a trimmed private note', () => {
    expect(
      validateTimeLog({ date: TODAY, hours: 2.75, activity: 'WRITING', note: '  draft intro ' }, TODAY, 0),
    ).toEqual({
      date: TODAY,
      minutes: 165,
      activity: 'WRITING',
      note: 'draft intro',
    });
    expect(
      validateTimeLog({ date: TODAY, hours: 1, activity: 'RESEARCH', note: '   ' }, TODAY, 0).note,
    ).toBeNull();
  });

  it('refuses future dates', () => {
    expect(
      refusalOf(() => validateTimeLog({ date: '2026-03-19', hours: 1, activity: 'RESEARCH' }, TODAY, 0)).code,
    ).toBe(FundingErrorCode.FUTURE_TIME_LOG);
  });

  it('caps a day at 24 hours across all entries', () => {
    expect(validateTimeLog({ date: TODAY, hours: 4, activity: 'RESEARCH' }, TODAY, 20 * 60).minutes).toBe(
      240,
    );
    const error = refusalOf(() =>
      validateTimeLog({ date: TODAY, hours: 4.25, activity: 'RESEARCH' }, TODAY, 20 * 60),
    );
    expect(error.code).toBe(FundingErrorCode.DAY_OVER_24_HOURS);
    expect(error.message).toMatch(/24.25 h logged in all/);
  });

  it('keeps a day editable for 14 days, then locks it', () => {
    expect(TIME_LOG_EDIT_WINDOW_DAYS).toBe(14);
    expect(isTimeLogLocked('2026-03-04', TODAY)).toBe(false);
    expect(isTimeLogLocked('2026-03-03', TODAY)).toBe(true);
    expect(() => assertTimeLogEditable('2026-03-04', TODAY)).not.toThrow();
    expect(refusalOf(() => assertTimeLogEditable('2026-03-03', TODAY)).code).toBe(
      FundingErrorCode.TIME_LOG_LOCKED,
    );
    expect(
      refusalOf(() => validateTimeLog({ date: '2026-03-03', hours: 1, activity: 'OTHER' }, TODAY, 0)).code,
    ).toBe(FundingErrorCode.TIME_LOG_LOCKED);
  });

  it('edits an entry only while both its old and its new day are open, counting the rest of the new day', () => {
    // moved from an open day to another open day, the entry's own minutes not counted twice on its old day
    expect(
      validateTimeLogEdit(
        '2026-03-16',
        { date: '2026-03-17', hours: 3, activity: 'WRITING' },
        TODAY,
        21 * 60,
      ),
    ).toEqual({ date: '2026-03-17', minutes: 180, activity: 'WRITING', note: null });
    // an entry of a locked day stays as certified, even when moved into the window
    const locked = refusalOf(() =>
      validateTimeLogEdit('2026-03-03', { date: TODAY, hours: 1, activity: 'RESEARCH' }, TODAY, 0),
    );
    expect(locked.code).toBe(FundingErrorCode.TIME_LOG_LOCKED);
    expect(locked.details).toMatchObject({ field: 'date', date: '2026-03-03', windowDays: 14 });
    // nor can an open entry be moved onto a locked or a future day, or past 24 h on its new day
    expect(
      refusalOf(() =>
        validateTimeLogEdit('2026-03-16', { date: '2026-03-03', hours: 1, activity: 'RESEARCH' }, TODAY, 0),
      ).code,
    ).toBe(FundingErrorCode.TIME_LOG_LOCKED);
    expect(
      refusalOf(() =>
        validateTimeLogEdit('2026-03-16', { date: '2026-03-19', hours: 1, activity: 'RESEARCH' }, TODAY, 0),
      ).code,
    ).toBe(FundingErrorCode.FUTURE_TIME_LOG);
    expect(
      refusalOf(() =>
        validateTimeLogEdit('2026-03-16', { date: TODAY, hours: 3.25, activity: 'RESEARCH' }, TODAY, 21 * 60),
      ).code,
    ).toBe(FundingErrorCode.DAY_OVER_24_HOURS);
    // shape problems first, with their field
    expect(
      refusalOf(() => validateTimeLogEdit('2026-03-16', { date: TODAY, hours: 0, activity: 'NAP' }, TODAY, 0))
        .code,
    ).toBe(FundingErrorCode.INVALID_INPUT);
  });

  it('reports every shape problem with its field', () => {
    const error = refusalOf(() =>
      validateTimeLog(
        { date: '2026-02-30', hours: 0.1, activity: 'NAPPING', note: 'x'.repeat(1001) },
        TODAY,
        0,
      ),
    );
    expect((error.details.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'date',
      'hours',
      'activity',
      'note',
    ]);
    for (const hours of [0, -1, 24.25, Number.NaN]) {
      expect(refusalOf(() => validateTimeLog({ date: TODAY, hours, activity: 'OTHER' }, TODAY, 0)).code).toBe(
        FundingErrorCode.INVALID_INPUT,
      );
    }
  });

  it('takes a week in bulk, all or nothing, with entries indexed in errors', () => {
    const week = validateWeekEntry(
      '2026-03-16',
      [
        { date: '2026-03-16', hours: 4, activity: 'RESEARCH' },
        { date: '2026-03-16', hours: 2, activity: 'WRITING' },
        { date: '2026-03-17', hours: 3.5, activity: 'DATA_COLLECTION' },
      ],
      TODAY,
    );
    expect(week.map((entry) => entry.minutes)).toEqual([240, 120, 210]);

    const shape = refusalOf(() =>
      validateWeekEntry(
        '2026-03-16',
        [
          { date: '2026-03-16', hours: 4, activity: 'RESEARCH' },
          { date: '2026-03-23', hours: 1, activity: 'RESEARCH' },
          { date: '2026-03-17', hours: 1, activity: 'NOPE' },
        ],
        TODAY,
      ),
    );
    expect((shape.details.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'entries[1].date',
      'entries[2].activity',
    ]);
    expect(
      refusalOf(() =>
        validateWeekEntry('2026-03-17', [{ date: '2026-03-17', hours: 1, activity: 'OTHER' }], TODAY),
      ).message,
    ).toMatch(/weekStart: must be the Monday/);
    expect(refusalOf(() => validateWeekEntry('2026-03-16', [], TODAY)).message).toMatch(
      /entries: must contain/,
    );
  });

  it('applies the future-date and daily cap rules to a bulk week, counting what stays logged', () => {
    expect(
      refusalOf(() =>
        validateWeekEntry('2026-03-16', [{ date: '2026-03-20', hours: 1, activity: 'OTHER' }], TODAY),
      ).code,
    ).toBe(FundingErrorCode.FUTURE_TIME_LOG);
    const error = refusalOf(() =>
      validateWeekEntry(
        '2026-03-16',
        [
          { date: '2026-03-17', hours: 12, activity: 'RESEARCH' },
          { date: '2026-03-17', hours: 12, activity: 'WRITING' },
        ],
        TODAY,
        new Map([['2026-03-17', 15]]),
      ),
    );
    expect(error.code).toBe(FundingErrorCode.DAY_OVER_24_HOURS);
    expect(error.details).toMatchObject({ date: '2026-03-17', alreadyLoggedHours: 0.25, addedHours: 24 });
  });
});
