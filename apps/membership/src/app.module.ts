import { Controller, Get, Module, type DynamicModule } from '@nestjs/common';
import type { JSONWebKeySet } from 'jose';
import { ALL_EVENTS } from '@praxis/contracts';
import type { TokenIssuer } from '@praxis/platform/auth';
import type { EventSigner } from '@praxis/platform/messaging';
import type { Logger } from '@praxis/platform/observability';
import { platformModules, type ServiceDefinition } from '@praxis/platform/service';
import {
  DemographicsPublisher,
  LoggingPasswordResetDelivery,
  MembershipFeatureModule,
  UndeliveredPasswordReset,
} from '@praxis/membership/feature';
import type { MembershipConfig } from './config';
import { membershipDatabase } from '@praxis/membership/data-access';

/** Membership publishes every membership.* event; it consumes none. */
export const membershipService: ServiceDefinition = {
  name: 'membership',
  ...membershipDatabase,
  produces: ALL_EVENTS.filter((contract) => contract.type.startsWith('membership.')),
};

/** The built-in issuer's public keys, so a deployment can point AUTH_JWKS_URL here like at any OIDC provider. */
export function jwksController(publicJwks: JSONWebKeySet) {
  @Controller('.well-known')
  class JwksController {
    @Get('jwks.json')
    jwks(): JSONWebKeySet {
      return publicJwks;
    }
  }
  return JwksController;
}

@Module({})
export class MembershipAppModule {
  static forRoot(
    config: MembershipConfig,
    logger: Logger,
    issuer: TokenIssuer,
    publicJwks: JSONWebKeySet,
    eventSigner: EventSigner,
    demographics: DemographicsPublisher,
  ): DynamicModule {
    return {
      module: MembershipAppModule,
      imports: [
        ...platformModules(membershipService, config, logger),
        MembershipFeatureModule.forRoot({
          issuer,
          eventSigner,
          demographics,
          logger,
          sessions: {
            refreshTokenTtlSeconds: config.AUTH_REFRESH_TOKEN_TTL_SECONDS,
            passwordResetTtlSeconds: config.PASSWORD_RESET_TTL_SECONDS,
            passwordResetUrl: config.PASSWORD_RESET_URL,
            cookieSecure: config.AUTH_REFRESH_COOKIE_SECURE,
          },
          throttle: {
            signInPerAddressPerMinute: config.THROTTLE_SIGN_IN_PER_ADDRESS_PER_MINUTE,
            signInPerAccountPerMinute: config.THROTTLE_SIGN_IN_PER_ACCOUNT_PER_MINUTE,
            registerPerAddressPerHour: config.THROTTLE_REGISTER_PER_ADDRESS_PER_HOUR,
            resetPerAddressPerHour: config.THROTTLE_RESET_PER_ADDRESS_PER_HOUR,
            resetPerAccountPerHour: config.THROTTLE_RESET_PER_ACCOUNT_PER_HOUR,
            lockoutFailures: config.LOCKOUT_FAILURES,
            lockoutSeconds: config.LOCKOUT_SECONDS,
          },
          passwordResetDelivery:
            config.PASSWORD_RESET_DELIVERY === 'none'
              ? new UndeliveredPasswordReset(logger)
              : new LoggingPasswordResetDelivery(logger.child({ component: 'password-reset' })),
        }),
      ],
      controllers: [jwksController(publicJwks)],
    };
  }
}
