import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { JSONWebKeySet } from 'jose';
import { DataSource } from 'typeorm';
import type { EventContract } from '@praxis/contracts';
import { AuthModule, authVerifyEnvShape, type VerifierConfig } from '@praxis/platform/auth';
import { ConfigError, env } from '@praxis/platform/config';
import {
  openServiceDatabase,
  serviceDataSourceOptions,
  type ServiceDataSourceOptions,
} from '@praxis/platform/database';
import {
  GraphQLErrorsModule,
  inputValidationPipe,
  queryLimitsEnvShape,
  queryLimitsFromEnv,
  subgraphModule,
} from '@praxis/platform/graphql';
import {
  eventVerificationKeysSchema,
  EventVerifier,
  kafkaEnvShape,
  kafkaSettingsFromEnv,
  MessagingModule,
  MessagingRuntime,
  type EventHandler,
  type MessagingRuntimeOptions,
} from '@praxis/platform/messaging';
import {
  createLogger,
  ObservabilityModule,
  PinoNestLogger,
  startTracing,
  type Logger,
} from '@praxis/platform/observability';

import { buildSubgraphSdl } from './subgraph-schema';

/** Environment every service reads; services add their own variables to it. */
export const serviceEnvShape = {
  NODE_ENV: env.nodeEnv(),
  LOG_LEVEL: env.logLevel(),
  DATABASE_URL: env.postgresUrl(),
  ...kafkaEnvShape,
  ...authVerifyEnvShape,
  OUTBOX_POLL_INTERVAL_MS: env.int(2000, 50),
  OUTBOX_LINGER_MS: env.int(5, 0),
  /** Membership's public event keys (JWKS JSON): required by services consuming events that confer rights. */
  EVENT_VERIFICATION_KEYS: eventVerificationKeysSchema.optional(),
  ...queryLimitsEnvShape,
  /** OTLP/HTTP collector; traces are exported only when it is set. */
  OTEL_EXPORTER_OTLP_ENDPOINT: env.url().optional(),
  /** Only the gateway may tell a subgraph the client's address (it sets X-Forwarded-For from the socket). */
  TRUST_PROXY: env.trustProxy('loopback'),
  /** The bearer token Prometheus sends to scrape /metrics; unset, /metrics is not served. */
  METRICS_TOKEN: env.secret().optional(),
};

export type ServiceConfig = {
  NODE_ENV: 'development' | 'test' | 'production';
  LOG_LEVEL: string;
  DATABASE_URL: string;
  OUTBOX_POLL_INTERVAL_MS: number;
  OUTBOX_LINGER_MS: number;
  EVENT_VERIFICATION_KEYS?: string;
  TRUST_PROXY: boolean | number | string;
  METRICS_TOKEN?: string;
} & Parameters<typeof queryLimitsFromEnv>[0] &
  Parameters<typeof kafkaSettingsFromEnv>[1] &
  VerifierConfig;

export interface ServiceDefinition {
  name: string;
  entities: ServiceDataSourceOptions['entities'];
  migrations: ServiceDataSourceOptions['migrations'];
  produces: readonly EventContract[];
  /** Consumer groups are named `<service>.<purpose>` so each service's replicas share the work. */
  consumers?: (dataSource: DataSource) => Array<{ groupId: string; handlers: EventHandler[] }>;
}

/**
 * The modules every Praxis service stands on: its own database (created and migrated at start), the event
 * runtime (outbox relay, consumers), a Federation subgraph with auth on every operation, health and metrics.
 */
export function platformModules(
  definition: ServiceDefinition,
  config: ServiceConfig,
  logger: Logger,
): DynamicModule[] {
  const databaseOptions = {
    url: config.DATABASE_URL,
    entities: definition.entities,
    migrations: definition.migrations,
    applicationName: `praxis-${definition.name}`,
    logger: logger.child({ component: 'database' }),
  };
  return [
    TypeOrmModule.forRootAsync({
      useFactory: () => serviceDataSourceOptions(databaseOptions),
      dataSourceFactory: async () => openServiceDatabase(databaseOptions),
    }),
    MessagingModule.forRootAsync({
      inject: [DataSource],
      useFactory: (dataSource: DataSource) =>
        new MessagingRuntime(messagingOptions(definition, config, logger, dataSource)),
    }),
    AuthModule.forRoot(config),
    subgraphModule({
      logger,
      limits: queryLimitsFromEnv(config),
      introspection: config.NODE_ENV !== 'production',
      // `/graphql` on Node's request ahead of Express (health, metrics and other routes stay on Express)
      http: { service: definition.name, trustProxy: config.TRUST_PROXY },
    }),
    { module: GraphQLErrorsModule },
    ObservabilityModule.forRoot({
      service: definition.name,
      database: true,
      logger,
      ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
    }),
  ];
}

