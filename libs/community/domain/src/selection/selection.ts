import { throwIfInvalid, type FieldError } from '../community.exception';
import { SeededLottery } from './seeded-lottery';

export const SELECTION_POLICIES = ['FIRST_COME', 'PRIORITY_THEN_LOTTERY'] as const;
export type SelectionPolicy = (typeof SELECTION_POLICIES)[number];

export const LOTTERY_SEED_MAX_LENGTH = 200;

/** What selection may know about an applicant: no answers, no identity beyond the application id. */
export interface SelectionApplicant {
  readonly applicationId: string;
  readonly appliedAt: Date;
  /** From `wideningParticipationPriority`; the only trace of the answers selection ever sees. */
  readonly priority: boolean;
}

export interface SelectionResult {
  readonly policy: SelectionPolicy;
  readonly seed: string | null;
  /** Offered a place, in selection order. */
  readonly selected: readonly string[];
  /** Everyone else, in the order places will be offered if they free up. */
  readonly waitlisted: readonly string[];
}

/**
 * FIRST_COME: by application time (ties by application id). PRIORITY_THEN_LOTTERY: applicants with the
 * widening-participation flag first, then everyone else, each group in a seeded lottery order; places go down
 * that order and the rest form the waitlist in the same order. The lottery runs over the applicants sorted by
 * id, so the result depends on the seed and the set of applicants, never on the order a query returned them.
 */
export function selectApplicants(
  applicants: readonly SelectionApplicant[],
  places: number,
  policy: SelectionPolicy,
  seed: string | null = null,
): SelectionResult {
  const errors: FieldError[] = [];
  if (!(SELECTION_POLICIES as readonly string[]).includes(policy)) {
    errors.push({ field: 'policy', message: `must be one of ${SELECTION_POLICIES.join(', ')}` });
  }
  if (!Number.isInteger(places) || places < 0)
    errors.push({ field: 'places', message: 'must be a whole number ≥ 0' });
  if (policy === 'PRIORITY_THEN_LOTTERY') {
    const length = seed?.trim().length ?? 0;
    if (length === 0 || length > LOTTERY_SEED_MAX_LENGTH) {
      errors.push({
        field: 'seed',
        message: `a lottery needs a seed of 1 to ${LOTTERY_SEED_MAX_LENGTH} characters`,
      });
    }
  }
  const seen = new Set<string>();
  applicants.forEach((applicant, index) => {
    if (seen.has(applicant.applicationId)) {
      errors.push({ field: `applicants[${index}].applicationId`, message: 'appears more than once' });
    }
    seen.add(applicant.applicationId);
  });
  throwIfInvalid(errors);

  const byId = [...applicants].sort((a, b) => compareIds(a.applicationId, b.applicationId));
  let order: SelectionApplicant[];
  if (policy === 'FIRST_COME') {
    order = byId.sort(
      (a, b) => a.appliedAt.getTime() - b.appliedAt.getTime() || compareIds(a.applicationId, b.applicationId),
    );
  } else {
    const lottery = new SeededLottery((seed as string).trim());
    order = [
      ...lottery.shuffle(byId.filter((applicant) => applicant.priority)),
      ...lottery.shuffle(byId.filter((applicant) => !applicant.priority)),
    ];
  }
  const ids = order.map((applicant) => applicant.applicationId);
  return {
    policy,
    seed: policy === 'FIRST_COME' ? null : (seed as string).trim(),
    selected: ids.slice(0, places),
    waitlisted: ids.slice(places),
  };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
