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
 * Who took part, as engagement metrics count it: the member, their institution and career stage when it happened.
 * Public profile facts only (membership publishes the same on its member events); never demographics.
 */
export const participantSchema = z.object({
  memberId: memberIdSchema,
  institutionId: institutionIdSchema,
  careerStage: careerStageSchema,
});
export type Participant = z.infer<typeof participantSchema>;
export * from './money';
export * from './funding';
