import { Module, type DynamicModule } from '@nestjs/common';
import { ALL_EVENTS } from '@praxis/contracts';
import type { Logger } from '@praxis/platform/observability';
import { platformModules, type ServiceDefinition } from '@praxis/platform/service';
import { memberReplicaConsumer, proposalsDatabase } from '@praxis/proposals/data-access';
import { ProposalsFeatureModule, proposalsMemberReplicaHooks } from '@praxis/proposals/feature';
import type { ProposalsConfig } from './config';

/**
 * Proposals publishes every proposals.* event and keeps a replica of members and institutions, whose moves the
 * recorded conflicts follow.
 */
export const proposalsService: ServiceDefinition = {
  name: 'proposals',
  ...proposalsDatabase,
  produces: ALL_EVENTS.filter((contract) => contract.type.startsWith('proposals.')),
  consumers: () => [memberReplicaConsumer(proposalsMemberReplicaHooks)],
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
