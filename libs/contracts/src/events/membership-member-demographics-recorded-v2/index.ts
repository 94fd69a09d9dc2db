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
 * What the recipient reads once it has decrypted `answers`: the voluntary EDI answers and the institution they
 * are reported under (engagement reports aggregates only, with small-number suppression).
 */
export const demographicAnswersSchema = z.object({
  institutionId: institutionIdSchema,
  gender: genderSchema,
  ethnicityGroup: ethnicityGroupSchema,
  disability: yesNoPreferNotSchema,
  firstGenerationHigherEducation: yesNoPreferNotSchema,
});

/** A compact JWE: five base64url parts, the second (encrypted key) empty for direct ECDH-ES. */
const compactJweSchema = z
  .string()
  .regex(/^[\w-]+\.[\w-]*\.[\w-]+\.[\w-]+\.[\w-]+$/, 'must be a compact JWE');

const DAY_MS = 24 * 3600 * 1000;

/**
 * A member's current answers, encrypted for the one service that reports on them (ECDH-ES + A256GCM to the
 * configured recipient key): anyone else reading the topic learns who answered, never what. The topic is
 * compacted and keyed by member: a newer answer replaces the older one within 7 days, and an erasure publishes a
 * tombstone (null value) that removes the member's answers from the topic (the tombstone itself after 1 day).
 * v1 carried the answers in clear and is withdrawn; delete its topic where it exists.
 */
export const MemberDemographicsRecordedV2 = defineEvent({
  service: 'membership',
  entity: 'member',
  happened: 'demographics-recorded',
  version: 2,
  consumers: ['engagement'],
  sensitive: true,
  topicConfig: {
    'cleanup.policy': 'compact',
    'max.compaction.lag.ms': String(7 * DAY_MS),
    'delete.retention.ms': String(DAY_MS),
    'min.cleanable.dirty.ratio': '0.1',
  },
  payload: z.object({
    memberId: memberIdSchema,
    /** `demographicAnswersSchema` as JSON, in a compact JWE for the recipient's key (`kid` in its header). */
    answers: compactJweSchema,
  }),
});

export type Gender = z.infer<typeof genderSchema>;
export type EthnicityGroup = z.infer<typeof ethnicityGroupSchema>;
export type YesNoPreferNot = z.infer<typeof yesNoPreferNotSchema>;
export type DemographicAnswers = z.infer<typeof demographicAnswersSchema>;
