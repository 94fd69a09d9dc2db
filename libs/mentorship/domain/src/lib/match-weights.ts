import { MentorshipDomainError, MentorshipErrorCode, type FieldError } from './mentorship.exception';

/**
 * Points per match component. All values are non-negative integers: integer scores keep totals exact, which
 * is what lets the formal matching prove it found the optimum rather than something within rounding of it.
 */
export interface MatchWeights {
  /** Per mentee interest/goal that the mentor lists as expertise. */
  readonly sharedExpertise: number;
  /** Per mentee interest/goal that the mentor lists only as an interest. */
  readonly sharedInterest: number;
  /** How many shared terms count at most (expertise matches are counted first). */
  readonly maxSharedTerms: number;
  /** Both specialties known and equal (case-insensitive). */
  readonly sameSpecialty: number;
  /** Full points in the seniority sweet spot; half for a wide gap or an off-ladder stage; none if not more senior. */
  readonly stageGap: number;
  /** Mentor's stage is one of the mentee's `preferredMentorStages`. */
  readonly preferredStage: number;
  /** Scaled by the share of the mentor's capacity still free: floor(weight * free / capacity). */
  readonly remainingCapacity: number;
  /** Mentee asked for someone from another institution and the institutions differ. */
  readonly otherInstitution: number;
}

/**
 * | weight              | default | a typical best case                                  |
 * |---------------------|--------:|------------------------------------------------------|
 * | sharedExpertise     |       8 | per term, up to maxSharedTerms                       |
 * | sharedInterest      |       4 | per term, only if not already an expertise match     |
 * | maxSharedTerms      |       5 | cap: shared terms contribute at most 5 x 8 = 40      |
 * | sameSpecialty       |      10 |                                                      |
 * | stageGap            |      12 | 6 for a wide gap or an off-ladder stage              |
 * | preferredStage      |       6 |                                                      |
 * | remainingCapacity   |       4 | 4 for an empty mentor, 2 when half full              |
 * | otherInstitution    |       5 | only when the mentee opted in                        |
 *
 * Topic fit dominates (up to 40) because it is what mentees say they come for; stage and specialty together
 * (22) come next; capacity only breaks near-ties so popular mentors are not the default for everyone.
 * Maximum with defaults: 40 + 10 + 12 + 6 + 4 + 5 = 77.
 */
export const DEFAULT_MATCH_WEIGHTS: MatchWeights = Object.freeze({
  sharedExpertise: 8,
  sharedInterest: 4,
  maxSharedTerms: 5,
  sameSpecialty: 10,
  stageGap: 12,
  preferredStage: 6,
  remainingCapacity: 4,
  otherInstitution: 5,
});

/** Bounds keep the composite weights used by formal matching far inside exact double-precision integers. */
export const MATCH_WEIGHT_LIMITS: Readonly<Record<keyof MatchWeights, { min: number; max: number }>> = {
  sharedExpertise: { min: 0, max: 1000 },
  sharedInterest: { min: 0, max: 1000 },
  maxSharedTerms: { min: 0, max: 50 },
  sameSpecialty: { min: 0, max: 1000 },
  stageGap: { min: 0, max: 1000 },
  preferredStage: { min: 0, max: 1000 },
  remainingCapacity: { min: 0, max: 1000 },
  otherInstitution: { min: 0, max: 1000 },
};

const WEIGHT_FIELDS = Object.keys(MATCH_WEIGHT_LIMITS) as (keyof MatchWeights)[];

export type MatchWeightsValidation =
  | { readonly ok: true; readonly weights: MatchWeights }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/**
 * Checks a complete weights object (e.g. parsed from env). Unknown keys are errors so that a misspelt
 * variable is reported instead of silently leaving the default in place.
 */
export function validateMatchWeights(candidate: unknown): MatchWeightsValidation {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    return { ok: false, errors: [{ field: 'weights', message: 'must be an object' }] };
  }
  const record = candidate as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const field of WEIGHT_FIELDS) {
    const value = record[field];
    const { min, max } = MATCH_WEIGHT_LIMITS[field];
    if (value === undefined) {
      errors.push({ field, message: 'is required' });
    } else if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      errors.push({ field, message: `must be an integer from ${min} to ${max} (got ${String(value)})` });
    }
  }
  for (const key of Object.keys(record)) {
    if (!(WEIGHT_FIELDS as string[]).includes(key)) {
      errors.push({ field: key, message: `is not a match weight (known: ${WEIGHT_FIELDS.join(', ')})` });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const weights = Object.fromEntries(
    WEIGHT_FIELDS.map((field) => [field, record[field]]),
  ) as unknown as MatchWeights;
  return { ok: true, weights: Object.freeze(weights) };
}

export function assertValidMatchWeights(candidate: unknown): MatchWeights {
  const result = validateMatchWeights(candidate);
  if (!result.ok)
    throw MentorshipDomainError.invalidInput(result.errors, MentorshipErrorCode.INVALID_MATCH_WEIGHTS);
  return result.weights;
}
