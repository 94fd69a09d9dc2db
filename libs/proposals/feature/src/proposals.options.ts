import { z } from 'zod';

export const PROPOSALS_OPTIONS = Symbol('PROPOSALS_OPTIONS');

export interface ProposalsOptions {
  /** How many judges one proposal may name as conflicted, over all its submissions. */
  namedConflictsMax: number;
}

/**
 * Proposals' own environment, validated at boot with the platform's. A handful of named judges covers real
 * conflicts (a former supervisor, a co-author); more is a way to pick one's judges, hence the ceiling of 10.
 */
export const proposalsEnvShape = {
  PROPOSALS_NAMED_CONFLICTS_MAX: z.coerce.number().int().min(0).max(10).default(3),
};

export function proposalsOptionsFromEnv(config: { PROPOSALS_NAMED_CONFLICTS_MAX: number }): ProposalsOptions {
  return { namedConflictsMax: config.PROPOSALS_NAMED_CONFLICTS_MAX };
}
