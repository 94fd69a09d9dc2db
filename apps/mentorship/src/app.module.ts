import { Module, type DynamicModule } from '@nestjs/common';
import { ALL_EVENTS } from '@praxis/contracts';
import type { Logger } from '@praxis/platform/observability';
import { platformModules, type ServiceDefinition } from '@praxis/platform/service';
import { memberReplicaConsumer, mentorshipDatabase } from '@praxis/mentorship/data-access';
import {
  MentorshipFeatureModule,
  supervisionHandlers,
  type MentorshipOptions,
} from '@praxis/mentorship/feature';
import type { MentorshipConfig } from './config';

/** Mentorship publishes every mentorship.* event; it consumes membership's member events and competition results. */
export function mentorshipService(options: MentorshipOptions): ServiceDefinition {
  return {
    name: 'mentorship',
    ...mentorshipDatabase,
    produces: ALL_EVENTS.filter((contract) => contract.type.startsWith('mentorship.')),
    consumers: () => [
      memberReplicaConsumer(),
      { groupId: 'mentorship.supervision', handlers: supervisionHandlers(options.weights) },
    ],
  };
}

@Module({})
export class MentorshipAppModule {
  static forRoot(config: MentorshipConfig, logger: Logger): DynamicModule {
    return {
      module: MentorshipAppModule,
      imports: [
        ...platformModules(mentorshipService(config.mentorship), config, logger),
        MentorshipFeatureModule.forRoot(config.mentorship),
      ],
    };
  }
}
