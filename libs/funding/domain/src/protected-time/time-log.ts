import { TIME_ACTIVITIES } from '@praxis/contracts';
import { daysBetween, isIsoDay, isoWeekOf, toEpochDay, type IsoDay } from '../calendar/iso-day';
import { FundingDomainError, FundingErrorCode, throwIfInvalid, type FieldError } from '../funding.exception';

// the closed list travels on funding's events, so the contracts hold it
export { TIME_ACTIVITIES } from '@praxis/contracts';
export type TimeActivity = (typeof TIME_ACTIVITIES)[number];

/**
 * A day's entries can be added or changed for 14 days after that day, then they are locked: effort statements
 * are certified from them, and a figure that can still move cannot be certified. The lock runs from the day the
 * work was done (not from when it was typed), so backfilling a month-old week is refused as well.
 */
export const TIME_LOG_EDIT_WINDOW_DAYS = 14;
export const MINUTES_PER_DAY = 24 * 60;
export const TIME_LOG_STEP_MINUTES = 15;
export const TIME_LOG_NOTE_MAX_LENGTH = 1000;

export interface TimeLogInput {
  readonly date: string;
  readonly hours: number;
  readonly activity: string;
  readonly note?: string | null;
}

export interface TimeLogEntry {
  readonly date: IsoDay;
  readonly minutes: number;
  readonly activity: TimeActivity;
  /** Private to the member; never on an event. */
  readonly note: string | null;
}

export function isTimeLogLocked(date: IsoDay, today: IsoDay): boolean {
  return daysBetween(date, today) > TIME_LOG_EDIT_WINDOW_DAYS;
}

/** For edits and deletions of an existing entry: refuses once its day is past the window. */
export function assertTimeLogEditable(date: IsoDay, today: IsoDay): void {
  if (isTimeLogLocked(date, today)) {
    throw new FundingDomainError(
      FundingErrorCode.TIME_LOG_LOCKED,
      `date: entries for ${date} were locked ${TIME_LOG_EDIT_WINDOW_DAYS} days after that day`,
      { field: 'date', date, today, windowDays: TIME_LOG_EDIT_WINDOW_DAYS },
    );
  }
}

function entryProblems(input: TimeLogInput, field: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDay(input.date))
    errors.push({ field: `${field}date`, message: 'must be a calendar date YYYY-MM-DD' });
  const minutes = input.hours * 60;
  if (
    !Number.isFinite(minutes) ||
    Math.abs(minutes - Math.round(minutes)) > 1e-9 ||
    Math.round(minutes) % TIME_LOG_STEP_MINUTES !== 0 ||
    minutes <= 0 ||
    minutes > MINUTES_PER_DAY
  ) {
    errors.push({
      field: `${field}hours`,
      message: `must be more than 0 and at most 24, in quarter hours (got ${input.hours})`,
    });
  }
  if (!(TIME_ACTIVITIES as readonly string[]).includes(input.activity)) {
    errors.push({ field: `${field}activity`, message: `must be one of ${TIME_ACTIVITIES.join(', ')}` });
  }
  if ((input.note?.length ?? 0) > TIME_LOG_NOTE_MAX_LENGTH) {
    errors.push({ field: `${field}note`, message: `must be at most ${TIME_LOG_NOTE_MAX_LENGTH} characters` });
  }
  return errors;
}

function toEntry(input: TimeLogInput): TimeLogEntry {
  const note = input.note?.trim() ?? '';
  return {
    date: input.date,
    minutes: Math.round(input.hours * 60),
    activity: input.activity as TimeActivity,
    note: note === '' ? null : note,
  };
}

function dateRuleError(date: IsoDay, today: IsoDay): FundingDomainError | null {
  if (toEpochDay(date) > toEpochDay(today)) {
    return new FundingDomainError(
      FundingErrorCode.FUTURE_TIME_LOG,
      `date: ${date} is in the future (today is ${today}); log time once it has been spent`,
      { field: 'date', date, today },
    );
  }
  if (isTimeLogLocked(date, today)) {
    return new FundingDomainError(
      FundingErrorCode.TIME_LOG_LOCKED,
      `date: ${date} is more than ${TIME_LOG_EDIT_WINDOW_DAYS} days ago and locked`,
      { field: 'date', date, today, windowDays: TIME_LOG_EDIT_WINDOW_DAYS },
    );
  }
  return null;
}

