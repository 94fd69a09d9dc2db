import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import nodeFetch from 'node-fetch';
import { GraphQLError } from 'graphql';
import { formatErrorFor, queryLimitsFromEnv, queryLimitsServerOptions } from '@praxis/platform/graphql';
import {
  CORRELATION_HEADER,
  currentContext,
  currentTraceparent,
  ObservabilityModule,
  SpanKind,
  withSpan,
  type Logger,
} from '@praxis/platform/observability';
import { subgraphUrlOverride, type GatewayConfig } from './config';
import { WebClientModule } from './web-client';

/**
 * Connections to the subgraphs stay open between requests, but an idle one is closed by the gateway after 4 s,
 * before the subgraph's server drops it (Node's keepAliveTimeout, 5 s): otherwise a request sent on a socket the
 * server is closing at that moment fails with "socket hang up" (seen after ~5 s pauses between requests).
 */
const IDLE_SOCKET_MS = 4000;
const httpAgent = new HttpAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
const httpsAgent = new HttpsAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS });

interface GatewayContext {
  req?: Request;
  res?: Response;
}

type ResponseContext = Parameters<
  NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>
>[0];
type GatewayGraphQLResponse = ResponseContext['response'];

/** The subgraph that owns sessions: the only one that sees the refresh-token cookie or may set cookies. */
const SESSION_SUBGRAPH = 'membership';

function setCookiesOf(response: GatewayGraphQLResponse): string[] {
  const headers = response.http?.headers as
    { raw?: () => Record<string, string[]>; getSetCookie?: () => string[] } | undefined;
  return headers?.raw?.()['set-cookie'] ?? headers?.getSetCookie?.() ?? [];
}

/**
 * Passes the caller's bearer token, address and correlation id to each subgraph. Subgraphs verify the token
 * themselves; the gateway never turns identity into trusted headers. The client address is the gateway's own
 * reading (its socket, or its trusted proxy's header), replacing whatever X-Forwarded-For the client sent.
 * Cookies go to membership alone, and only membership's Set-Cookie comes back.
 */
class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  subgraph = '';

  /** One client span per subgraph call, so the subgraph's server span hangs under it in the trace. */
  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    return withSpan(
      `subgraph ${this.subgraph}`,
      { kind: SpanKind.CLIENT, attributes: { 'graphql.subgraph.name': this.subgraph } },
      () => super.process(options),
    );
  }

  // Apollo's default fetcher (make-fetch-happen) builds a stack trace per request to guess the protocol: about
  // 20 % of the gateway's CPU. node-fetch on keep-alive agents costs less than that and than Node's own fetch
  // (docs/performance.md).
  override fetcher: RemoteGraphQLDataSource['fetcher'] = (url, init) =>
    nodeFetch(url, { ...init, agent: (target) => (target.protocol === 'https:' ? httpsAgent : httpAgent) });

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const authorization = context.req?.headers.authorization;
    if (authorization) request.http?.headers.set('authorization', authorization);
    const correlationId = currentContext()?.correlationId;
    if (correlationId) request.http?.headers.set(CORRELATION_HEADER, correlationId);
    const traceparent = currentTraceparent();
    if (traceparent) request.http?.headers.set('traceparent', traceparent);
    const address = context.req?.ip;
    if (address) request.http?.headers.set('x-forwarded-for', address);
    const cookie = context.req?.headers.cookie;
    if (cookie && this.subgraph === SESSION_SUBGRAPH) request.http?.headers.set('cookie', cookie);
  }

  override didReceiveResponse({ response, context }: ResponseContext): GatewayGraphQLResponse {
    if (this.subgraph === SESSION_SUBGRAPH) {
      for (const cookie of setCookiesOf(response)) context.res?.append('Set-Cookie', cookie);
    }
    return response;
  }
}

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
              Object.assign(new ForwardingDataSource({ url: subgraphUrlOverride(config, name) ?? url }), {
                subgraph: name,
              }),
          },
        }),
      ],
    };
  }
}
