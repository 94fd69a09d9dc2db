import { z } from 'zod';
import { currencyCodeSchema, type CurrencyCode } from '@praxis/contracts';
import type { ErosionOptions } from '@praxis/funding/domain';
import { testClockEnv, testClockFromEnv, type AdjustableClock, type Clock } from '@praxis/platform/clock';

export const FUNDING_OPTIONS = Symbol('FUNDING_OPTIONS');

export interface FundingOptions {
  /** Currency of v1 results events (they carry plain numbers) and of funds created without one. */
  defaultCurrency: CurrencyCode;
  /** Months an award from a competition runs for, from the day results were published. */
  competitionAwardMonths: number;
  erosion: ErosionOptions;
  /**
   * Funding's clock: what "today" is for protected time (time logs, decisions, the at-risk check's record) and
   * which ticks of the weekly jobs are due. The system's, unless the configuration allows a test clock.
   */
  clock: Clock;
  /**
   * The same clock when a running service lets admins move it (`FUNDING_TEST_CLOCK=true`, never in production):
   * then `/testing/clock` is served, and moving it past Monday 06:00 UTC makes the scheduler run that tick's
   * at-risk check. Null otherwise.
   */
  testClock: AdjustableClock | null;
}

/** Funding's own environment, validated at boot with the platform's (every problem at once). */
export const fundingEnvShape = {
  FUNDING_DEFAULT_CURRENCY: z
    .string()
    .transform((value) => value.trim().toUpperCase())
    .pipe(currencyCodeSchema)
    .default('GBP'),
  FUNDING_COMPETITION_AWARD_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  FUNDING_AT_RISK_THRESHOLD_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
  FUNDING_AT_RISK_CONSECUTIVE_WEEKS: z.coerce.number().int().min(1).max(52).default(3),
  /**
   * Lets an admin move funding's clock through `/testing/clock` on its own port (the demo and system tests reach
   * the weekly at-risk check without waiting for Mondays). Refused when NODE_ENV=production.
   */
  FUNDING_TEST_CLOCK: testClockEnv(),
};

export function fundingOptionsFromEnv(config: {
  NODE_ENV: string;
  FUNDING_DEFAULT_CURRENCY: CurrencyCode;
  FUNDING_COMPETITION_AWARD_MONTHS: number;
  FUNDING_AT_RISK_THRESHOLD_PERCENT: number;
  FUNDING_AT_RISK_CONSECUTIVE_WEEKS: number;
  FUNDING_TEST_CLOCK: boolean;
}): FundingOptions {
  return {
    ...testClockFromEnv('FUNDING_TEST_CLOCK', config.FUNDING_TEST_CLOCK, config.NODE_ENV),
    defaultCurrency: config.FUNDING_DEFAULT_CURRENCY,
    competitionAwardMonths: config.FUNDING_COMPETITION_AWARD_MONTHS,
    erosion: {
      thresholdPercent: config.FUNDING_AT_RISK_THRESHOLD_PERCENT,
      consecutiveWeeks: config.FUNDING_AT_RISK_CONSECUTIVE_WEEKS,
    },
  };
}

export const DEFAULT_FUNDING_OPTIONS: FundingOptions = fundingOptionsFromEnv({
  NODE_ENV: 'development',
  FUNDING_DEFAULT_CURRENCY: 'GBP',
  FUNDING_COMPETITION_AWARD_MONTHS: 12,
  FUNDING_AT_RISK_THRESHOLD_PERCENT: 50,
  FUNDING_AT_RISK_CONSECUTIVE_WEEKS: 3,
  FUNDING_TEST_CLOCK: false,
});
