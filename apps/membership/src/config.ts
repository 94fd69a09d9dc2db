import { z } from 'zod';
import { passwordProblem } from '@praxis/platform/auth';
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
  /** Private key (P-256 JWK JSON) signing events that confer rights; consumers hold its public half. */
  EVENT_SIGNING_KEY: eventSigningKeySchema,
  /**
   * Public key (JWK JSON) of the one service that reports on demographics (engagement): answers are published
   * encrypted for it; unset, nothing demographic is published.
   */
  DEMOGRAPHICS_RECIPIENT_PUBLIC_KEY: recipientPublicKeySchema.optional(),
  /** Access tokens are short-lived: other services accept one until it expires, even after logout. */
  AUTH_ACCESS_TOKEN_TTL_SECONDS: env.int(300, 30),
  AUTH_REFRESH_TOKEN_TTL_SECONDS: env.int(30 * 24 * 3600, 300),
  /** Secure cookies need HTTPS; browsers treat http://localhost as secure, so this stays on except for tests. */
  AUTH_REFRESH_COOKIE_SECURE: env.bool(true),
  PASSWORD_RESET_TTL_SECONDS: env.int(3600, 60),
  /** The web client's page that takes `?token=`; the development delivery logs links to it. */
  PASSWORD_RESET_URL: env.url().default('http://localhost:4000/reset-password'),
  /**
   * `log` writes reset links to the log (development only, refused in production); `none` delivers nothing
   * (production until the e-mail adapter lands). Unset: `log`, or `none` in production.
   */
  PASSWORD_RESET_DELIVERY: z.enum(['log', 'none']).optional(),
  THROTTLE_SIGN_IN_PER_ADDRESS_PER_MINUTE: env.int(30, 1),
  THROTTLE_SIGN_IN_PER_ACCOUNT_PER_MINUTE: env.int(5, 1),
  THROTTLE_REGISTER_PER_ADDRESS_PER_HOUR: env.int(20, 1),
  THROTTLE_RESET_PER_ADDRESS_PER_HOUR: env.int(20, 1),
  THROTTLE_RESET_PER_ACCOUNT_PER_HOUR: env.int(3, 1),
  LOCKOUT_FAILURES: env.int(10, 1),
  LOCKOUT_SECONDS: env.int(900, 1),
  /** scrypt hashes (32 MiB each) running at once; the rest queue. */
  PASSWORD_HASH_CONCURRENCY: env.int(2, 1),
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
  const adminPassword =
    config.PRAXIS_ADMIN_PASSWORD &&
    passwordProblem(config.PRAXIS_ADMIN_PASSWORD, [config.PRAXIS_ADMIN_EMAIL ?? '']);
  if (adminPassword) {
    throw new ConfigError([`PRAXIS_ADMIN_PASSWORD: ${adminPassword.message} (the password policy applies)`]);
  }
  if (config.NODE_ENV === 'production' && config.PASSWORD_RESET_DELIVERY === 'log') {
    throw new ConfigError([
      'PASSWORD_RESET_DELIVERY: log writes reset links to the log and is refused in production',
    ]);
  }
  return {
    ...config,
    PASSWORD_RESET_DELIVERY:
      config.PASSWORD_RESET_DELIVERY ?? (config.NODE_ENV === 'production' ? 'none' : 'log'),
  };
}
