import {
  Controller,
  Get,
  Header,
  Inject,
  Injectable,
  Module,
  Optional,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestMiddleware,
  type NestModule,
} from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TerminusModule,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { NextFunction, Request, Response } from 'express';
import { register } from 'prom-client';
import { CORRELATION_HEADER, correlationIdFrom, runInContext } from '../context';
import { enableDefaultMetrics } from '../metrics';

export interface ObservabilityOptions {
  service: string;
  /** Whether the service has a database to check. */
  database?: boolean;
}

export const OBSERVABILITY_OPTIONS = Symbol('OBSERVABILITY_OPTIONS');

/** Provided by the messaging module: readiness asks it whether the broker answers. */
export const BROKER_HEALTH = Symbol('BROKER_HEALTH');
export interface BrokerHealth {
  checkBroker(timeoutMs?: number): Promise<void>;
}

/** Gives every request a correlation id (the caller's if sane) and runs it inside that work context. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
    const traceparent = typeof req.headers.traceparent === 'string' ? req.headers.traceparent : undefined;
    res.setHeader(CORRELATION_HEADER, correlationId);
    runInContext({ correlationId, causationId: null, actorId: null, traceparent }, next);
  }
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
    @Inject(TypeOrmHealthIndicator) private readonly db: TypeOrmHealthIndicator,
    @Optional() @Inject(BROKER_HEALTH) private readonly broker: BrokerHealth | null,
  ) {}

  /** Liveness: the process serves requests. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: the database and the broker answer. */
  @Get()
  @HealthCheck()
  ready() {
    const checks = [];
    if (this.options.database !== false) {
      checks.push(() => this.db.pingCheck('database', { timeout: 2000 }));
    }
    const broker = this.broker;
    if (broker) {
      checks.push(async () => {
        const indicator = this.indicators.check('broker');
        try {
          await broker.checkBroker();
          return indicator.up();
        } catch (error) {
          return indicator.down({ message: error instanceof Error ? error.message : String(error) });
        }
      });
    }
    return this.health.check(checks);
  }
}

@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}

@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    enableDefaultMetrics(options.service);
    return {
      module: ObservabilityModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController, MetricsController],
      providers: [{ provide: OBSERVABILITY_OPTIONS, useValue: options }, CorrelationMiddleware],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('*path');
  }
}
