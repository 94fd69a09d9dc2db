import { z } from 'zod';
import { ConfigError, env, loadConfig } from '@praxis/platform/config';
import {
  eventSigningKeySchema,
  kafkaSaslProblems,
  recipientPublicKeySchema,
} from '@praxis/platform/messaging';
import { serviceEnvShape } from '@praxis/platform/service';

const membershipEnvShape = {
  ...serviceEnvShape,
  PORT: env.port(3001),
  /** Private signing key (JWK JSON) of the built-in issuer. */
  AUTH_SIGNING_KEY: z.string().refine(
    (value) => {
      try {
        const jwk = JSON.parse(value) as { d?: unknown; kid?: unknown };
        return typeof jwk.d === 'string' && typeof jwk.kid === 'string';
      } catch {
        return false;
      }
    },
    { message: 'must be a private JWK (JSON with "d" and "kid")' },
  ),
  AUTH_TOKEN_TTL_SECONDS: env.int(3600, 60),
  /** Private key (P-256 JWK JSON) signing events that confer rights; consumers hold its public half. */
  EVENT_SIGNING_KEY: eventSigningKeySchema,
  /**
   * Public key (JWK JSON) of the one service that reports on demographics (engagement): answers are published
   * encrypted for it; unset, nothing demographic is published.
   */
  DEMOGRAPHICS_RECIPIENT_PUBLIC_KEY: recipientPublicKeySchema.optional(),
  PRAXIS_ADMIN_EMAIL: z.email().optional(),
  PRAXIS_ADMIN_PASSWORD: z.string().min(12).optional(),
  PRAXIS_ADMIN_INSTITUTION: z.string().min(2).default('Praxis programme office'),
};

export type MembershipConfig = ReturnType<typeof loadMembershipConfig>;

export function loadMembershipConfig(source: Record<string, string | undefined> = process.env) {
  const config = loadConfig(membershipEnvShape, source);
  const problems = kafkaSaslProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  if (Boolean(config.PRAXIS_ADMIN_EMAIL) !== Boolean(config.PRAXIS_ADMIN_PASSWORD)) {
    throw new ConfigError([
      'PRAXIS_ADMIN_EMAIL and PRAXIS_ADMIN_PASSWORD: set both to create the admin account, or neither',
    ]);
  }
  return config;
}
