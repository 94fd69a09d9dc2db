import {
  addDays,
  addMonths,
  dayInZone,
  daysInclusive,
  fromEpochDay,
  isIsoDay,
  isoWeekday,
  isoWeekOf,
  monthOf,
  periodsCovering,
  toEpochDay,
} from './iso-day';

/** ISO 8601 week number by the ordinal-date formula: week = ⌊(ordinal − weekday + 10) / 7⌋, then fix the edges. */
function referenceIsoWeek(date: Date): string {
  const year = date.getUTCFullYear();
  const ordinal =
    (Date.UTC(year, date.getUTCMonth(), date.getUTCDate()) - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  const weeksInYear = (y: number): number => {
    const p = (n: number) => (n + Math.floor(n / 4) - Math.floor(n / 100) + Math.floor(n / 400)) % 7;
    return p(y) === 4 || p(y - 1) === 3 ? 53 : 52;
  };
  const week = Math.floor((ordinal - weekday + 10) / 7);
  if (week < 1) return `${year - 1}-W${weeksInYear(year - 1)}`;
  if (week > weeksInYear(year)) return `${year + 1}-W01`;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

describe('calendar days', () => {
  it('validates real dates only', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2026-13-01')).toBe(false);
    expect(isIsoDay('2026-1-01')).toBe(false);
    expect(isIsoDay(20260101)).toBe(false);
  });

  it('does day arithmetic across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(fromEpochDay(toEpochDay('1999-12-31'))).toBe('1999-12-31');
    expect(daysInclusive('2026-01-01', '2026-12-31')).toBe(365);
    expect(daysInclusive('2026-01-02', '2026-01-01')).toBe(0);
  });

  it('adds months clamped to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });

  it('numbers ISO weeks like the ordinal-date reference on every day from 2000 to 2040', () => {
    for (let day = toEpochDay('2000-01-01'); day <= toEpochDay('2040-12-31'); day += 1) {
      const iso = fromEpochDay(day);
      const week = isoWeekOf(iso);
      expect(week.key).toBe(referenceIsoWeek(new Date(`${iso}T00:00:00Z`)));
      expect(isoWeekday(week.start)).toBe(1);
      expect(daysInclusive(week.start, week.end)).toBe(7);
    }
  });

  it('puts the year-boundary days in the right ISO year', () => {
    expect(isoWeekOf('2026-01-01').key).toBe('2026-W01');
    expect(isoWeekOf('2027-01-01').key).toBe('2026-W53');
    expect(isoWeekOf('2024-12-30').key).toBe('2025-W01');
    expect(isoWeekOf('2026-12-31')).toEqual({ key: '2026-W53', start: '2026-12-28', end: '2027-01-03' });
  });

  it('gives months and consecutive covering periods', () => {
    expect(monthOf('2024-02-10')).toEqual({ key: '2024-02', start: '2024-02-01', end: '2024-02-29' });
    expect(periodsCovering('2026-01-28', '2026-02-10', isoWeekOf).map((period) => period.key)).toEqual([
      '2026-W05',
      '2026-W06',
      '2026-W07',
    ]);
  });

  it('finds the local day of an instant in a time zone', () => {
    const instant = new Date('2026-06-30T23:30:00Z');
    expect(dayInZone(instant)).toBe('2026-06-30');
    expect(dayInZone(instant, 'Europe/London')).toBe('2026-07-01');
    expect(dayInZone(instant, 'America/New_York')).toBe('2026-06-30');
  });
});
