import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Scheduler } from '../scheduler';

export const SCHEDULER = Symbol('SCHEDULER');

/** Starts the scheduler with the application and waits for running jobs on shutdown. */
@Injectable()
export class SchedulerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(SCHEDULER) private readonly scheduler: Scheduler) {}

  onApplicationBootstrap(): void {
    this.scheduler.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
  }
}

@Module({})
export class SchedulerModule {
  /** `useFactory` builds the scheduler from injected services (the DataSource, the services the jobs call). */
  static forRootAsync(options: {
    imports?: DynamicModule['imports'];
    inject: Array<string | symbol | (abstract new (...args: never[]) => unknown)>;
    useFactory: (...args: never[]) => Scheduler;
  }): DynamicModule {
    return {
      module: SchedulerModule,
      imports: options.imports ?? [],
      providers: [
        { provide: SCHEDULER, inject: options.inject, useFactory: options.useFactory },
        { provide: Scheduler, useExisting: SCHEDULER },
        SchedulerLifecycle,
      ],
      exports: [Scheduler],
    };
  }
}
