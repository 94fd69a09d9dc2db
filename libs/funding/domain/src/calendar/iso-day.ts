import { FundingDomainError, FundingErrorCode } from '../funding.exception';

/**
 * Calendar days as `YYYY-MM-DD` strings, and arithmetic on them as whole "epoch days" (days since 1970-01-01).
 * Time logs, ledger entries and allocations are about days, not instants, so nothing here depends on the
 * server's time zone; `dayInZone` turns an instant into the day a person in a given zone calls "today".
 */
export type IsoDay = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isIsoDay(value: unknown): value is IsoDay {
  if (typeof value !== 'string') return false;
  const match = DAY_PATTERN.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function assertIsoDay(value: unknown, field: string): IsoDay {
  if (!isIsoDay(value)) {
    throw new FundingDomainError(
      FundingErrorCode.INVALID_INPUT,
      `${field}: must be a calendar date YYYY-MM-DD (got ${JSON.stringify(value)})`,
      { errors: [{ field, message: 'must be a calendar date YYYY-MM-DD' }] },
    );
  }
  return value;
}

export function toEpochDay(day: IsoDay): number {
  const match = DAY_PATTERN.exec(day);
  if (match === null || !isIsoDay(day)) {
    throw new FundingDomainError(
      FundingErrorCode.INVALID_INPUT,
      `not a calendar date: ${JSON.stringify(day)}`,
      {
        value: day,
      },
    );
  }
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

export function fromEpochDay(epochDay: number): IsoDay {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(day: IsoDay, days: number): IsoDay {
  return fromEpochDay(toEpochDay(day) + days);
}

/** Signed whole days from `from` to `to` (0 when equal). */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Inclusive count of days in [from, to]; 0 when `to` is before `from`. */
export function daysInclusive(from: IsoDay, to: IsoDay): number {
  return Math.max(0, daysBetween(from, to) + 1);
}

/** The day an instant falls on for someone in `timeZone` (IANA), e.g. a late-evening log in Auckland. */
export function dayInZone(instant: Date, timeZone = 'UTC'): IsoDay {
  // en-CA formats as YYYY-MM-DD; formatToParts keeps us independent of that locale detail anyway.
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string): string => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** 1 = Monday … 7 = Sunday (ISO 8601). 1970-01-01 was a Thursday. */
export function isoWeekday(day: IsoDay): number {
  return ((((toEpochDay(day) + 3) % 7) + 7) % 7) + 1;
}

export interface CalendarPeriod {
  /** `2026-W05` for ISO weeks, `2026-02` for months. */
  readonly key: string;
  readonly start: IsoDay;
  /** Inclusive. */
  readonly end: IsoDay;
}

/** The ISO 8601 week containing `day`: Monday to Sunday, numbered within the year that holds its Thursday. */
export function isoWeekOf(day: IsoDay): CalendarPeriod {
  const epochDay = toEpochDay(day);
  const monday = epochDay - (isoWeekday(day) - 1);
  const thursday = fromEpochDay(monday + 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursdayOfYear = (() => {
    const jan4 = `${year}-01-04`;
    return toEpochDay(jan4) - (isoWeekday(jan4) - 1) + 3;
  })();
  const week = (monday + 3 - firstThursdayOfYear) / 7 + 1;
  return {
    key: `${year}-W${String(week).padStart(2, '0')}`,
    start: fromEpochDay(monday),
    end: fromEpochDay(monday + 6),
  };
}

export function monthOf(day: IsoDay): CalendarPeriod {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return {
    key: day.slice(0, 7),
    start: `${day.slice(0, 7)}-01`,
    end: `${day.slice(0, 7)}-${String(lastDay).padStart(2, '0')}`,
  };
}

/** Same day-of-month `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: IsoDay, months: number): IsoDay {
  const [year, month, date] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
  const targetMonthIndex = month - 1 + months;
  const lastDay = new Date(Date.UTC(year, targetMonthIndex + 1, 0)).getUTCDate();
  return fromEpochDay(Date.UTC(year, targetMonthIndex, Math.min(date, lastDay)) / MS_PER_DAY);
}

/** Consecutive periods (weeks or months) that overlap [from, to], in order. */
export function periodsCovering(
  from: IsoDay,
  to: IsoDay,
  periodOf: (day: IsoDay) => CalendarPeriod,
): CalendarPeriod[] {
  const periods: CalendarPeriod[] = [];
  let cursor = from;
  while (toEpochDay(cursor) <= toEpochDay(to)) {
    const period = periodOf(cursor);
    periods.push(period);
    cursor = addDays(period.end, 1);
  }
  return periods;
}
