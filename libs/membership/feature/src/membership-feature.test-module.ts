import type { DynamicModule } from '@nestjs/common';
import { generateSigningKeys, type TokenIssuer } from '@praxis/platform/auth';
import { EventSigner } from '@praxis/platform/messaging';
import { createLogger } from '@praxis/platform/observability';
import { DemographicsPublisher } from './demographics.publisher';
import { MembershipFeatureModule } from './membership-feature.module';
import type { ThrottleOptions } from './sessions/auth.throttle';

/**
 * The feature module as the in-process tests boot it: throwaway signing key, demographics not published,
 * sign-in limits out of the way (the system tests cover them) unless a test sets some.
 */
export async function membershipFeatureForTests(
  issuer: TokenIssuer,
  throttle: Partial<ThrottleOptions> = {},
): Promise<DynamicModule> {
  return MembershipFeatureModule.forRoot({
    issuer,
    eventSigner: await EventSigner.fromJwk((await generateSigningKeys()).privateJwk),
    demographics: new DemographicsPublisher(null),
    logger: createLogger('membership-test', 'silent'),
    sessions: {
      refreshTokenTtlSeconds: 3600,
      passwordResetTtlSeconds: 3600,
      passwordResetUrl: 'http://localhost/reset-password',
      cookieSecure: true,
    },
    throttle: {
      signInPerAddressPerMinute: 10000,
      signInPerAccountPerMinute: 10000,
      registerPerAddressPerHour: 10000,
      resetPerAddressPerHour: 10000,
      resetPerAccountPerHour: 10000,
      lockoutFailures: 10000,
      lockoutSeconds: 1,
      ...throttle,
    },
  });
}
