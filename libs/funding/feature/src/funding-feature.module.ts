import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CURRENT_PRINCIPAL_SOURCE } from '@praxis/platform/auth';
import { ReplicaPrincipalSource } from '@praxis/platform/member-replica';
import type { Logger } from '@praxis/platform/observability';
import { SCHEDULER, SchedulerLifecycle } from '@praxis/platform/scheduler';
import { AwardsResolver } from './award/awards.resolver';
import { WinnerOutcomesResolver, WinnerOutcomesService } from './award/winner-outcomes';
import { AwardsService } from './award/awards.service';
import { AtRiskResolver } from './erosion/at-risk.resolver';
import { ErosionService } from './erosion/erosion.service';
import { fundingScheduler } from './erosion/weekly-at-risk-check.job';
import { FUNDING_TEST_CLOCK_LOGGER, FundingTestClockController } from './clock/test-clock.controller';
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

/** The weekly AT_RISK check, run once per tick across replicas by the platform scheduler, on funding's clock. */
function weeklyJobs(options: FundingOptions, logger: Logger): Provider[] {
  return [
    {
      provide: SCHEDULER,
      inject: [DataSource, ErosionService],
      useFactory: (dataSource: DataSource, erosion: ErosionService) =>
        fundingScheduler({ dataSource, erosion, clock: options.clock, logger }),
    },
    SchedulerLifecycle,
  ];
}

/** `/testing/clock`, only where the configuration allowed a test clock (never in production). */
function testClock(options: FundingOptions, logger: Logger): Provider[] {
  if (!options.testClock) return [];
  logger.warn(
    "FUNDING_TEST_CLOCK is on: admins can move this service's clock (and reach the weekly at-risk check) through /testing/clock (tests and the demo only)",
  );
  return [{ provide: FUNDING_TEST_CLOCK_LOGGER, useValue: logger.child({ component: 'test-clock' }) }];
}

@Module({})
export class FundingFeatureModule {
  /** `logger` starts the weekly jobs; tests leave it out and run the check by hand for a chosen week. */
  static forRoot(options: FundingOptions = DEFAULT_FUNDING_OPTIONS, logger?: Logger): DynamicModule {
    return {
      module: FundingFeatureModule,
      controllers: logger && options.testClock ? [FundingTestClockController] : [],
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
        ...(logger ? weeklyJobs(options, logger) : []),
        ...(logger ? testClock(options, logger) : []),
        // roles that gate operations come from the member replica, so a revoked role stops working promptly
        { provide: CURRENT_PRINCIPAL_SOURCE, useClass: ReplicaPrincipalSource },
        { provide: APP_FILTER, useClass: FundingErrorFilter },
      ],
      exports: [AwardsService, LedgerService, FundsService, ErosionService],
    };
  }
}
