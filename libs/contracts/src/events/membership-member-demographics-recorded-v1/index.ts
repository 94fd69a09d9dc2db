import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { institutionIdSchema, memberIdSchema } from '../../vocabulary';

export const GENDERS = ['WOMAN', 'MAN', 'NON_BINARY', 'SELF_DESCRIBED', 'PREFER_NOT_TO_SAY'] as const;
/** Top-level ethnic groups of the 2021 census of England and Wales, plus an explicit refusal. */
export const ETHNICITY_GROUPS = [
  'ASIAN_OR_ASIAN_BRITISH',
  'BLACK_BLACK_BRITISH_CARIBBEAN_OR_AFRICAN',
  'MIXED_OR_MULTIPLE',
  'WHITE',
  'OTHER_ETHNIC_GROUP',
  'PREFER_NOT_TO_SAY',
] as const;
export const YES_NO_PREFER_NOT = ['YES', 'NO', 'PREFER_NOT_TO_SAY'] as const;

export const genderSchema = z.enum(GENDERS);
export const ethnicityGroupSchema = z.enum(ETHNICITY_GROUPS);
export const yesNoPreferNotSchema = z.enum(YES_NO_PREFER_NOT);

/**
 * Voluntary EDI answers. Sensitive: published only on this restricted topic, which only the engagement
 * service may consume, and only for aggregates with small-number suppression.
 */
export const MemberDemographicsRecordedV1 = defineEvent({
  service: 'membership',
  entity: 'member',
  happened: 'demographics-recorded',
  version: 1,
  sensitive: true,
  payload: z.object({
    memberId: memberIdSchema,
    institutionId: institutionIdSchema,
    gender: genderSchema,
    ethnicityGroup: ethnicityGroupSchema,
    disability: yesNoPreferNotSchema,
    firstGenerationHigherEducation: yesNoPreferNotSchema,
  }),
});

export type Gender = z.infer<typeof genderSchema>;
export type EthnicityGroup = z.infer<typeof ethnicityGroupSchema>;
export type YesNoPreferNot = z.infer<typeof yesNoPreferNotSchema>;
