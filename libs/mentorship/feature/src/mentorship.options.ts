import { z } from 'zod';
import { ConfigError, env } from '@praxis/platform/config';
import { DEFAULT_MATCH_WEIGHTS, validateMatchWeights, type MatchWeights } from '@praxis/mentorship/domain';

export const MENTORSHIP_OPTIONS = Symbol('MENTORSHIP_OPTIONS');

export interface MentorshipOptions {
  weights: MatchWeights;
  /** Cadence used for the AT_RISK rule until both sides agree on one. */
  defaultCadenceDays: number;
}

/**
 * Match weights from the environment, one variable per weight, each defaulting to DEFAULT_MATCH_WEIGHTS (see
 * libs/mentorship/domain/src/lib/match-weights.ts for what each weight means and why the defaults are what they are).
 */
export const matchWeightsEnvShape = {
  MATCH_WEIGHT_SHARED_EXPERTISE: env.int(DEFAULT_MATCH_WEIGHTS.sharedExpertise),
  MATCH_WEIGHT_SHARED_INTEREST: env.int(DEFAULT_MATCH_WEIGHTS.sharedInterest),
  MATCH_WEIGHT_MAX_SHARED_TERMS: env.int(DEFAULT_MATCH_WEIGHTS.maxSharedTerms),
  MATCH_WEIGHT_SAME_SPECIALTY: env.int(DEFAULT_MATCH_WEIGHTS.sameSpecialty),
  MATCH_WEIGHT_STAGE_GAP: env.int(DEFAULT_MATCH_WEIGHTS.stageGap),
  MATCH_WEIGHT_PREFERRED_STAGE: env.int(DEFAULT_MATCH_WEIGHTS.preferredStage),
  MATCH_WEIGHT_REMAINING_CAPACITY: env.int(DEFAULT_MATCH_WEIGHTS.remainingCapacity),
  MATCH_WEIGHT_OTHER_INSTITUTION: env.int(DEFAULT_MATCH_WEIGHTS.otherInstitution),
  /** Until an agreement sets one, a relationship is AT_RISK after twice this many days without a check-in. */
  MENTORSHIP_DEFAULT_CADENCE_DAYS: z.coerce.number().int().min(7).max(90).default(30),
};

type WeightEnv = { [K in keyof typeof matchWeightsEnvShape]: number };

const VARIABLE_OF: Record<keyof MatchWeights, keyof WeightEnv> = {
  sharedExpertise: 'MATCH_WEIGHT_SHARED_EXPERTISE',
  sharedInterest: 'MATCH_WEIGHT_SHARED_INTEREST',
  maxSharedTerms: 'MATCH_WEIGHT_MAX_SHARED_TERMS',
  sameSpecialty: 'MATCH_WEIGHT_SAME_SPECIALTY',
  stageGap: 'MATCH_WEIGHT_STAGE_GAP',
  preferredStage: 'MATCH_WEIGHT_PREFERRED_STAGE',
  remainingCapacity: 'MATCH_WEIGHT_REMAINING_CAPACITY',
  otherInstitution: 'MATCH_WEIGHT_OTHER_INSTITUTION',
};

/** Validates the weights with the domain's own limits and reports every problem as a ConfigError at boot. */
export function mentorshipOptionsFromEnv(config: WeightEnv): MentorshipOptions {
  const candidate = Object.fromEntries(
    (Object.keys(VARIABLE_OF) as (keyof MatchWeights)[]).map((key) => [key, config[VARIABLE_OF[key]]]),
  );
  const result = validateMatchWeights(candidate);
  if (!result.ok) {
    throw new ConfigError(
      result.errors.map(
        (error) => `${VARIABLE_OF[error.field as keyof MatchWeights] ?? error.field}: ${error.message}`,
      ),
    );
  }
  return { weights: result.weights, defaultCadenceDays: config.MENTORSHIP_DEFAULT_CADENCE_DAYS };
}
