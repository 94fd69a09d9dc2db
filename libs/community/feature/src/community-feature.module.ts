import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CURRENT_PRINCIPAL_SOURCE } from '@praxis/platform/auth';
import { ReplicaPrincipalSource } from '@praxis/platform/member-replica';
import type { Logger } from '@praxis/platform/observability';
import { Scheduler, SCHEDULER, SchedulerLifecycle } from '@praxis/platform/scheduler';
import { ApplicationsResolver, MyApplicationFieldsResolver } from './applications/applications.resolver';
import { ApplicationsService } from './applications/applications.service';
import { CommunitiesResolver } from './communities/communities.resolver';
import { CommunitiesService } from './communities/communities.service';
import { CommunityErrorFilter } from './community.errors';
import { COMMUNITY_OPTIONS, type CommunityOptions } from './community.options';
import { AttendanceResolver } from './attendance/attendance.resolver';
import { AttendanceService } from './attendance/attendance.service';
import { ReflectionsResolver } from './reflections/reflections.resolver';
import { ReflectionsService } from './reflections/reflections.service';
import { CertificatesResolver } from './certificates/certificates.resolver';
import { CertificatesService } from './certificates/certificates.service';
import { ProgrammesResolver } from './programmes/programmes.resolver';
import { ProgrammesService } from './programmes/programmes.service';
import { TEST_CLOCK_LOGGER, TestClockController } from './clock/test-clock.controller';
import { TaggedListingsResolver } from './tagged/tagged.resolver';
import { TaggedListingsService } from './tagged/tagged.service';

const SERVICES = [
  CommunitiesService,
  ProgrammesService,
  ApplicationsService,
  AttendanceService,
  ReflectionsService,
  CertificatesService,
  TaggedListingsService,
];

/** Lapsed waitlist offers expire and their places move on, on one replica at a time. */
function offerSweep(options: CommunityOptions, logger: Logger): Provider[] {
  return [
    {
      provide: SCHEDULER,
      inject: [DataSource, ApplicationsService],
      useFactory: (dataSource: DataSource, applications: ApplicationsService) =>
        new Scheduler({
          dataSource,
          logger: logger.child({ component: 'scheduler' }),
          jobs: [
            {
              name: 'community.expire-offers',
              everyMs: options.offerSweepIntervalMs,
              run: async () => {
                await applications.sweepExpiredOffers();
              },
            },
          ],
        }),
    },
    SchedulerLifecycle,
    {
      provide: 'COMMUNITY_SECRET_NOTICE',
      useFactory: () => {
        if (options.reflectionSecretEphemeral) {
          logger.warn(
            'COMMUNITY_REFLECTION_SECRET is not set: using a random one until this process stops (a restart lets attendees reflect again); set it outside development',
          );
        }
        return true;
      },
    },
  ];
}

/** `/testing/clock`, only where the configuration allowed a test clock (never in production). */
function testClock(options: CommunityOptions, logger: Logger): Provider[] {
  if (!options.testClock) return [];
  logger.warn(
    "COMMUNITY_TEST_CLOCK is on: admins can move this service's clock through /testing/clock (tests and the demo only)",
  );
  return [{ provide: TEST_CLOCK_LOGGER, useValue: logger.child({ component: 'test-clock' }) }];
}

@Module({})
export class CommunityFeatureModule {
  /** `logger` starts the offer sweep; tests leave it out and sweep by hand with a moved clock. */
  static forRoot(options: CommunityOptions, logger?: Logger): DynamicModule {
    return {
      module: CommunityFeatureModule,
      controllers: logger && options.testClock ? [TestClockController] : [],
      providers: [
        { provide: COMMUNITY_OPTIONS, useValue: options },
        ...SERVICES,
        CommunitiesResolver,
        ProgrammesResolver,
        ApplicationsResolver,
        MyApplicationFieldsResolver,
        AttendanceResolver,
        ReflectionsResolver,
        CertificatesResolver,
        TaggedListingsResolver,
        ...(logger ? offerSweep(options, logger) : []),
        ...(logger ? testClock(options, logger) : []),
        { provide: CURRENT_PRINCIPAL_SOURCE, useClass: ReplicaPrincipalSource },
        { provide: APP_FILTER, useClass: CommunityErrorFilter },
      ],
      exports: SERVICES,
    };
  }
}