function dayOverflowError(date: IsoDay, existingMinutes: number, addedMinutes: number): FundingDomainError {
  return new FundingDomainError(
    FundingErrorCode.DAY_OVER_24_HOURS,
    `hours: ${date} would have ${(existingMinutes + addedMinutes) / 60} h logged in all; a day has 24`,
    { field: 'hours', date, alreadyLoggedHours: existingMinutes / 60, addedHours: addedMinutes / 60 },
  );
}

/**
 * One new or edited entry. `otherMinutesThatDay` is what the member has logged that day in all, excluding the
 * entry being edited; the 24-hour cap is across activities and awards, since a day is a day.
 */
export function validateTimeLog(
  input: TimeLogInput,
  today: IsoDay,
  otherMinutesThatDay: number,
): TimeLogEntry {
  throwIfInvalid(entryProblems(input, ''));
  const entry = toEntry(input);
  const dateError = dateRuleError(entry.date, today);
  if (dateError !== null) throw dateError;
  if (otherMinutesThatDay + entry.minutes > MINUTES_PER_DAY) {
    throw dayOverflowError(entry.date, otherMinutesThatDay, entry.minutes);
  }
  return entry;
}

/**
 * An edit replaces an entry whole (day, hours, activity, note). Its current day must still be open (an entry of a
 * locked day stays as certified, wherever it would move) and so must the new one; `otherMinutesThatDay` is what
 * the new day holds without this entry. A deletion is `assertTimeLogEditable` on the current day alone.
 */
export function validateTimeLogEdit(
  currentDate: IsoDay,
  input: TimeLogInput,
  today: IsoDay,
  otherMinutesThatDay: number,
): TimeLogEntry {
  throwIfInvalid(entryProblems(input, ''));
  assertTimeLogEditable(currentDate, today);
  return validateTimeLog(input, today, otherMinutesThatDay);
}

/**
 * Bulk entry for one ISO week, all or nothing: every shape problem is reported at once with its index, then the
 * date and daily-total rules. `existingMinutesByDay` is what stays logged on each day after this entry replaces
 * whatever it replaces (the service decides whether bulk entry adds to or replaces a week).
 */
export function validateWeekEntry(
  weekStart: IsoDay,
  entries: readonly TimeLogInput[],
  today: IsoDay,
  existingMinutesByDay: ReadonlyMap<IsoDay, number> = new Map(),
): TimeLogEntry[] {
  const errors: FieldError[] = [];
  if (!isIsoDay(weekStart) || isoWeekOf(weekStart).start !== weekStart) {
    errors.push({ field: 'weekStart', message: 'must be the Monday that starts an ISO week' });
  }
  if (entries.length === 0) errors.push({ field: 'entries', message: 'must contain at least one day' });
  entries.forEach((entry, index) => {
    const problems = entryProblems(entry, `entries[${index}].`);
    errors.push(...problems);
    if (problems.length === 0 && isIsoDay(weekStart) && isoWeekOf(entry.date).start !== weekStart) {
      errors.push({
        field: `entries[${index}].date`,
        message: `must fall in the week starting ${weekStart}`,
      });
    }
  });
  throwIfInvalid(errors);
  const parsed = entries.map(toEntry);
  const totals = new Map<IsoDay, number>();
  for (const entry of parsed) {
    const dateError = dateRuleError(entry.date, today);
    if (dateError !== null) throw dateError;
    totals.set(entry.date, (totals.get(entry.date) ?? 0) + entry.minutes);
  }
  for (const [date, added] of totals) {
    const existing = existingMinutesByDay.get(date) ?? 0;
    if (existing + added > MINUTES_PER_DAY) throw dayOverflowError(date, existing, added);
  }
  return parsed;
}
