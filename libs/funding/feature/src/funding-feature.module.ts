import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CURRENT_PRINCIPAL_SOURCE } from '@praxis/platform/auth';
import { ReplicaPrincipalSource } from '@praxis/platform/member-replica';
import type { Logger } from '@praxis/platform/observability';
import { Scheduler, SCHEDULER, SchedulerLifecycle } from '@praxis/platform/scheduler';
import { AwardsResolver } from './award/awards.resolver';
import { WinnerOutcomesResolver, WinnerOutcomesService } from './award/winner-outcomes';
import { AwardsService } from './award/awards.service';
import { AtRiskResolver } from './erosion/at-risk.resolver';
import { ErosionService } from './erosion/erosion.service';
import { weeklyAtRiskCheck } from './erosion/weekly-at-risk-check.job';
import { FundsResolver } from './fund/funds.resolver';
import { FundsService } from './fund/funds.service';
import { FundingErrorFilter } from './funding.errors';
import { DEFAULT_FUNDING_OPTIONS, FUNDING_OPTIONS, type FundingOptions } from './funding.options';
import { LedgerResolver } from './ledger/ledger.resolver';
import { LedgerService } from './ledger/ledger.service';
import { ReportsResolver } from './reporting/reports.resolver';
import { ReportsService } from './reporting/reports.service';
import { EffortResolver } from './protected-time/effort.resolver';
import { EffortService } from './protected-time/effort.service';
import { AllocationFieldsResolver, ProtectedTimeResolver } from './protected-time/protected-time.resolver';
import { ProtectedTimeService } from './protected-time/protected-time.service';

/** The weekly AT_RISK check, run once per tick across replicas by the platform scheduler. */
function weeklyJobs(logger: Logger): Provider[] {
  return [
    {
      provide: SCHEDULER,
      inject: [DataSource, ErosionService],
      useFactory: (dataSource: DataSource, erosion: ErosionService) =>
        new Scheduler({
          dataSource,
          logger: logger.child({ component: 'scheduler' }),
          jobs: [weeklyAtRiskCheck(erosion, logger)],
        }),
    },
    SchedulerLifecycle,
  ];
}

@Module({})
export class FundingFeatureModule {
  /** `logger` starts the weekly jobs; tests leave it out and run the check by hand for a chosen week. */
  static forRoot(options: FundingOptions = DEFAULT_FUNDING_OPTIONS, logger?: Logger): DynamicModule {
    return {
      module: FundingFeatureModule,
      providers: [
        { provide: FUNDING_OPTIONS, useValue: options },
        FundsService,
        FundsResolver,
        AwardsService,
        AwardsResolver,
        WinnerOutcomesService,
        WinnerOutcomesResolver,
        LedgerService,
        LedgerResolver,
        ProtectedTimeService,
        ProtectedTimeResolver,
        AllocationFieldsResolver,
        EffortService,
        EffortResolver,
        ReportsService,
        ReportsResolver,
        ErosionService,
        AtRiskResolver,
        ...(logger ? weeklyJobs(logger) : []),
        // roles that gate operations come from the member replica, so a revoked role stops working promptly
        { provide: CURRENT_PRINCIPAL_SOURCE, useClass: ReplicaPrincipalSource },
        { provide: APP_FILTER, useClass: FundingErrorFilter },
      ],
      exports: [AwardsService, LedgerService, FundsService, ErosionService],
    };
  }
}
