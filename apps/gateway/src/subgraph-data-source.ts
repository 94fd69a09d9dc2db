import { STATUS_CODES } from 'node:http';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { Pool } from 'undici';
import {
  CORRELATION_HEADER,
  currentContext,
  currentTraceparent,
  SpanKind,
  withSpan,
  type Logger,
} from '@praxis/platform/observability';

/** What a data source answers; `@apollo/server-gateway-interface` is only a transitive dependency. */
type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** What the gateway's GraphQL handler tells a data source of the caller's request, and how to answer it. */
export interface GatewayContext {
  /** The caller's Authorization header, passed to every subgraph. */
  authorization?: string;
  /** The caller's Cookie header, passed to membership alone. */
  cookie?: string;
  /** The caller's address: the socket's, or what a trusted proxy says (`TRUST_PROXY`). */
  clientAddress?: string;
  /** Adds a Set-Cookie header to the caller's response. */
  setCookie(value: string): void;
}

/**
 * Connections to the subgraphs stay open between requests, but an idle one is closed by the gateway after 4 s,
 * before the subgraph's server drops it (Node's keepAliveTimeout, 5 s): otherwise a request sent on a socket the
 * server is closing at that moment fails with "socket hang up" (seen after ~5 s pauses between requests).
 */
const IDLE_SOCKET_MS = 4000;

/** Answers of a proxy or load balancer in front of a subgraph that has no healthy instance. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/**
 * One undici pool per subgraph origin, shared by every data source of the process. undici keeps a connection for
 * at most `keepAliveTimeout` idle (less when the server announces a shorter `Keep-Alive: timeout`).
 */
const pools = new Map<string, Pool>();
function poolFor(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool) {
    pool = new Pool(origin, { keepAliveTimeout: IDLE_SOCKET_MS, keepAliveMaxTimeout: IDLE_SOCKET_MS });
    pools.set(origin, pool);
  }
  return pool;
}

/** The subgraph that owns sessions: the only one that sees the refresh-token cookie or may set cookies. */
export const SESSION_SUBGRAPH = 'membership';

interface SubgraphReply {
  status: number;
  statusText: string;
  setCookies: string[];
  cacheControl: string | undefined;
  body: unknown;
}

/** What Apollo's data source does with a subgraph's Cache-Control: it can only lower the response's max age. */
function cacheHint(header: string | undefined): { maxAge: number; scope?: 'PRIVATE' | 'PUBLIC' } {
  const directives = new Map<string, string | true>();
  for (const part of (header ?? '').trim().split(/\s*,\s*/)) {
    if (!part) continue;
    const [key, value] = part.split(/\s*=\s*/, 2);
    directives.set(key, value === undefined ? true : value.replace(/^"|"$/g, ''));
  }
  const maxAge = directives.get('max-age');
  return {
    maxAge: typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : 0,
    ...(directives.get('private') === true ? { scope: 'PRIVATE' as const } : {}),
    ...(directives.get('public') === true ? { scope: 'PUBLIC' as const } : {}),
  };
}

/** A cache hint from a subgraph's Cache-Control: what `RestrictableCachePolicy.restrict` takes. */
export type CacheHint = ReturnType<typeof cacheHint>;

/** Apollo's `overallCachePolicy` (or the single-fetch path's own): a hint can only lower it. */
export interface RestrictableCachePolicy {
  restrict(hint: CacheHint): void;
}

/** What a subgraph is sent: the operation, its variables and name, and headers Apollo adds (tracing). */
export type SubgraphRequest = GraphQLDataSourceProcessOptions<GatewayContext>['request'];

function isRestrictable(policy: unknown): policy is RestrictableCachePolicy {
  return (
    typeof policy === 'object' &&
    policy !== null &&
    'restrict' in policy &&
    typeof policy.restrict === 'function'
  );
}

