import type { DataSource } from 'typeorm';
import type { Clock } from '@praxis/platform/clock';
import { DAY_MS, HOUR_MS, Scheduler, WEEK_MS, type ScheduledJob } from '@praxis/platform/scheduler';
import type { Logger } from '@praxis/platform/observability';
import type { AtRiskCheckOutcome } from './erosion.service';

export const WEEKLY_AT_RISK_CHECK = 'funding.weekly-at-risk-check';

/** What the weekly check needs of the erosion service (a stand-in in tests of the scheduling). */
export interface AtRiskChecker {
  flagAtRisk(context: { tick: Date; signal?: AbortSignal }): Promise<AtRiskCheckOutcome>;
}

/** Mondays 06:00 UTC, when last week is complete everywhere from UTC-6 eastwards; once per tick across replicas. */
export function weeklyAtRiskCheck(erosion: AtRiskChecker, logger: Logger): ScheduledJob {
  return {
    name: WEEKLY_AT_RISK_CHECK,
    everyMs: WEEK_MS,
    offsetMs: 4 * DAY_MS + 6 * HOUR_MS,
    run: async ({ tick, signal }) => {
      const outcome = await erosion.flagAtRisk({ tick, signal });
      logger.info({ job: WEEKLY_AT_RISK_CHECK, tick: tick.toISOString(), ...outcome }, 'at-risk check done');
    },
  };
}

/**
 * Funding's scheduler: its jobs' ticks fall due on funding's clock, so a test clock moved past Monday 06:00 UTC
 * makes the current tick due; it still runs once across replicas (advisory lock and claim row, as in production).
 */
export function fundingScheduler(options: {
  dataSource: DataSource;
  erosion: AtRiskChecker;
  clock: Clock;
  logger: Logger;
  checkIntervalMs?: number;
}): Scheduler {
  return new Scheduler({
    dataSource: options.dataSource,
    logger: options.logger.child({ component: 'scheduler' }),
    jobs: [weeklyAtRiskCheck(options.erosion, options.logger)],
    now: () => options.clock.now().getTime(),
    checkIntervalMs: options.checkIntervalMs,
  });
}
