import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TokenIssuer } from '@praxis/platform/auth';
import { EventSigner } from '@praxis/platform/messaging';
import { DemographicsPublisher } from './demographics.publisher';
import { MembershipErrorFilter } from './membership.errors';
import { InstitutionResolver, MemberResolver } from './membership.resolver';
import { MembershipService } from './membership.service';

@Module({})
export class MembershipFeatureModule {
  static forRoot(options: {
    issuer: TokenIssuer;
    eventSigner: EventSigner;
    /** Without one, nothing demographic is published (as with no recipient key). */
    demographics?: DemographicsPublisher;
  }): DynamicModule {
    return {
      module: MembershipFeatureModule,
      providers: [
        { provide: TokenIssuer, useValue: options.issuer },
        { provide: EventSigner, useValue: options.eventSigner },
        { provide: DemographicsPublisher, useValue: options.demographics ?? new DemographicsPublisher(null) },
        MembershipService,
        MemberResolver,
        InstitutionResolver,
        { provide: APP_FILTER, useClass: MembershipErrorFilter },
      ],
      exports: [MembershipService],
    };
  }
}
