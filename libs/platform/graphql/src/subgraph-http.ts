import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { ApolloFederationDriver } from '@nestjs/apollo';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from '@praxis/platform/observability';
import {
  clientAddressReader,
  GRAPHQL_PATH,
  httpGraphQLRequest,
  leanHandler,
  MAX_BODY_BYTES,
  readBodyText,
  RequestRefused,
  sendGraphQLResponse,
  serveAheadOfExpress,
  type TrustProxy,
} from './lean-http';

/** What resolvers, guards, filters and interceptors read of the HTTP request (Express's `req` has the same). */
export interface GraphqlRequest {
  readonly headers: IncomingHttpHeaders;
  /** The client's address as Express's `req.ip` reads it under `TRUST_PROXY`. */
  readonly ip?: string | undefined;
}

/** The options of `res.cookie` a subgraph uses, with Express's meaning. */
export interface CookieOptions {
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: boolean | 'strict' | 'lax' | 'none';
  path?: string;
  expires?: Date;
  /** Milliseconds, as Express takes it (written as `Max-Age` in seconds, with `Expires`). */
  maxAge?: number;
}

/** What resolvers write to the HTTP answer besides the GraphQL result (Express's `res` has the same). */
export interface GraphqlResponse {
  cookie(name: string, value: string, options?: CookieOptions): unknown;
  clearCookie(name: string, options?: CookieOptions): unknown;
}

/** A subgraph's GraphQL context: the request, and the answer for cookies (absent in in-process execution). */
export interface SubgraphContext {
  req: GraphqlRequest;
  res?: GraphqlResponse;
}

// the `cookie` package's checks (Express's serializer), RFC 6265
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const COOKIE_VALUE = /^("?)[\u0021\u0023-\u002B\u002D-\u003A\u003C-\u005B\u005D-\u007E]*\1$/;
const COOKIE_PATH = /^[\u0020-\u003A\u003D-\u007E]*$/;

/** A Set-Cookie value as Express's `res.cookie` writes it (the `cookie` package's `serialize`). */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  const opts: CookieOptions & { maxAgeSeconds?: number } = { ...options };
  if (opts.maxAge != null && !Number.isNaN(opts.maxAge - 0)) {
    opts.expires = new Date(Date.now() + opts.maxAge);
    opts.maxAgeSeconds = Math.floor(opts.maxAge / 1000);
  }
  if (opts.path == null) opts.path = '/';
  if (!COOKIE_NAME.test(name)) throw new TypeError('argument name is invalid');
  const encoded = encodeURIComponent(value);
  if (!COOKIE_VALUE.test(encoded)) throw new TypeError('argument val is invalid');
  let cookie = `${name}=${encoded}`;
  if (opts.maxAgeSeconds !== undefined) cookie += `; Max-Age=${opts.maxAgeSeconds}`;
  if (opts.path) {
    if (!COOKIE_PATH.test(opts.path)) throw new TypeError('option path is invalid');
    cookie += `; Path=${opts.path}`;
  }
  if (opts.expires) {
    if (Number.isNaN(opts.expires.valueOf())) throw new TypeError('option expires is invalid');
    cookie += `; Expires=${opts.expires.toUTCString()}`;
  }
  if (opts.httpOnly) cookie += '; HttpOnly';
  if (opts.secure) cookie += '; Secure';
  if (opts.sameSite) {
    const sameSite = typeof opts.sameSite === 'string' ? opts.sameSite.toLowerCase() : opts.sameSite;
    if (sameSite === true || sameSite === 'strict') cookie += '; SameSite=Strict';
    else if (sameSite === 'lax') cookie += '; SameSite=Lax';
    else if (sameSite === 'none') cookie += '; SameSite=None';
    else throw new TypeError('option sameSite is invalid');
  }
  return cookie;
}

/** The request as resolvers see it on the lean path: its headers, and its client address when asked for. */
class LeanRequest implements GraphqlRequest {
  readonly headers: IncomingHttpHeaders;

  constructor(
    private readonly message: IncomingMessage,
    private readonly address: (req: IncomingMessage) => string | undefined,
  ) {
    this.headers = message.headers;
  }

  get ip(): string | undefined {
    return this.address(this.message);
  }
}

/** Cookies set on the answer as Express's `res.cookie` and `res.clearCookie` set them. */
class LeanResponse implements GraphqlResponse {
  constructor(private readonly res: ServerResponse) {}

  cookie(name: string, value: string, options?: CookieOptions): this {
    this.res.appendHeader('set-cookie', serializeCookie(name, value, options));
    return this;
  }

  clearCookie(name: string, options?: CookieOptions): this {
    const { maxAge: _ignored, ...rest } = options ?? {};
    return this.cookie(name, '', { path: '/', ...rest, expires: new Date(1) });
  }
}

/** `application/json`, with no charset or UTF-8: what Express's JSON parser reads without a decoder. */
const JSON_CONTENT_TYPE = /^application\/json[\t ]*(?:;[\t ]*charset[\t ]*=[\t ]*"?utf-8"?[\t ]*)?$/i;