/**
 * One subgraph as the gateway calls it: a JSON POST on a keep-alive connection of an undici pool (lighter per
 * call than Node's HTTP client, which sets up a ClientRequest, its socket listeners and timeout every time).
 * Apollo's RemoteGraphQLDataSource builds node-fetch Headers, a Request it only uses on errors, and a Response
 * per call (about a tenth of the gateway's CPU per request, docs/performance.md); this keeps what it does for us:
 * a non-2xx answer becomes `<status>: <text>` with the body under `extensions.response`, 401/403 with their codes,
 * and the subgraph's Cache-Control can only restrict the response's cache policy.
 *
 * Passes the caller's bearer token, address and correlation id to the subgraph. Subgraphs verify the token
 * themselves; the gateway never turns identity into trusted headers. The client address is the gateway's own
 * reading (its socket, or its trusted proxy's header), replacing whatever X-Forwarded-For the client sent.
 * Cookies go to membership alone, and only membership's Set-Cookie comes back.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly target: URL;

  /** Whether the last call found the subgraph unreachable (logged once per outage). */
  private down = false;

  constructor(
    readonly subgraph: string,
    readonly url: string,
    private readonly logger?: Pick<Logger, 'warn' | 'info'>,
  ) {
    this.target = new URL(url);
  }

  /** One client span per subgraph call, so the subgraph's server span hangs under it in the trace. */
  process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const policy: unknown =
      'incomingRequestContext' in options ? options.incomingRequestContext.overallCachePolicy : undefined;
    // Apollo Gateway calls without the request's context only for health checks and schema loading, neither of
    // which a static supergraph uses
    const context = options.context as GatewayContext;
    return this.forward(options.request, context, isRestrictable(policy) ? policy : undefined);
  }

  /**
   * Sends one operation to the subgraph and reads its answer: what `process` does for Apollo Gateway's fetches,
   * and for the gateway's single-fetch path (single-fetch.ts), which forwards a client's operation as it came.
   */
  forward(
    request: SubgraphRequest,
    context: GatewayContext,
    cachePolicy?: RestrictableCachePolicy,
  ): Promise<GatewayGraphQLResponse> {
    return withSpan(
      `subgraph ${this.subgraph}`,
      { kind: SpanKind.CLIENT, attributes: { 'graphql.subgraph.name': this.subgraph } },
      () => this.send(request, context, cachePolicy),
    );
  }

  private async send(
    request: SubgraphRequest,
    context: GatewayContext,
    cachePolicy: RestrictableCachePolicy | undefined,
  ): Promise<GatewayGraphQLResponse> {
    if (!request.query) throw new Error('Missing query');
    const headers: Record<string, string> = {};
    // headers Apollo attaches to the subgraph request (none unless federated tracing is on)
    for (const [name, value] of request.http?.headers ?? []) headers[name.toLowerCase()] = value;
    headers['content-type'] = 'application/json';
    const authorization = context.authorization;
    if (authorization) headers.authorization = authorization;
    const correlationId = currentContext()?.correlationId;
    if (correlationId) headers[CORRELATION_HEADER] = correlationId;
    const traceparent = currentTraceparent();
    if (traceparent) headers.traceparent = traceparent;
    const address = context.clientAddress;
    if (address) headers['x-forwarded-for'] = address;
    const cookie = context.cookie;
    if (cookie && this.subgraph === SESSION_SUBGRAPH) headers.cookie = cookie;
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
      extensions: request.extensions,
    });
    let reply: SubgraphReply;
    try {
      reply = await this.post(headers, body);
    } catch (error) {
      // no answer at all (refused, reset, timed out): the service is down or restarting, which a client may retry
      throw this.unavailable(error instanceof Error ? error.message : String(error));
    }
    if (UNAVAILABLE_STATUSES.has(reply.status))
      throw this.unavailable(`${reply.status}: ${reply.statusText}`);
    this.reachable();
    if (reply.status < 200 || reply.status >= 300) {
      throw new GraphQLError(`${reply.status}: ${reply.statusText}`, {
        extensions: {
          response: { url: this.url, status: reply.status, statusText: reply.statusText, body: reply.body },
          ...(reply.status === 401 ? { code: 'UNAUTHENTICATED' } : {}),
          ...(reply.status === 403 ? { code: 'FORBIDDEN' } : {}),
        },
      });
    }
    if (typeof reply.body !== 'object' || reply.body === null || Array.isArray(reply.body)) {
      throw new Error(`Expected JSON response body, but received: ${String(reply.body)}`);
    }
    if (this.subgraph === SESSION_SUBGRAPH) {
      for (const setCookie of reply.setCookies) context.setCookie(setCookie);
    }
    cachePolicy?.restrict(cacheHint(reply.cacheControl));
    // the gateway reads only data, errors and extensions of a subgraph's answer (no `http`)
    return reply.body as GatewayGraphQLResponse;
  }

  /**
   * What the client gets when the subgraph cannot answer: SERVICE_UNAVAILABLE naming the service, with the retry
   * hint a database outage gets, not an internal error. The first failure of an outage is logged, not each one.
   */
  private unavailable(reason: string): GraphQLError {
    if (!this.down) {
      this.down = true;
      this.logger?.warn(
        { subgraph: this.subgraph, reason },
        'subgraph unreachable: answering SERVICE_UNAVAILABLE until it answers again',
      );
    }
    return new GraphQLError(`The ${this.subgraph} service is briefly unavailable; retry in a few seconds.`, {
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2, serviceName: this.subgraph },
    });
  }

  private reachable(): void {
    if (!this.down) return;
    this.down = false;
    this.logger?.info({ subgraph: this.subgraph }, 'subgraph answers again');
  }

  private async post(headers: Record<string, string>, body: string): Promise<SubgraphReply> {
    const reply = await poolFor(this.target.origin).request({
      method: 'POST',
      path: `${this.target.pathname}${this.target.search}`,
      headers,
      body,
    });
    const text = await reply.body.text();
    const type = headerValue(reply.headers['content-type']) ?? '';
    const parsed: unknown =
      type.startsWith('application/json') || type.startsWith('application/graphql-response+json')
        ? JSON.parse(text)
        : text;
    const setCookie = reply.headers['set-cookie'];
    return {
      status: reply.statusCode,
      // HTTP/1.1's reason phrase is not kept by undici: the standard text of the status
      statusText: STATUS_CODES[reply.statusCode] ?? '',
      setCookies: setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie],
      cacheControl: headerValue(reply.headers['cache-control']),
      body: parsed,
    };
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
