import { z } from 'zod';

/** Shared vocabulary: values that travel on events between services. */
export const CAREER_STAGES = [
  'MEDICAL_STUDENT',
  'FOUNDATION_DOCTOR',
  'RESIDENT',
  'CONSULTANT',
  'ACADEMIC',
  'ALLIED_HEALTH',
  'OTHER',
] as const;
export const careerStageSchema = z.enum(CAREER_STAGES);
export type CareerStage = z.infer<typeof careerStageSchema>;

export const ROLES = ['member', 'judge', 'mentor', 'lead', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const memberIdSchema = z.uuid();
export const institutionIdSchema = z.uuid();
export const interestsSchema = z.array(z.string().min(1).max(80)).max(30);

/**
 * The one form of an interest tag on events, and the key communities match on: trimmed, inner white space
 * collapsed to one space, lower case. A community lists a competition or group when one of its tags equals one
 * of the community's interests in this form.
 */
export function interestTagKey(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Tags in their key form, blanks dropped, each once, in first-seen order. */
export function normaliseInterestTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(interestTagKey).filter((tag) => tag !== ''))];
}

/** Interest tags as competitions and mastermind groups publish them (already in their key form). */
export const interestTagsSchema = z.array(z.string().min(1).max(80)).max(20);

/**
 * Who took part, as engagement metrics count it: the member, their institution and career stage when it happened.
 * Public profile facts only (membership publishes the same on its member events); never demographics.
 */
export const participantSchema = z.object({
  memberId: memberIdSchema,
  institutionId: institutionIdSchema,
  careerStage: careerStageSchema,
});
export type Participant = z.infer<typeof participantSchema>;

/**
 * Whether a lead of the member's institution (or an admin) has confirmed the institution and career stage the
 * member named. Added to the v1 member events compatibly: optional on read, always written. An event without
 * them was produced before registrations needed confirmation, when the registration choice counted from the
 * start: read it as confirmed (`confirmationOf`).
 */
export const profileConfirmationShape = {
  institutionConfirmed: z.boolean().optional(),
  careerStageConfirmed: z.boolean().optional(),
};

export interface ProfileConfirmation {
  institutionConfirmed: boolean;
  careerStageConfirmed: boolean;
}

/** The confirmation a member event states; absent fields (older events) mean confirmed. */
export function confirmationOf(payload: {
  institutionConfirmed?: boolean;
  careerStageConfirmed?: boolean;
}): ProfileConfirmation {
  return {
    institutionConfirmed: payload.institutionConfirmed ?? true,
    careerStageConfirmed: payload.careerStageConfirmed ?? true,
  };
}
export * from './money';
export * from './funding';
