import { throwIfInvalid, type FieldError } from '../funding.exception';
import { isBelowThreshold, type UtilisationRow } from './utilisation';

export interface ErosionOptions {
  /** Utilisation below this percentage in a complete week counts as a low week. */
  readonly thresholdPercent: number;
  /** This many consecutive low weeks make the member AT_RISK. */
  readonly consecutiveWeeks: number;
}

export const DEFAULT_EROSION_OPTIONS: ErosionOptions = { thresholdPercent: 50, consecutiveWeeks: 3 };

export type ErosionStatus = 'OK' | 'AT_RISK';

export interface ErosionEpisode {
  /** The ISO week whose completion made it the N-th consecutive low week. */
  readonly startedWeek: string;
  /** The first low week of the streak that led to it. */
  readonly firstLowWeek: string;
  /** The first complete week back at or above the threshold; `null` while the episode lasts. */
  readonly recoveredWeek: string | null;
}

export interface ErosionState {
  readonly status: ErosionStatus;
  readonly lowStreak: number;
  /** The ongoing episode, if AT_RISK. */
  readonly episode: ErosionEpisode | null;
  readonly episodes: readonly ErosionEpisode[];
  /** The last complete week replayed (allocated or not); `null` before any week completed. */
  readonly assessedThroughWeek: string | null;
}

/** What the service stores after publishing, to compare the next evaluation with. */
export interface StoredErosionState {
  readonly episodeStartedWeek: string | null;
  readonly assessedThroughWeek: string | null;
}

export function validateErosionOptions(options: ErosionOptions): void {
  const errors: FieldError[] = [];
  if (
    !Number.isFinite(options.thresholdPercent) ||
    options.thresholdPercent <= 0 ||
    options.thresholdPercent > 100
  ) {
    errors.push({ field: 'thresholdPercent', message: 'must be more than 0 and at most 100' });
  }
  if (
    !Number.isInteger(options.consecutiveWeeks) ||
    options.consecutiveWeeks < 1 ||
    options.consecutiveWeeks > 52
  ) {
    errors.push({ field: 'consecutiveWeeks', message: 'must be a whole number from 1 to 52' });
  }
  throwIfInvalid(errors);
}

/**
 * Replays complete weeks in order. Weeks with nothing allocated are not judged: they neither extend nor break a
 * streak (leave between two allocations should not reset or prolong an episode). Incomplete weeks (the current
 * one) are ignored, so a Monday with nothing logged yet never raises a flag. Because the state is a pure
 * function of the weekly rows, recomputing after a late edit gives the same answer every time, and the service
 * publishes an event only when `erosionTransitions` says the status moved.
 */
export function assessErosion(
  weeks: readonly UtilisationRow[],
  options: ErosionOptions = DEFAULT_EROSION_OPTIONS,
): ErosionState {
  validateErosionOptions(options);
  const episodes: ErosionEpisode[] = [];
  let current: ErosionEpisode | null = null;
  let lowStreak = 0;
  let firstLowWeek: string | null = null;
  let assessedThroughWeek: string | null = null;
  const ordered = [...weeks].sort((a, b) => (a.period.start < b.period.start ? -1 : 1));
  for (const week of ordered) {
    if (!week.complete) continue;
    assessedThroughWeek = week.period.key;
    if (week.allocatedMinuteDays === 0) continue;
    if (isBelowThreshold(week, options.thresholdPercent)) {
      lowStreak += 1;
      firstLowWeek ??= week.period.key;
      if (current === null && lowStreak >= options.consecutiveWeeks) {
        current = { startedWeek: week.period.key, firstLowWeek, recoveredWeek: null };
      }
    } else {
      lowStreak = 0;
      firstLowWeek = null;
      if (current !== null) {
        episodes.push({ ...current, recoveredWeek: week.period.key });
        current = null;
      }
    }
  }
  if (current !== null) episodes.push(current);
  return {
    status: current === null ? 'OK' : 'AT_RISK',
    lowStreak,
    episode: current,
    episodes,
    assessedThroughWeek,
  };
}

export type ErosionTransition =
  | { readonly kind: 'AT_RISK_STARTED'; readonly episode: ErosionEpisode }
  | { readonly kind: 'RECOVERED'; readonly startedWeek: string };

/**
 * The events to publish since the stored state: one start and one recovery per episode. An episode still
 * ongoing is the same episode even if a late edit (inside the 14-day window) moved its start week, so that
 * yields nothing. An ongoing episode that started after the last evaluation's horizon means the stored one
 * ended in between: a recovery, then a start, in that order.
 */
export function erosionTransitions(
  previous: StoredErosionState | null,
  next: ErosionState,
): ErosionTransition[] {
  const previousStart = previous?.episodeStartedWeek ?? null;
  if (previousStart === null) {
    return next.episode === null ? [] : [{ kind: 'AT_RISK_STARTED', episode: next.episode }];
  }
  if (next.episode === null) return [{ kind: 'RECOVERED', startedWeek: previousStart }];
  const horizon = previous?.assessedThroughWeek ?? null;
  // ISO week keys (YYYY-Www) order correctly as strings.
  const startedAfterHorizon = horizon !== null && next.episode.startedWeek > horizon;
  return startedAfterHorizon
    ? [
        { kind: 'RECOVERED', startedWeek: previousStart },
        { kind: 'AT_RISK_STARTED', episode: next.episode },
      ]
    : [];
}
