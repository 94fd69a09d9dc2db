import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from '@praxis/platform/observability';
import { platformModules, type ServiceDefinition } from '@praxis/platform/service';
import { memberReplicaConsumer, engagementDatabase } from '@praxis/engagement/data-access';
import {
  EngagementFeatureModule,
  PROJECTIONS_GROUP,
  projectionHandlers,
  type EngagementOptions,
} from '@praxis/engagement/feature';
import type { EngagementConfig } from './config';

/**
 * Engagement publishes nothing: it consumes membership's member events (its replica, for authorisation) and
 * every service's events into its metric projections.
 */
export function engagementService(options: EngagementOptions): ServiceDefinition {
  return {
    name: 'engagement',
    ...engagementDatabase,
    produces: [],
    consumers: () => [
      memberReplicaConsumer(),
      { groupId: PROJECTIONS_GROUP, handlers: projectionHandlers(options.demographicsKey) },
    ],
  };
}

@Module({})
export class EngagementAppModule {
  static forRoot(config: EngagementConfig, logger: Logger): DynamicModule {
    if (!config.engagement.demographicsKey) {
      logger.warn(
        'DEMOGRAPHICS_RECIPIENT_PRIVATE_KEY is not set: demographic answers are not consumed, equity figures show everyone as NOT_ANSWERED',
      );
    }
    return {
      module: EngagementAppModule,
      imports: [
        ...platformModules(engagementService(config.engagement), config, logger),
        EngagementFeatureModule.forRoot(config.engagement),
      ],
    };
  }
}
