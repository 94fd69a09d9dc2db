import type { JWK } from 'jose';
import { z } from 'zod';
import { DEFAULT_SUPPRESSION_THRESHOLD, MIN_SUPPRESSION_THRESHOLD } from '@praxis/engagement/domain';

export const ENGAGEMENT_OPTIONS = Symbol('praxis:engagement-options');

export interface EngagementOptions {
  /** Counts from 1 to this minus 1 never leave the service. */
  suppressionThreshold: number;
  /** Engagement's private key for the demographics event (JWE recipient); null: demographics not consumed. */
  demographicsKey: JWK | null;
}

const privateJwkSchema = z
  .string()
  .transform((value, context) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'must be JSON (a private JWK)' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .object({
        kty: z.enum(['EC', 'OKP']),
        crv: z.enum(['P-256', 'P-384', 'P-521', 'X25519']),
        d: z.string(),
      })
      .loose(),
  );

/** Engagement's environment beyond the platform's (validated at boot with every problem at once). */
export const engagementEnvShape = {
  ENGAGEMENT_SUPPRESSION_THRESHOLD: z.coerce
    .number()
    .int()
    .min(MIN_SUPPRESSION_THRESHOLD)
    .default(DEFAULT_SUPPRESSION_THRESHOLD),
  DEMOGRAPHICS_RECIPIENT_PRIVATE_KEY: privateJwkSchema.optional(),
};

export function engagementOptionsFromEnv(config: {
  ENGAGEMENT_SUPPRESSION_THRESHOLD: number;
  DEMOGRAPHICS_RECIPIENT_PRIVATE_KEY?: Record<string, unknown>;
}): EngagementOptions {
  return {
    suppressionThreshold: config.ENGAGEMENT_SUPPRESSION_THRESHOLD,
    demographicsKey: (config.DEMOGRAPHICS_RECIPIENT_PRIVATE_KEY as JWK | undefined) ?? null,
  };
}
