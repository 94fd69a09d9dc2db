import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CURRENT_PRINCIPAL_SOURCE } from '@praxis/platform/auth';
import { ReplicaPrincipalSource } from '@praxis/platform/member-replica';
import { AwardsResolver } from './award/awards.resolver';
import { AwardsService } from './award/awards.service';
import { FundsResolver } from './fund/funds.resolver';
import { FundsService } from './fund/funds.service';
import { FundingErrorFilter } from './funding.errors';
import { DEFAULT_FUNDING_OPTIONS, FUNDING_OPTIONS, type FundingOptions } from './funding.options';
import { LedgerResolver } from './ledger/ledger.resolver';
import { LedgerService } from './ledger/ledger.service';
import { ProtectedTimeResolver } from './protected-time/protected-time.resolver';
import { ProtectedTimeService } from './protected-time/protected-time.service';

@Module({})
export class FundingFeatureModule {
  static forRoot(options: FundingOptions = DEFAULT_FUNDING_OPTIONS): DynamicModule {
    return {
      module: FundingFeatureModule,
      providers: [
        { provide: FUNDING_OPTIONS, useValue: options },
        FundsService,
        FundsResolver,
        AwardsService,
        AwardsResolver,
        LedgerService,
        LedgerResolver,
        ProtectedTimeService,
        ProtectedTimeResolver,
        // roles that gate operations come from the member replica, so a revoked role stops working promptly
        { provide: CURRENT_PRINCIPAL_SOURCE, useClass: ReplicaPrincipalSource },
        { provide: APP_FILTER, useClass: FundingErrorFilter },
      ],
      exports: [AwardsService, LedgerService, FundsService],
    };
  }
}
