import {
  Global,
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { MessagingRuntime } from '../messaging.runtime';

export const MESSAGING_RUNTIME = Symbol('MESSAGING_RUNTIME');

/** Starts the runtime with the application and drains it on shutdown (needs `app.enableShutdownHooks()`). */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(MESSAGING_RUNTIME) private readonly runtime: MessagingRuntime) {}

  onApplicationBootstrap(): void {
    this.runtime.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRootAsync(options: {
    inject: Array<string | symbol | (abstract new (...args: never[]) => unknown)>;
    useFactory: (...args: never[]) => MessagingRuntime;
  }): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_RUNTIME, inject: options.inject, useFactory: options.useFactory },
        { provide: MessagingRuntime, useExisting: MESSAGING_RUNTIME },
        MessagingLifecycle,
      ],
      exports: [MESSAGING_RUNTIME, MessagingRuntime],
    };
  }
}
