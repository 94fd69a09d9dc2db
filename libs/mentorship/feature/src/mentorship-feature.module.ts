import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CURRENT_PRINCIPAL_SOURCE } from '@praxis/platform/auth';
import { ReplicaPrincipalSource } from '@praxis/platform/member-replica';
import { MatchingService } from './matching.service';
import { MastermindService } from './mastermind.service';
import { MentorshipErrorFilter } from './mentorship.errors';
import { MENTORSHIP_OPTIONS, type MentorshipOptions } from './mentorship.options';
import {
  MastermindResolver,
  MastermindSessionResolver,
  MatchingResolver,
  WorkshopsResolver,
} from './programmes.resolver';
import { ProfilesService } from './profiles.service';
import { RelationshipsResolver } from './relationships.resolver';
import { RelationshipsService } from './relationships.service';
import { WorkshopsService } from './workshops.service';

@Module({})
export class MentorshipFeatureModule {
  static forRoot(options: MentorshipOptions): DynamicModule {
    return {
      module: MentorshipFeatureModule,
      providers: [
        { provide: MENTORSHIP_OPTIONS, useValue: options },
        ProfilesService,
        RelationshipsService,
        MatchingService,
        MastermindService,
        WorkshopsService,
        RelationshipsResolver,
        MatchingResolver,
        MastermindResolver,
        MastermindSessionResolver,
        WorkshopsResolver,
        { provide: CURRENT_PRINCIPAL_SOURCE, useClass: ReplicaPrincipalSource },
        { provide: APP_FILTER, useClass: MentorshipErrorFilter },
      ],
      exports: [ProfilesService, RelationshipsService, MatchingService, MastermindService, WorkshopsService],
    };
  }
}
