import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import proxyaddr from 'proxy-addr';
import { observeRequest, type Logger, type RequestObservation } from '@praxis/platform/observability';
import type { SingleFetchRoutes } from './single-fetch';
import type { GatewayContext } from './subgraph-data-source';

/** `/graphql` (with or without a trailing slash or a query string), the path the lean handler answers. */
export const GRAPHQL_PATH = /^\/graphql\/?(?:\?|$)/;

/** What Express's JSON body parser accepted under Nest (its default); larger bodies get 413. */
export const MAX_BODY_BYTES = 100 * 1024;

/** `TRUST_PROXY` as the gateway's config reads it: Express's `trust proxy` values. */
export type TrustProxy = boolean | number | string;

/**
 * The caller's address as Express's `req.ip` reads it for the same `trust proxy` setting: the socket's, or the
 * nearest untrusted hop of X-Forwarded-For when the proxies in front are trusted (proxy-addr, Express's own).
 */
export function clientAddressReader(trust: TrustProxy): (req: IncomingMessage) => string | undefined {
  if (trust === false) return (req) => req.socket.remoteAddress;
  const trusted =
    trust === true
      ? () => true
      : typeof trust === 'number'
        ? (_address: string, hop: number) => hop < trust
        : proxyaddr.compile(trust.split(',').map((part) => part.trim()));
  return (req) => proxyaddr(req, trusted);
}

/** A request refused before Apollo sees it, answered as a GraphQL error with its HTTP status. */
class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The query text of a POST body or a GET's query string, when there is one. */
function queryText(body: unknown, search: string): string | undefined {
  if (typeof body === 'object' && body !== null && 'query' in body)
    return typeof body.query === 'string' ? body.query : undefined;
  return new URLSearchParams(search).get('query') ?? undefined;
}

/** The request body, at most `MAX_BODY_BYTES`, parsed when it is JSON (as Express's body parser did). */
async function readBody(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new RequestError(413, `the body is over ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RequestError(413, `the body is over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  // Apollo answers a body it cannot use (none, or not JSON) itself, after its CSRF check
  if (type !== 'application/json' || size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks, size).toString('utf8')) as unknown;
  } catch {
    throw new RequestError(400, 'the body is not valid JSON');
  }
}

function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

export interface GraphqlHandlerOptions {
  server: ApolloServer<GatewayContext>;
  /** The single-fetch path (single-fetch.ts), tried first; undefined when `GATEWAY_SINGLE_FETCH` is off. */
  singleFetch?: SingleFetchRoutes;
  observation: RequestObservation;
  trustProxy: TrustProxy;
  /** The longest query text accepted (`MAX_QUERY_BYTES`); longer ones get 413 before they are parsed. */
  maxQueryBytes: number;
  logger: Logger;
}

/**
 * `/graphql` on Node's own request and response: Apollo Server's `executeHTTPGraphQLRequest` (its CSRF
 * prevention, landing page, limits and error formatting included) with the access log, correlation id and server
 * span of every other route (`observeRequest`), without Nest's and Express's per-request layers.
 */
export function graphqlHandler(
  options: GraphqlHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const clientAddress = clientAddressReader(options.trustProxy);
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const setCookies: string[] = [];
    const context: GatewayContext = {
      authorization: single(req.headers.authorization),
      cookie: single(req.headers.cookie),
      clientAddress: clientAddress(req),
      setCookie: (value) => void setCookies.push(value),
    };
    const url = req.url ?? '/graphql';
    const query = url.indexOf('?');
    const request: HTTPGraphQLRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      headers: headerMap(req),
      search: query < 0 ? '' : url.slice(query + 1),
      body: req.method === 'POST' ? await readBody(req) : undefined,
    };
    const size = Buffer.byteLength(queryText(request.body, request.search) ?? '', 'utf8');
    if (size > options.maxQueryBytes)
      throw new RequestError(413, `query is ${size} bytes; the limit is ${options.maxQueryBytes}`, {
        limit: 'maxBytes',
      });
    const response = await (options.singleFetch?.answer(request, context) ??
      options.server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: request,
        context: () => Promise.resolve(context),
      }));
    for (const [name, value] of response.headers) res.setHeader(name, value);
    if (setCookies.length > 0) res.setHeader('set-cookie', setCookies);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
  return (req, res) =>
    observeRequest(options.observation, req, res, () => {
      answer(req, res).catch((error: unknown) => {
        const status = error instanceof RequestError ? error.status : 500;
        if (status === 500) options.logger.error({ err: error }, 'the GraphQL handler failed');
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.statusCode = status;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        // an oversized body is not read to its end: the connection cannot carry another request
        if (status === 413) res.setHeader('connection', 'close');
        const message = error instanceof RequestError ? error.message : 'internal server error';
        const code = status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
        const extensions = { code, ...(error instanceof RequestError ? error.extensions : {}) };
        res.end(JSON.stringify({ errors: [{ message, extensions }] }));
      });
    });
}
