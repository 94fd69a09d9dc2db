import { Module, type DynamicModule } from '@nestjs/common';
import { ALL_EVENTS } from '@praxis/contracts';
import type { Logger } from '@praxis/platform/observability';
import { platformModules, type ServiceDefinition } from '@praxis/platform/service';
import { fundingDatabase, memberReplicaConsumer } from '@praxis/funding/data-access';
import {
  AwardsService,
  DEFAULT_FUNDING_OPTIONS,
  FundingFeatureModule,
  offerAwardsWhenResultsPublished,
  recordSupervisorWhenSupervisionStarts,
  RESULTS_GROUP,
  SUPERVISION_GROUP,
  type FundingOptions,
} from '@praxis/funding/feature';
import type { FundingConfig } from './config';

/**
 * Funding publishes every funding.* event; it consumes membership's member events (its replica), competition
 * results (winners become awards; v1 and v2 while v1 drains) and supervision relationships (the supervisor).
 */
export function fundingService(options: FundingOptions = DEFAULT_FUNDING_OPTIONS): ServiceDefinition {
  return {
    name: 'funding',
    ...fundingDatabase,
    produces: ALL_EVENTS.filter((contract) => contract.producer === 'funding'),
    consumers: (dataSource) => {
      const awards = new AwardsService(dataSource, options);
      return [
        memberReplicaConsumer(),
        { groupId: RESULTS_GROUP, handlers: offerAwardsWhenResultsPublished(awards, options) },
        { groupId: SUPERVISION_GROUP, handlers: recordSupervisorWhenSupervisionStarts(awards) },
      ];
    },
  };
}

@Module({})
export class FundingAppModule {
  static forRoot(config: FundingConfig, logger: Logger): DynamicModule {
    return {
      module: FundingAppModule,
      imports: [
        ...platformModules(fundingService(config.funding), config, logger),
        FundingFeatureModule.forRoot(config.funding, logger),
      ],
    };
  }
}
