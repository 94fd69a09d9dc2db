import { z } from 'zod';
import { currencyCodeSchema, type CurrencyCode } from '@praxis/contracts';
import type { ErosionOptions } from '@praxis/funding/domain';

export const FUNDING_OPTIONS = Symbol('FUNDING_OPTIONS');

export interface FundingOptions {
  /** Currency of v1 results events (they carry plain numbers) and of funds created without one. */
  defaultCurrency: CurrencyCode;
  /** Months an award from a competition runs for, from the day results were published. */
  competitionAwardMonths: number;
  erosion: ErosionOptions;
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
};

export function fundingOptionsFromEnv(config: {
  FUNDING_DEFAULT_CURRENCY: CurrencyCode;
  FUNDING_COMPETITION_AWARD_MONTHS: number;
  FUNDING_AT_RISK_THRESHOLD_PERCENT: number;
  FUNDING_AT_RISK_CONSECUTIVE_WEEKS: number;
}): FundingOptions {
  return {
    defaultCurrency: config.FUNDING_DEFAULT_CURRENCY,
    competitionAwardMonths: config.FUNDING_COMPETITION_AWARD_MONTHS,
    erosion: {
      thresholdPercent: config.FUNDING_AT_RISK_THRESHOLD_PERCENT,
      consecutiveWeeks: config.FUNDING_AT_RISK_CONSECUTIVE_WEEKS,
    },
  };
}

export const DEFAULT_FUNDING_OPTIONS: FundingOptions = fundingOptionsFromEnv({
  FUNDING_DEFAULT_CURRENCY: 'GBP',
  FUNDING_COMPETITION_AWARD_MONTHS: 12,
  FUNDING_AT_RISK_THRESHOLD_PERCENT: 50,
  FUNDING_AT_RISK_CONSECUTIVE_WEEKS: 3,
});
