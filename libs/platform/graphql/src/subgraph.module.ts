import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from '@praxis/platform/observability';
import { formatErrorFor } from './errors';
import { DEFAULT_QUERY_LIMITS, queryLimitsRule, type QueryLimits } from './limits';

/**
 * A Federation 2 subgraph, code first. The schema is generated in memory; `npm run supergraph` writes each
 * subgraph's SDL and composes the committed supergraph.
 */
export function subgraphModule(options: { logger: Logger; limits?: QueryLimits }): DynamicModule {
  return GraphQLModule.forRoot<ApolloFederationDriverConfig>({
    driver: ApolloFederationDriver,
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    playground: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    context: ({ req }: { req: unknown }) => ({ req }),
    formatError: formatErrorFor(options.logger),
    validationRules: [queryLimitsRule(options.limits ?? DEFAULT_QUERY_LIMITS)],
    // traces would go to Apollo's hosted studio, which a self-hosted deployment does not use
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    buildSchemaOptions: { dateScalarMode: 'isoDate', noDuplicatedFields: true },
  });
}
