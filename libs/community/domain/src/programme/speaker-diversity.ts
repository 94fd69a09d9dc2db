import { throwIfInvalid } from '../community.exception';

/**
 * Speakers may describe themselves (gender, ethnicity, …) in their own words; organisers see only the mix.
 * Small groups are folded together so that no count points at one person: a value held by fewer than
 * `minimumCount` speakers is added to `otherCount` instead of being named, and a field with fewer answers than
 * that shows nothing at all.
 */
export const DEFAULT_DIVERSITY_MINIMUM_COUNT = 3;
export const DIVERSITY_ANSWER_MAX_LENGTH = 100;

export interface DiversityFieldSummary {
  readonly field: string;
  /** Speakers who answered this field. */
  readonly answered: number;
  readonly notStated: number;
  /** Values held by at least `minimumCount` speakers, most common first (spelling as first written). */
  readonly groups: ReadonlyArray<{ readonly value: string; readonly count: number }>;
  /** Answers in groups too small to name. */
  readonly otherCount: number;
  /** False when too few answered to show anything; then `groups` is empty and `otherCount` is 0. */
  readonly shown: boolean;
}

export function speakerDiversitySummary(
  speakers: ReadonlyArray<Readonly<Record<string, string | null | undefined>>>,
  fields: readonly string[],
  minimumCount = DEFAULT_DIVERSITY_MINIMUM_COUNT,
): DiversityFieldSummary[] {
  throwIfInvalid(
    !Number.isInteger(minimumCount) || minimumCount < 2
      ? [{ field: 'minimumCount', message: 'must be a whole number of at least 2' }]
      : [],
  );
  return fields.map((field) => {
    const groups = new Map<string, { value: string; count: number }>();
    let answered = 0;
    for (const speaker of speakers) {
      const raw = speaker[field]?.trim().replace(/\s+/g, ' ').slice(0, DIVERSITY_ANSWER_MAX_LENGTH) ?? '';
      if (raw === '') continue;
      answered += 1;
      const key = raw.toLocaleLowerCase('en-GB');
      const group = groups.get(key) ?? { value: raw, count: 0 };
      group.count += 1;
      groups.set(key, group);
    }
    const notStated = speakers.length - answered;
    if (answered < minimumCount) {
      return { field, answered, notStated, groups: [], otherCount: 0, shown: false };
    }
    const named = [...groups.values()]
      .filter((group) => group.count >= minimumCount)
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    const otherCount = answered - named.reduce((sum, group) => sum + group.count, 0);
    return { field, answered, notStated, groups: named, otherCount, shown: true };
  });
}
