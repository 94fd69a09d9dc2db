import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { EventSigner } from '@praxis/platform/messaging';
import { DemographicsPublisher } from './demographics.publisher';
import { CURRENT_PRINCIPAL_SOURCE, TokenIssuer } from '@praxis/platform/auth';
import type { Logger } from '@praxis/platform/observability';
import { MembershipErrorFilter } from './membership.errors';
import { InstitutionResolver, MemberResolver, RoleGrantResolver } from './membership.resolver';
import { MembershipService } from './membership.service';
import {
  CareerStageChangeResolver,
  InstitutionChangeResolver,
  MemberProfileChangesResolver,
  RegistrationConfirmationResolver,
} from './profile-changes.resolver';
import {
  CareerStageChangesService,
  InstitutionChangesService,
  RegistrationConfirmationsService,
} from './profile-changes.service';
import { MembershipPrincipalSource } from './sessions/current-principal.source';
import { SettleWritesPlugin } from './sessions/settle-writes.plugin';
import {
  LoggingPasswordResetDelivery,
  PASSWORD_RESET_DELIVERY,
  type PasswordResetDelivery,
} from './sessions/password-reset.delivery';
import { AuthThrottle, THROTTLE_OPTIONS, type ThrottleOptions } from './sessions/auth.throttle';
import { SESSION_OPTIONS, type SessionOptions } from './sessions/session.options';
import { SessionsResolver } from './sessions/sessions.resolver';
import { SessionsService } from './sessions/sessions.service';

export interface MembershipFeatureOptions {
  issuer: TokenIssuer;
  /** Signs role events: other services act on a role change only when membership's signature verifies. */
  eventSigner: EventSigner;
  /** Without one, nothing demographic is published (as with no recipient key). */
  demographics?: DemographicsPublisher;
  sessions: SessionOptions;
  throttle: ThrottleOptions;
  logger: Logger;
  /** Where reset links go; the default writes them to the log (development only). */
  passwordResetDelivery?: PasswordResetDelivery;
}

@Module({})
export class MembershipFeatureModule {
  static forRoot(options: MembershipFeatureOptions): DynamicModule {
    const delivery: Provider = {
      provide: PASSWORD_RESET_DELIVERY,
      useValue:
        options.passwordResetDelivery ??
        new LoggingPasswordResetDelivery(options.logger.child({ component: 'password-reset' })),
    };
    return {
      module: MembershipFeatureModule,
      providers: [
        { provide: TokenIssuer, useValue: options.issuer },
        { provide: EventSigner, useValue: options.eventSigner },
        { provide: DemographicsPublisher, useValue: options.demographics ?? new DemographicsPublisher(null) },
        { provide: SESSION_OPTIONS, useValue: options.sessions },
        { provide: THROTTLE_OPTIONS, useValue: options.throttle },
        AuthThrottle,
        delivery,
        MembershipService,
        InstitutionChangesService,
        CareerStageChangesService,
        RegistrationConfirmationsService,
        InstitutionChangeResolver,
        RegistrationConfirmationResolver,
        CareerStageChangeResolver,
        MemberProfileChangesResolver,
        SessionsService,
        MemberResolver,
        InstitutionResolver,
        RoleGrantResolver,
        SessionsResolver,
        {
          provide: CURRENT_PRINCIPAL_SOURCE,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new MembershipPrincipalSource(dataSource, options.logger.child({ component: 'principal-cache' })),
        },
        SettleWritesPlugin,
        { provide: APP_FILTER, useClass: MembershipErrorFilter },
      ],
      exports: [MembershipService, SessionsService],
    };
  }
}
