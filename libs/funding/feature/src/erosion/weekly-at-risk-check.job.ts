import { DAY_MS, HOUR_MS, WEEK_MS, type ScheduledJob } from '@praxis/platform/scheduler';
import type { Logger } from '@praxis/platform/observability';
import type { ErosionService } from './erosion.service';

export const WEEKLY_AT_RISK_CHECK = 'funding.weekly-at-risk-check';

/** Mondays 06:00 UTC, when last week is complete everywhere from UTC-6 eastwards; once per tick across replicas. */
export function weeklyAtRiskCheck(erosion: ErosionService, logger: Logger): ScheduledJob {
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
