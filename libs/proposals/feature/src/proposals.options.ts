import { z } from 'zod';
import { currencyCodeSchema, type CurrencyCode } from '@praxis/contracts';

export const PROPOSALS_OPTIONS = Symbol('PROPOSALS_OPTIONS');

export interface ProposalsOptions {
  /** How many judges one proposal may name as conflicted, over all its submissions. */
  namedConflictsMax: number;
  /** ISO 4217 currency of a competition created without one. */
  defaultCurrency: CurrencyCode;
}

/**
 * Proposals' own environment, validated at boot with the platform's. A handful of named judges covers real
 * conflicts (a former supervisor, a co-author); more is a way to pick one's judges, hence the ceiling of 10.
 */
export const proposalsEnvShape = {
  PROPOSALS_NAMED_CONFLICTS_MAX: z.coerce.number().int().min(0).max(10).default(3),
  PROPOSALS_DEFAULT_CURRENCY: z
    .string()
    .transform((value) => value.trim().toUpperCase())
    .pipe(currencyCodeSchema)
    .default('GBP'),
};

export function proposalsOptionsFromEnv(config: {
  PROPOSALS_NAMED_CONFLICTS_MAX: number;
  PROPOSALS_DEFAULT_CURRENCY: CurrencyCode;
}): ProposalsOptions {
  return {
    namedConflictsMax: config.PROPOSALS_NAMED_CONFLICTS_MAX,
    defaultCurrency: config.PROPOSALS_DEFAULT_CURRENCY,
  };
}
