import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CURRENT_PRINCIPAL_SOURCE } from '@praxis/platform/auth';
import { ReplicaPrincipalSource } from '@praxis/platform/member-replica';
import { EngagementErrorFilter } from './engagement.errors';
import { ENGAGEMENT_OPTIONS, type EngagementOptions } from './engagement.options';
import { MetricsResolver } from './metrics/metrics.resolver';
import { MetricsService } from './metrics/metrics.service';
import { MemberRecordResolver } from './record/member-record.resolver';
import { OverviewResolver } from './overview/overview.resolver';
import { ProgrammesResolver } from './programmes/programmes.resolver';
import { FundingResolver } from './funding/funding.resolver';
import { ExportResolver } from './export/export.resolver';
import { ExportController } from './export/export.controller';

@Module({})
export class EngagementFeatureModule {
  static forRoot(options: EngagementOptions): DynamicModule {
    return {
      module: EngagementFeatureModule,
      controllers: [ExportController],
      providers: [
        { provide: ENGAGEMENT_OPTIONS, useValue: options },
        MetricsService,
        MetricsResolver,
        MemberRecordResolver,
        OverviewResolver,
        ProgrammesResolver,
        FundingResolver,
        ExportResolver,
        { provide: CURRENT_PRINCIPAL_SOURCE, useClass: ReplicaPrincipalSource },
        { provide: APP_FILTER, useClass: EngagementErrorFilter },
      ],
      exports: [MetricsService],
    };
  }
}