function hasBody(req: IncomingMessage): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined || !Number.isNaN(Number(req.headers['content-length']))
  );
}

/**
 * The requests the lean path answers: `/graphql` by a POST of uncompressed JSON, or by a GET without a body.
 * Anything else there (a form or text POST that CSRF prevention refuses, a compressed body, another charset, other
 * methods) goes to Express, where Nest's driver answers it as before.
 */
export function takesSubgraphRequest(req: IncomingMessage): boolean {
  if (!GRAPHQL_PATH.test(req.url ?? '')) return false;
  if (req.method === 'POST') {
    const encoding = req.headers['content-encoding'];
    return (
      JSON_CONTENT_TYPE.test(req.headers['content-type'] ?? '') &&
      (encoding === undefined || encoding.toLowerCase() === 'identity')
    );
  }
  return req.method === 'GET' && !hasBody(req);
}

/** How Nest answers a body Express's JSON parser refused (`BadRequestException` of its message). */
function badJson(error: unknown): RequestRefused {
  const message = error instanceof Error ? error.message : String(error);
  return new RequestRefused(400, { message, error: 'Bad Request', statusCode: 400 });
}

const FIRST_NON_WHITESPACE = /^[ \t\n\r]*([^ \t\n\r]|$)/;

/** body-parser's refusal of JSON that is not an object or array, worded as `JSON.parse` words its errors. */
function strictViolation(text: string, first: string | undefined): unknown {
  const index = first === undefined ? -1 : text.indexOf(first);
  const partial = index === -1 ? '' : text.substring(0, index) + '#'.repeat(text.length - index);
  try {
    JSON.parse(partial);
    return new SyntaxError('strict violation');
  } catch (error) {
    return new SyntaxError(
      (error as Error).message.replace(/#+/g, (placeholder) =>
        text.substring(index, index + placeholder.length),
      ),
    );
  }
}

/** The body as Express's JSON parser under Nest reads it (strict, BOM dropped, empty as `{}`), or its refusal. */
export function parseJsonBody(raw: string): unknown {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.length === 0) return {};
  if (text[0] !== '{' && text[0] !== '[') {
    const first = FIRST_NON_WHITESPACE.exec(text)?.[1] || undefined;
    if (first !== '{' && first !== '[') throw badJson(strictViolation(text, first));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badJson(error);
  }
}

export interface SubgraphHttpOptions {
  /** The service whose access lines and spans these are. */
  service: string;
  /** `TRUST_PROXY`: which proxies' X-Forwarded-For sets the client address (`req.ip`). */
  trustProxy: TrustProxy;
}

/**
 * A subgraph's `/graphql` on Node's own request: the ApolloServer Nest's driver built (schema, plugins, limits,
 * `formatError`, enhancers) asked through `executeHTTPGraphQLRequest`, with the context resolvers had from
 * Express (`req.headers`, `req.ip`, `res.cookie`), the access line, correlation id and span of every route, the
 * body limit and refusals Nest and Express answered with.
 */
export function subgraphGraphqlHandler(
  server: ApolloServer<BaseContext>,
  options: SubgraphHttpOptions & { logger: Logger },
): (req: IncomingMessage, res: ServerResponse) => void {
  const address = clientAddressReader(options.trustProxy);
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: unknown;
    if (req.method === 'POST') {
      // Express's body parser reads an oversized body to its end before Nest answers 413
      const text = await readBodyText(req, MAX_BODY_BYTES, { drain: true });
      if (text === null)
        throw new RequestRefused(413, { statusCode: 413, message: 'request entity too large' });
      body = parseJsonBody(text);
    } else {
      // what Nest's driver gives Apollo for a GET (Express's parser leaves no body)
      body = {};
    }
    const context: SubgraphContext = { req: new LeanRequest(req, address), res: new LeanResponse(res) };
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: httpGraphQLRequest(req, body),
      context: () => Promise.resolve(context),
    });
    await sendGraphQLResponse(res, response);
  };
  return leanHandler({
    observation: { service: options.service, logger: options.logger },
    logger: options.logger,
    internalError: { statusCode: 500, message: 'Internal server error' },
    answer,
  });
}

export const SUBGRAPH_HTTP_OPTIONS = Symbol('SUBGRAPH_HTTP_OPTIONS');

/**
 * Puts the lean `/graphql` in front of Express once Nest's driver has started its ApolloServer; Express keeps
 * every other route (health, metrics, test clocks, exports) and the `/graphql` requests the lean path leaves.
 */
@Injectable()
export class SubgraphHttpEndpoint implements OnApplicationBootstrap {
  constructor(
    @Inject(SUBGRAPH_HTTP_OPTIONS) private readonly options: SubgraphHttpOptions & { logger: Logger },
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    const graphql = this.moduleRef.get<GraphQLModule<ApolloFederationDriver>>(GraphQLModule, {
      strict: false,
    });
    serveAheadOfExpress(
      this.adapterHost.httpAdapter.getHttpServer() as Server,
      takesSubgraphRequest,
      subgraphGraphqlHandler(graphql.graphQlAdapter.instance, this.options),
    );
  }
}
