import { Controller, Get, Module, type DynamicModule } from '@nestjs/common';
import type { JSONWebKeySet } from 'jose';
import { ALL_EVENTS } from '@praxis/contracts';
import type { TokenIssuer } from '@praxis/platform/auth';
import type { EventSigner } from '@praxis/platform/messaging';
import type { Logger } from '@praxis/platform/observability';
import { platformModules, type ServiceDefinition } from '@praxis/platform/service';
import { DemographicsPublisher, MembershipFeatureModule } from '@praxis/membership/feature';
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
        MembershipFeatureModule.forRoot({ issuer, eventSigner, demographics }),
      ],
      controllers: [jwksController(publicJwks)],
    };
  }
}
