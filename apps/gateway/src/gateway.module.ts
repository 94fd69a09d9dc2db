import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { formatErrorFor, queryLimitsFromEnv, queryLimitsServerOptions } from '@praxis/platform/graphql';
import { ObservabilityModule, type Logger } from '@praxis/platform/observability';
import { subgraphUrlOverride, type GatewayConfig } from './config';
import { SubgraphDataSource } from './subgraph-data-source';
import { WebClientModule } from './web-client';
import { ExportsProxyModule } from './exports-proxy';

function querySizeLimit(maxBytes: number): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const size = Buffer.byteLength(request.query ?? '', 'utf8');
      if (size > maxBytes) {
        throw new GraphQLError(`query is ${size} bytes; the limit is ${maxBytes}`, {
          extensions: { code: 'BAD_REQUEST', limit: 'maxBytes', http: { status: 413 } },
        });
      }
    },
  };
}

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, logger: Logger): DynamicModule {
    const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
    const limits = queryLimitsServerOptions(queryLimitsFromEnv(config));
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
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          server: {
            // the Apollo Sandbox landing page below replaces Nest's default playground
            playground: false,
            context: ({ req, res }: { req: Request; res: Response }) => ({ req, res }),
            introspection: config.NODE_ENV !== 'production',
            formatError: formatErrorFor(logger),
            includeStacktraceInErrorResponses: false,
            validationRules: limits.validationRules,
            parseOptions: limits.parseOptions,
            plugins: [
              querySizeLimit(config.MAX_QUERY_BYTES),
              ...limits.plugins,
              config.NODE_ENV === 'production'
                ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
                : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
            ],
          },
          gateway: {
            supergraphSdl,
            buildService: ({ name, url }) =>
              new SubgraphDataSource(name, subgraphUrlOverride(config, name) ?? url ?? ''),
          },
        }),
      ],
    };
  }
}
