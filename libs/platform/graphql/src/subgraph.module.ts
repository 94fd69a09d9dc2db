import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from '@praxis/platform/observability';
import { DateTimeScalarProvider } from './date-time';
import { formatErrorFor } from './errors';
import { DEFAULT_QUERY_LIMITS, queryLimitsServerOptions, type QueryLimits } from './limits';
import { SUBGRAPH_HTTP_OPTIONS, SubgraphHttpEndpoint, type SubgraphHttpOptions } from './subgraph-http';

export interface SubgraphOptions {
  logger: Logger;
  limits?: QueryLimits;
  /** Introspection is for development tools; production clients use the committed supergraph. */
  introspection?: boolean;
  /**
   * Serve `/graphql` ahead of Express (subgraph-http.ts), as every service does; without it (in-process test
   * harnesses) Nest's driver answers it through Express.
   */
  http?: SubgraphHttpOptions;
}

/**
 * A Federation 2 subgraph, code first. The schema is generated in memory; `npm run supergraph` writes each
 * subgraph's SDL and composes the committed supergraph.
 */
export function subgraphModule(options: SubgraphOptions): DynamicModule {
  const limits = queryLimitsServerOptions(options.limits ?? DEFAULT_QUERY_LIMITS);
  // one DateTime for every service: strict RFC 3339, absurd dates refused by the input pipe with the field named
  return {
    module: SubgraphModule,
    imports: [graphQLModule(options, limits)],
    providers: [
      DateTimeScalarProvider,
      ...(options.http
        ? [
            { provide: SUBGRAPH_HTTP_OPTIONS, useValue: { ...options.http, logger: options.logger } },
            SubgraphHttpEndpoint,
          ]
        : []),
    ],
  };
}

@Module({})
class SubgraphModule {}

function graphQLModule(
  options: SubgraphOptions,
  limits: ReturnType<typeof queryLimitsServerOptions>,
): DynamicModule {
  return GraphQLModule.forRoot<ApolloFederationDriverConfig>({
    driver: ApolloFederationDriver,
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    playground: false,
    introspection: options.introspection ?? false,
    includeStacktraceInErrorResponses: false,
    // res lets membership set its refresh-token cookie (forwarded by the gateway); on the lean path
    // (subgraph-http.ts) the context is built there, with the same `req` and `res` as `SubgraphContext` says
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
    formatError: formatErrorFor(options.logger),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // Guards, exception filters and interceptors run for field and reference resolvers (`_entities`) too, so
    // a reference is authorised like an operation and every resolver's errors go through the one mapping.
    fieldResolverEnhancers: ['guards', 'filters', 'interceptors'],
    // No plugin may hook every field (`willResolveField`): one that does makes Apollo wrap every resolver of the
    // schema, a call per field of every answer (a dashboard funnel has about 1,300). Inline traces would go to
    // Apollo's hosted studio, which a self-hosted deployment does not use; cache-control hints are not used
    // (no type or field sets one), so its answer was always `no-store`, which `noStorePlugin` keeps.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
      ...limits.plugins,
    ],
    buildSchemaOptions: { dateScalarMode: 'isoDate', noDuplicatedFields: true },
  });
}

/**
 * Every subgraph answer is `Cache-Control: no-store`, as Apollo's cache-control plugin answered when no hint made
 * it cacheable: answers carry members' and institutions' figures, which no shared cache may keep. Once per
 * request, where that plugin also ran once per field.
 */
export function noStorePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
