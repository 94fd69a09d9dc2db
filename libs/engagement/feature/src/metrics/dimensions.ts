import { CAREER_STAGES, ETHNICITY_GROUPS, GENDERS, YES_NO_PREFER_NOT } from '@praxis/contracts';

/** What a funnel can be split by. Demographic dimensions include everyone: "NOT_ANSWERED" is a group. */
export const DIMENSIONS = [
  'NONE',
  'CAREER_STAGE',
  'INSTITUTION',
  'GENDER',
  'ETHNICITY_GROUP',
  'DISABILITY',
  'FIRST_GENERATION',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const NOT_ANSWERED = 'NOT_ANSWERED';

/** The voluntary answers for equity monitoring: split per calendar year only (`assertDemographicGranularity`). */
export const DEMOGRAPHIC_DIMENSIONS: ReadonlySet<Dimension> = new Set([
  'GENDER',
  'ETHNICITY_GROUP',
  'DISABILITY',
  'FIRST_GENERATION',
]);

/**
 * The SQL expression giving a member's group (over `em` engagement_member and `d` engagement_demographics), from
 * a closed list: nothing a caller sends reaches the SQL text.
 */
export const GROUP_EXPRESSION: Record<Dimension, string> = {
  NONE: `'ALL'`,
  CAREER_STAGE: 'em.career_stage',
  INSTITUTION: 'em.institution_id::text',
  GENDER: `COALESCE(d.gender, '${NOT_ANSWERED}')`,
  ETHNICITY_GROUP: `COALESCE(d.ethnicity_group, '${NOT_ANSWERED}')`,
  DISABILITY: `COALESCE(d.disability, '${NOT_ANSWERED}')`,
  FIRST_GENERATION: `COALESCE(d.first_generation_higher_education, '${NOT_ANSWERED}')`,
};

/**
 * The groups of a dimension in display order: fixed lists (every value, so a line always has the same cells
 * whatever the data) except institutions, which are the ones known to the projection.
 */
export function fixedGroups(dimension: Exclude<Dimension, 'INSTITUTION'>): readonly string[] {
  switch (dimension) {
    case 'NONE':
      return ['ALL'];
    case 'CAREER_STAGE':
      return CAREER_STAGES;
    case 'GENDER':
      return [...GENDERS, NOT_ANSWERED];
    case 'ETHNICITY_GROUP':
      return [...ETHNICITY_GROUPS, NOT_ANSWERED];
    case 'DISABILITY':
    case 'FIRST_GENERATION':
      return [...YES_NO_PREFER_NOT, NOT_ANSWERED];
  }
}
