import { Module, type DynamicModule } from '@nestjs/common';
import { ALL_EVENTS } from '@praxis/contracts';
import type { Logger } from '@praxis/platform/observability';
import { platformModules, type ServiceDefinition } from '@praxis/platform/service';
import { memberReplicaConsumer, communityDatabase } from '@praxis/community/data-access';
import {
  CommunityFeatureModule,
  TAGGED_LISTINGS_GROUP,
  taggedListingHandlers,
} from '@praxis/community/feature';
import type { CommunityConfig } from './config';

/**
 * Community publishes every community.* event; it consumes membership's member events (its replica), and the
 * competitions and mastermind groups it lists by interest.
 */
export const communityService: ServiceDefinition = {
  name: 'community',
  ...communityDatabase,
  produces: ALL_EVENTS.filter((contract) => contract.producer === 'community'),
  consumers: () => [
    memberReplicaConsumer(),
    { groupId: TAGGED_LISTINGS_GROUP, handlers: taggedListingHandlers() },
  ],
};

@Module({})
export class CommunityAppModule {
  static forRoot(config: CommunityConfig, logger: Logger): DynamicModule {
    return {
      module: CommunityAppModule,
      imports: [
        ...platformModules(communityService, config, logger),
        CommunityFeatureModule.forRoot(config.community, logger),
      ],
    };
  }
}
