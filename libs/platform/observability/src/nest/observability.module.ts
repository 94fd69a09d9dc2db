import {
  Controller,
  Get,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestMiddleware,
  type NestModule,
  type OnApplicationShutdown,
  Req,
  Res,
} from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { HealthCheck, HealthCheckService, TerminusModule, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { NextFunction, Request, Response } from 'express';
import { register } from 'prom-client';
import { enableDefaultMetrics } from '../metrics';
import { observeRequest, type RequestObservation } from '../request';
import { stopTracing } from '../tracing';

export interface ObservabilityOptions extends RequestObservation {
  /** Whether the service has a database to check. */
  database?: boolean;
  /**
   * The bearer token a Prometheus scraper sends (`Authorization: Bearer <token>`). `/metrics` answers nobody
   * else: without a token configured it is not served at all (404), so no anonymous caller on the public port
   * learns topic names, consumer lag or traffic.
   */
  metricsToken?: string;
}

export const OBSERVABILITY_OPTIONS = Symbol('OBSERVABILITY_OPTIONS');

/** Nest middleware around `observeRequest`, on every route of a service. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  constructor(@Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions) {}

  use(req: Request, res: Response, next: NextFunction): void {
    observeRequest(this.options, req, res, () => next());
  }
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
    @Inject(TypeOrmHealthIndicator) private readonly db: TypeOrmHealthIndicator,
  ) {}

  /** Liveness: the process serves requests. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * Readiness: the database answers. Not the broker: the outbox keeps writes safe while Kafka is away, so a
   * service without its broker still serves; broker reachability, outbox age and consumer lag are metrics.
   */
  @Get()
  @HealthCheck()
  ready() {
    const checks = [];
    if (this.options.database !== false) {
      checks.push(() => this.db.pingCheck('database', { timeout: 2000 }));
    }
    return this.health.check(checks);
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Whether the Authorization header carries the token; constant time whatever the header's length. */
export function isMetricsScraper(authorization: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(token));
}

@Controller('metrics')
export class MetricsController {
  constructor(@Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions) {}

  @Get()
  async metrics(@Req() req: Request, @Res() res: Response): Promise<void> {
    const token = this.options.metricsToken;
    if (!token) {
      res.status(404).type('text/plain').send('metrics are served only with METRICS_TOKEN set\n');
      return;
    }
    if (!isMetricsScraper(req.headers.authorization, token)) {
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer realm="metrics"')
        .type('text/plain')
        .send('send Authorization: Bearer <METRICS_TOKEN>\n');
      return;
    }
    res
      .status(200)
      .set('Content-Type', register.contentType)
      .send(await register.metrics());
  }
}

@Module({})
export class ObservabilityModule implements NestModule, OnApplicationShutdown {
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

  /** Exports the spans still buffered before the process exits. */
  async onApplicationShutdown(): Promise<void> {
    await stopTracing();
  }
}
