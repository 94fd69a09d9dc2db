import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  formatErrorFor,
  GRAPHQL_PATH,
  queryLimitsFromEnv,
  queryLimitsServerOptions,
  serveAheadOfExpress,
} from '@praxis/platform/graphql';
import { ObservabilityModule, type Logger } from '@praxis/platform/observability';
import { subgraphUrlOverride, type GatewayConfig } from './config';
import { graphqlHandler } from './graphql-handler';
import { SingleFetchRoutes } from './single-fetch';
import { SubgraphDataSource, type GatewayContext } from './subgraph-data-source';
import { WebClientModule } from './web-client';
import { ExportsProxyModule } from './exports-proxy';

/**
 * The Apollo Server running the gateway (the supergraph, our data source, limits, errors, landing page) and,
 * unless `GATEWAY_SINGLE_FETCH` is off, the single-fetch path beside it (single-fetch.ts), which shares its
 * data sources, cost check and `formatError` and learns its routes from the gateway's query plans.
 */
export function gatewayApolloServer(
  config: GatewayConfig,
  logger: Logger,
  supergraphSdl: string,
): { server: ApolloServer<GatewayContext>; singleFetch: SingleFetchRoutes | undefined } {
  const limits = queryLimitsServerOptions(queryLimitsFromEnv(config));
  // SERVICE_UNAVAILABLE passes through as it came: a subgraph's (its database away) or the data source's own
  // (the subgraph unreachable, logged there once per outage)
  const formatError = formatErrorFor(logger, { database: false });
  const dataSources = new Map<string, SubgraphDataSource>();
  const singleFetch = config.GATEWAY_SINGLE_FETCH
    ? new SingleFetchRoutes({ dataSources, cost: limits.cost, formatError })
    : undefined;
  const server = new ApolloServer<GatewayContext>({
    gateway: new ApolloGateway({
      supergraphSdl,
      buildService: ({ name, url }) => {
        const dataSource = new SubgraphDataSource(
          name,
          subgraphUrlOverride(config, name) ?? url ?? '',
          logger.child({ component: 'subgraph' }),
        );
        dataSources.set(name, dataSource);
        return dataSource;
      },
      ...(singleFetch ? { experimental_didResolveQueryPlan: singleFetch.record } : {}),
    }),
    introspection: config.NODE_ENV !== 'production',
    formatError,
    includeStacktraceInErrorResponses: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // Nest stops the application on SIGTERM/SIGINT, and the server with it (onApplicationShutdown)
    stopOnTerminationSignals: false,
    // CSRF prevention stays Apollo's default (on): a GET or a "simple" POST needs a preflight-forcing header;
    // the query's size (MAX_QUERY_BYTES) is checked by the handler before Apollo parses it
    plugins: [
      ...limits.plugins,
      config.NODE_ENV === 'production'
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
    ],
  });
  return { server, singleFetch };
}

const GRAPHQL_ENDPOINT = Symbol('GRAPHQL_ENDPOINT');

interface GraphqlEndpointOptions {
  config: GatewayConfig;
  logger: Logger;
  supergraphSdl: string;
}

/**
 * Serves `/graphql` ahead of Nest and Express: the HTTP server's request listener answers `/graphql` with the lean
 * handler (graphql-handler.ts) and hands every other request (web client, exports, health, metrics) to Express.
 */
@Injectable()
export class GraphqlEndpoint implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly server: ApolloServer<GatewayContext>;
  private readonly singleFetch: SingleFetchRoutes | undefined;

  constructor(
    @Inject(GRAPHQL_ENDPOINT) private readonly options: GraphqlEndpointOptions,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    ({ server: this.server, singleFetch: this.singleFetch } = gatewayApolloServer(
      options.config,
      options.logger,
      options.supergraphSdl,
    ));
  }

  async onModuleInit(): Promise<void> {
    await this.server.start();
  }

  onApplicationBootstrap(): void {
    const graphql = graphqlHandler({
      server: this.server,
      singleFetch: this.singleFetch,
      observation: { service: 'gateway', logger: this.options.logger },
      trustProxy: this.options.config.TRUST_PROXY,
      maxQueryBytes: this.options.config.MAX_QUERY_BYTES,
      logger: this.options.logger,
    });
    serveAheadOfExpress(
      this.adapterHost.httpAdapter.getHttpServer() as Server,
      (req) => GRAPHQL_PATH.test(req.url ?? ''),
      graphql,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server.stop();
  }
}

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, logger: Logger): DynamicModule {
    const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
    return {
      module: GatewayModule,
      imports: [
        WebClientModule.forRoot(config.WEB_ROOT),
        ExportsProxyModule.forRoot(supergraphSdl, (name) => subgraphUrlOverride(config, name)),
        ObservabilityModule.forRoot({
          service: 'gateway',
          database: false,
          logger,
          ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
        }),
      ],
      providers: [
        { provide: GRAPHQL_ENDPOINT, useValue: { config, logger, supergraphSdl } },
        GraphqlEndpoint,
      ],
    };
  }
}
