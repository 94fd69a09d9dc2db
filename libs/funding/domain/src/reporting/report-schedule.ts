import { addDays, addMonths, daysBetween, isIsoDay, toEpochDay, type IsoDay } from '../calendar/iso-day';
import { throwIfInvalid, type FieldError } from '../funding.exception';

export type ReportKind = 'PROGRESS' | 'FINAL';

export interface ScheduledReport {
  readonly kind: ReportKind;
  /** 1, 2, … for progress reports; the final report has the next number so every report has a unique key. */
  readonly sequence: number;
  readonly dueOn: IsoDay;
}

export interface ReportScheduleInput {
  readonly activatedOn: IsoDay;
  readonly endsOn: IsoDay;
  readonly everyMonths: number;
  /** Grace after the award ends for the final report (time for last payments and outputs). */
  readonly finalDueDaysAfterEnd?: number;
}

export const DEFAULT_FINAL_REPORT_GRACE_DAYS = 30;

/**
 * A progress report every N months from activation while the award runs, then a final one after it ends. A
 * progress report that would fall on or after the end date is dropped: the final report covers that stretch.
 */
export function reportSchedule(input: ReportScheduleInput): ScheduledReport[] {
  const grace = input.finalDueDaysAfterEnd ?? DEFAULT_FINAL_REPORT_GRACE_DAYS;
  const errors: FieldError[] = [];
  if (!isIsoDay(input.activatedOn))
    errors.push({ field: 'activatedOn', message: 'must be a date YYYY-MM-DD' });
  if (!isIsoDay(input.endsOn)) errors.push({ field: 'endsOn', message: 'must be a date YYYY-MM-DD' });
  else if (isIsoDay(input.activatedOn) && daysBetween(input.activatedOn, input.endsOn) < 0) {
    errors.push({ field: 'endsOn', message: 'must not be before the activation date' });
  }
  if (!Number.isInteger(input.everyMonths) || input.everyMonths < 1 || input.everyMonths > 24) {
    errors.push({ field: 'everyMonths', message: 'must be a whole number from 1 to 24' });
  }
  if (!Number.isInteger(grace) || grace < 0 || grace > 365) {
    errors.push({ field: 'finalDueDaysAfterEnd', message: 'must be a whole number from 0 to 365' });
  }
  throwIfInvalid(errors);
  const reports: ScheduledReport[] = [];
  for (let sequence = 1; ; sequence += 1) {
    const dueOn = addMonths(input.activatedOn, sequence * input.everyMonths);
    if (toEpochDay(dueOn) >= toEpochDay(input.endsOn)) break;
    reports.push({ kind: 'PROGRESS', sequence, dueOn });
  }
  reports.push({ kind: 'FINAL', sequence: reports.length + 1, dueOn: addDays(input.endsOn, grace) });
  return reports;
}

export type ReportState = 'UPCOMING' | 'OVERDUE' | 'SUBMITTED' | 'SUBMITTED_LATE';

export interface ReportStatus extends ScheduledReport {
  readonly state: ReportState;
  readonly submittedOn: IsoDay | null;
  /** Days past due (today for an outstanding report, the submission day for a late one); 0 when not late. */
  readonly daysLate: number;
}

/** A report is overdue from the day after its due date until it is submitted. */
export function reportStatuses(
  schedule: readonly ScheduledReport[],
  submissions: ReadonlyArray<{ readonly sequence: number; readonly submittedOn: IsoDay }>,
  today: IsoDay,
): ReportStatus[] {
  const submitted = new Map(submissions.map((submission) => [submission.sequence, submission.submittedOn]));
  return schedule.map((report) => {
    const submittedOn = submitted.get(report.sequence) ?? null;
    const lateBy = daysBetween(report.dueOn, submittedOn ?? today);
    const state: ReportState =
      submittedOn !== null
        ? lateBy > 0
          ? 'SUBMITTED_LATE'
          : 'SUBMITTED'
        : lateBy > 0
          ? 'OVERDUE'
          : 'UPCOMING';
    return { ...report, state, submittedOn, daysLate: Math.max(0, lateBy) };
  });
}
