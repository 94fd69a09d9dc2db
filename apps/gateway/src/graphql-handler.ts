import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import {
  clientAddressReader,
  httpGraphQLRequest,
  leanHandler,
  MAX_BODY_BYTES,
  readBodyText,
  RequestRefused,
  sendGraphQLResponse,
  type TrustProxy,
} from '@praxis/platform/graphql';
import type { Logger, RequestObservation } from '@praxis/platform/observability';
import type { SingleFetchRoutes } from './single-fetch';
import type { GatewayContext } from './subgraph-data-source';

/** A request refused before Apollo sees it, answered as a GraphQL error with its HTTP status. */
function refused(status: number, message: string, extensions: Record<string, unknown> = {}): RequestRefused {
  const body = { errors: [{ message, extensions: { code: 'BAD_REQUEST', ...extensions } }] };
  // an oversized body is not read to its end: the connection cannot carry another request
  return new RequestRefused(status, body, status === 413);
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
  const text = await readBodyText(req, MAX_BODY_BYTES, { drain: false });
  if (text === null) throw refused(413, `the body is over ${MAX_BODY_BYTES} bytes`);
  // Apollo answers a body it cannot use (none, or not JSON) itself, after its CSRF check
  if (type !== 'application/json' || text.length === 0) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw refused(400, 'the body is not valid JSON');
  }
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
 * `/graphql` on Node's own request and response (`leanHandler` of platform graphql): Apollo Server's
 * `executeHTTPGraphQLRequest` (its CSRF prevention, landing page, limits and error formatting included) with the
 * access log, correlation id and server span of every other route, without Nest's and Express's per-request layers.
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
    const request = httpGraphQLRequest(req, req.method === 'POST' ? await readBody(req) : undefined);
    const size = Buffer.byteLength(queryText(request.body, request.search) ?? '', 'utf8');
    if (size > options.maxQueryBytes)
      throw refused(413, `query is ${size} bytes; the limit is ${options.maxQueryBytes}`, {
        limit: 'maxBytes',
      });
    const response = await (options.singleFetch?.answer(request, context) ??
      options.server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: request,
        context: () => Promise.resolve(context),
      }));
    if (setCookies.length > 0) res.setHeader('set-cookie', setCookies);
    await sendGraphQLResponse(res, response);
  };
  return leanHandler({
    observation: options.observation,
    logger: options.logger,
    internalError: {
      errors: [{ message: 'internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    },
    answer,
  });
}
