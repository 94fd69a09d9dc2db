import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CURRENT_PRINCIPAL_SOURCE } from '@praxis/platform/auth';
import { ReplicaPrincipalSource } from '@praxis/platform/member-replica';
import { CompetitionsService } from './competitions.service';
import { JudgingService } from './judging.service';
import { ProposalsErrorFilter } from './proposals.errors';
import { PROPOSALS_OPTIONS, type ProposalsOptions } from './proposals.options';
import {
  AssignmentFieldsResolver,
  CompetitionJudgeFieldsResolver,
  CompetitionResolver,
  ConflictFieldsResolver,
  JudgingResolver,
  ProposalResolver,
  RankingResolver,
} from './proposals.resolver';
import { ProposalsService } from './proposals.service';

@Module({})
export class ProposalsFeatureModule {
  static forRoot(options: ProposalsOptions): DynamicModule {
    return {
      module: ProposalsFeatureModule,
      providers: [
        { provide: PROPOSALS_OPTIONS, useValue: options },
        CompetitionsService,
        ProposalsService,
        JudgingService,
        CompetitionResolver,
        ProposalResolver,
        JudgingResolver,
        RankingResolver,
        ConflictFieldsResolver,
        AssignmentFieldsResolver,
        CompetitionJudgeFieldsResolver,
        { provide: CURRENT_PRINCIPAL_SOURCE, useClass: ReplicaPrincipalSource },
        { provide: APP_FILTER, useClass: ProposalsErrorFilter },
      ],
      exports: [CompetitionsService, ProposalsService, JudgingService],
    };
  }
}
