import {
  fromEpochDay,
  isoWeekOf,
  monthOf,
  periodsCovering,
  toEpochDay,
  type CalendarPeriod,
  type IsoDay,
} from '../calendar/iso-day';
import { allocatedMinuteDays, isCoveredDay, type ProtectedTimeAllocation } from './allocation';

export type UtilisationGranularity = 'WEEK' | 'MONTH';

export interface LoggedMinutes {
  readonly date: IsoDay;
  readonly minutes: number;
}

export interface UtilisationRow {
  readonly period: CalendarPeriod;
  /** Allocated × 7, an exact integer (see `allocatedMinuteDays`); compare with this, display `allocatedMinutes`. */
  readonly allocatedMinuteDays: number;
  readonly allocatedMinutes: number;
  /** Logged on days an allocation covers; time logged outside any allocation is not protected time used. */
  readonly loggedMinutes: number;
  /** logged ÷ allocated; `null` when nothing was allocated in the period (nothing to utilise). */
  readonly utilisation: number | null;
  /** The period ended before today; only complete periods are judged for erosion. */
  readonly complete: boolean;
}

/**
 * Utilisation per ISO week (Monday to Sunday) or calendar month over [from, to]. A period cut by the range, by
 * an allocation's start or end, or by a change of weekly amount is prorated by calendar days, so a week whose
 * allocation starts on Thursday expects 4/7 of the weekly amount. The current period is counted up to today
 * only (to date) and marked incomplete.
 */
export function utilisationByPeriod(
  allocations: readonly Pick<ProtectedTimeAllocation, 'weeklyMinutes' | 'from' | 'to'>[],
  logs: readonly LoggedMinutes[],
  range: { readonly from: IsoDay; readonly to: IsoDay },
  today: IsoDay,
  granularity: UtilisationGranularity,
): UtilisationRow[] {
  const periodOf = granularity === 'WEEK' ? isoWeekOf : monthOf;
  const loggedByDay = new Map<number, number>();
  for (const log of logs) {
    if (!isCoveredDay(allocations, log.date)) continue;
    const day = toEpochDay(log.date);
    loggedByDay.set(day, (loggedByDay.get(day) ?? 0) + log.minutes);
  }
  const todayEpoch = toEpochDay(today);
  return periodsCovering(range.from, range.to, periodOf).map((period) => {
    const start = Math.max(toEpochDay(period.start), toEpochDay(range.from));
    const end = Math.min(toEpochDay(period.end), toEpochDay(range.to), todayEpoch);
    const minuteDays =
      end < start ? 0 : allocatedMinuteDays(allocations, fromEpochDay(start), fromEpochDay(end));
    let logged = 0;
    for (let day = start; day <= end; day += 1) logged += loggedByDay.get(day) ?? 0;
    return {
      period,
      allocatedMinuteDays: minuteDays,
      allocatedMinutes: minuteDays / 7,
      loggedMinutes: logged,
      utilisation: minuteDays === 0 ? null : (logged * 7) / minuteDays,
      complete: toEpochDay(period.end) < todayEpoch,
    };
  });
}

/** Exact comparison of a row against a percentage threshold, free of float rounding at the boundary. */
export function isBelowThreshold(row: UtilisationRow, thresholdPercent: number): boolean {
  return row.loggedMinutes * 7 * 100 < thresholdPercent * row.allocatedMinuteDays;
}