export function messagingOptions(
  definition: ServiceDefinition,
  config: ServiceConfig,
  logger: Logger,
  dataSource: DataSource,
): MessagingRuntimeOptions {
  return {
    service: definition.name,
    settings: kafkaSettingsFromEnv(`praxis-${definition.name}`, config),
    dataSource,
    databaseUrl: config.DATABASE_URL,
    logger: logger.child({ component: 'messaging' }),
    produces: definition.produces,
    consumers: definition.consumers?.(dataSource) ?? [],
    relay: { pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS, lingerMs: config.OUTBOX_LINGER_MS },
    ...(config.EVENT_VERIFICATION_KEYS
      ? { verifier: new EventVerifier(JSON.parse(config.EVENT_VERIFICATION_KEYS) as JSONWebKeySet) }
      : {}),
  };
}

/** How a service is built: its config, its module, and what runs around start-up. */
export interface ServiceSpec<TConfig> {
  name: string;
  /** Validates the environment (`source`, process.env by default) into the service's config. */
  loadConfig: (
    source?: Record<string, string | undefined>,
  ) => TConfig & { LOG_LEVEL: string; OTEL_EXPORTER_OTLP_ENDPOINT?: string };
  port: (config: TConfig) => number;
  module: (config: TConfig, logger: Logger) => DynamicModule;
  /** Async work between config and module construction (e.g. importing keys). */
  prepare?: (config: TConfig) => Promise<void>;
  /**
   * Work on the initialised app before it listens (e.g. seeding the admin account): launchers and orchestrators
   * count a port that answers as started, so nothing a caller relies on may still be pending then.
   */
  afterStart?: (app: INestApplication, config: TConfig, logger: Logger) => Promise<void>;
}

/** What `bootstrapService` sets on a service's Express application. */
export function configureExpress(
  express: { set(setting: string, value: unknown): unknown },
  trustProxy: boolean | number | string | undefined,
): void {
  if (trustProxy !== undefined) express.set('trust proxy', trustProxy);
  // GraphQL answers POSTs, which no client revalidates, yet Express hashed every answer's body for an ETag
  // (static files keep theirs: serve-static sets its own); X-Powered-By only tells a caller what to attack
  express.set('etag', false);
  express.set('x-powered-by', false);
}

/** Validates config (every problem at once), starts the app, and exits cleanly on SIGTERM/SIGINT. */
export async function bootstrapService<TConfig>(options: ServiceSpec<TConfig>): Promise<INestApplication> {
  if (process.argv.includes('--print-schema')) {
    // used by `npm run supergraph`: one process per subgraph, since Nest's type registry is process-wide
    process.stdout.write(await buildSubgraphSdl(options));
    process.exit(0);
  }
  let config: TConfig & { LOG_LEVEL: string; OTEL_EXPORTER_OTLP_ENDPOINT?: string };
  try {
    config = options.loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${options.name}: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  if (process.argv.includes('--check-config')) {
    // used by deployment checks (and the compose test): validate the environment and stop
    process.stdout.write(`${options.name}: configuration is valid\n`);
    process.exit(0);
  }
  const logger = createLogger(options.name, config.LOG_LEVEL);
  if (await startTracing({ service: options.name, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT }))
    logger.info({ endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT }, 'exporting traces over OTLP/HTTP');
  await options.prepare?.(config);
  const app = await NestFactory.create(options.module(config, logger), {
    logger: new PinoNestLogger(logger),
  });
  configureExpress(
    app.getHttpAdapter().getInstance(),
    (config as { TRUST_PROXY?: boolean | number | string }).TRUST_PROXY,
  );
  app.useGlobalPipes(inputValidationPipe());
  app.enableShutdownHooks();
  await app.init();
  await options.afterStart?.(app, config, logger);
  await app.listen(options.port(config));
  logger.info({ url: await app.getUrl() }, `${options.name} ready`);
  return app;
}
