import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { HeaderMap, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import proxyaddr from 'proxy-addr';
import { observeRequest, type Logger, type RequestObservation } from '@praxis/platform/observability';

/**
 * `/graphql` answered on Node's own request and response, ahead of Nest and Express: the pieces the gateway's
 * handler and every subgraph's share (the path, the client address, the body, Apollo's answer, the access log and
 * the listener in front of Express's).
 */

/** `/graphql` (with or without a trailing slash or a query string), the path a lean handler answers. */
export const GRAPHQL_PATH = /^\/graphql\/?(?:\?|$)/;

/** What Express's JSON body parser accepts under Nest (its default `100kb`); larger bodies get 413. */
export const MAX_BODY_BYTES = 100 * 1024;

/** `TRUST_PROXY` as the services' config reads it: Express's `trust proxy` values. */
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

/** A request refused before Apollo sees it: the status and the JSON body of the answer. */
export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    /** The connection cannot carry another request (a body left unread). */
    readonly close = false,
  ) {
    super(`request refused with ${status}`);
  }
}

/**
 * The request's body as UTF-8 text, or null when it is over `limit` bytes (declared or sent). `drain` reads an
 * oversized body to its end so the connection can carry the next request, as Express's body parser does; without
 * it the rest is left unread.
 */
export async function readBodyText(
  req: IncomingMessage,
  limit: number,
  { drain }: { drain: boolean },
): Promise<string | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  let tooLarge = declared > limit;
  if (tooLarge && !drain) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (tooLarge) continue;
    size += chunk.length;
    if (size > limit) {
      tooLarge = true;
      chunks.length = 0;
      if (!drain) return null;
      continue;
    }
    chunks.push(chunk);
  }
  if (tooLarge) return null;
  return chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks, size).toString('utf8');
}

/** Apollo's view of the request, as its Express integration builds it. */
export function httpGraphQLRequest(req: IncomingMessage, body: unknown): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url ?? '/graphql';
  const query = url.indexOf('?');
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    headers,
    search: query < 0 ? '' : url.slice(query + 1),
    body,
  };
}

/** Writes Apollo's answer: its status, headers and body. */
export async function sendGraphQLResponse(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

export interface LeanHandlerOptions {
  observation: RequestObservation;
  logger: Logger;
  /** The JSON body of a 500 when `answer` fails unexpectedly. */
  internalError: unknown;
  answer: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

/**
 * `answer` with the access log, correlation id and server span of every other route (`observeRequest`), a
 * `RequestRefused` answered with its status and body, and anything else logged and answered 500.
 */
export function leanHandler(
  options: LeanHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) =>
    observeRequest(options.observation, req, res, () => {
      options.answer(req, res).catch((error: unknown) => {
        const refused = error instanceof RequestRefused ? error : null;
        if (!refused) options.logger.error({ err: error }, 'the GraphQL handler failed');
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.statusCode = refused?.status ?? 500;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        if (refused?.close) res.setHeader('connection', 'close');
        res.end(JSON.stringify(refused ? refused.body : options.internalError));
      });
    });
}

/**
 * Puts `handler` in front of the HTTP server's request listeners (Nest's Express application): a request `takes`
 * accepts is answered by the handler alone, every other one reaches Express as before.
 */
export function serveAheadOfExpress(
  http: Server,
  takes: (req: IncomingMessage) => boolean,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): void {
  const others = http.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  http.removeAllListeners('request');
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (takes(req)) handler(req, res);
    else for (const listener of others) listener.call(http, req, res);
  });
}
