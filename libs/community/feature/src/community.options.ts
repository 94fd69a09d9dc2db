import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ConfigError } from '@praxis/platform/config';
import { testClockEnv, testClockFromEnv, type AdjustableClock, type Clock } from '@praxis/platform/clock';
import { DEFAULT_CONFIRMATION_HOURS, REFLECTION_SECRET_MIN_BYTES } from '@praxis/community/domain';

export const COMMUNITY_OPTIONS = Symbol('COMMUNITY_OPTIONS');

export interface CommunityOptions {
  /** Derives each attendee's one-time reflection token; kept in configuration, never in the database. */
  reflectionSecret: Uint8Array;
  /** How long a waitlisted applicant has to confirm an offered place. */
  confirmationHours: number;
  /** How often the scheduler expires lapsed offers and passes their places on. */
  offerSweepIntervalMs: number;
  /** The public page that checks a certificate; the formatted code is appended. */
  certificateVerificationUrl: string;
  /** True when no secret was configured outside production: reflections then last only as long as the process. */
  reflectionSecretEphemeral: boolean;
  /** The service's clock: the system's, or in tests one they move to reach session and reflection windows. */
  clock: Clock;
  /**
   * The same clock when a running service lets admins move it (`COMMUNITY_TEST_CLOCK=true`, never in production):
   * then `/testing/clock` is served. Null otherwise.
   */
  testClock: AdjustableClock | null;
}

/** Community's own variables, validated at boot with the platform's. */
export const communityEnvShape = {
  /**
   * At least 32 bytes, base64 (`npm run keys` makes one; `npm start` keeps one in .praxis). Required in
   * production; elsewhere a missing secret is replaced by a random one for the life of the process (said at start).
   */
  COMMUNITY_REFLECTION_SECRET: z.string().min(1).optional(),
  COMMUNITY_CONFIRMATION_HOURS: z.coerce.number().int().min(1).max(336).default(DEFAULT_CONFIRMATION_HOURS),
  COMMUNITY_OFFER_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  /** The public page printed on certificates; the web client serves it and calls verifyCertificate. */
  COMMUNITY_CERTIFICATE_VERIFY_URL: z.url().default('http://localhost:4000/verify-certificate/'),
  /**
   * Lets an admin move the service's clock through `/testing/clock` on its own port (system tests and the demo
   * reach session and reflection windows without waiting). Refused when NODE_ENV=production.
   */
  COMMUNITY_TEST_CLOCK: testClockEnv(),
};

type CommunityEnv = {
  NODE_ENV: string;
  COMMUNITY_REFLECTION_SECRET?: string;
  COMMUNITY_CONFIRMATION_HOURS: number;
  COMMUNITY_OFFER_SWEEP_INTERVAL_MS: number;
  COMMUNITY_CERTIFICATE_VERIFY_URL: string;
  COMMUNITY_TEST_CLOCK: boolean;
};

export function communityOptionsFromEnv(config: CommunityEnv): CommunityOptions {
  const { clock, testClock } = testClockFromEnv(
    'COMMUNITY_TEST_CLOCK',
    config.COMMUNITY_TEST_CLOCK,
    config.NODE_ENV,
  );
  const given = config.COMMUNITY_REFLECTION_SECRET;
  if (given === undefined && config.NODE_ENV === 'production') {
    throw new ConfigError(['COMMUNITY_REFLECTION_SECRET: required in production (npm run keys makes one)']);
  }
  const secret =
    given === undefined ? randomBytes(REFLECTION_SECRET_MIN_BYTES) : Buffer.from(given, 'base64');
  if (secret.byteLength < REFLECTION_SECRET_MIN_BYTES) {
    throw new ConfigError([
      `COMMUNITY_REFLECTION_SECRET: must decode (base64) to at least ${REFLECTION_SECRET_MIN_BYTES} bytes`,
    ]);
  }
  return {
    reflectionSecret: new Uint8Array(secret),
    reflectionSecretEphemeral: given === undefined,
    confirmationHours: config.COMMUNITY_CONFIRMATION_HOURS,
    offerSweepIntervalMs: config.COMMUNITY_OFFER_SWEEP_INTERVAL_MS,
    certificateVerificationUrl: config.COMMUNITY_CERTIFICATE_VERIFY_URL,
    clock,
    testClock,
  };
}
