import { Module, type DynamicModule } from '@nestjs/common';
import { ALL_EVENTS } from '@praxis/contracts';
import type { Logger } from '@praxis/platform/observability';
import { platformModules, type ServiceDefinition } from '@praxis/platform/service';
import { memberReplicaConsumer, proposalsDatabase } from '@praxis/proposals/data-access';
import { ProposalsFeatureModule } from '@praxis/proposals/feature';
import type { ProposalsConfig } from './config';

/** Proposals publishes every proposals.* event and keeps a replica of members and institutions. */
export const proposalsService: ServiceDefinition = {
  name: 'proposals',
  ...proposalsDatabase,
  produces: ALL_EVENTS.filter((contract) => contract.type.startsWith('proposals.')),
  consumers: () => [memberReplicaConsumer()],
};

@Module({})
export class ProposalsAppModule {
  static forRoot(config: ProposalsConfig, logger: Logger): DynamicModule {
    return {
      module: ProposalsAppModule,
      imports: [
        ...platformModules(proposalsService, config, logger),
        ProposalsFeatureModule.forRoot(config.proposals),
      ],
    };
  }
}
