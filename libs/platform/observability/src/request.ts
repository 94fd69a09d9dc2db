import type { IncomingMessage, ServerResponse } from 'node:http';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { CORRELATION_HEADER, correlationIdFrom, runInContext, traceparentFrom } from './context';
import type { Logger } from './logger';
import { contextFromHeaders, startSpan, withTraceContext } from './tracing';

/** Whose requests are observed, and where their access log lines go. */
export interface RequestObservation {
  service: string;
  logger: Logger;
}

/** Probes and scrapes arrive every few seconds; their access lines are debug so they do not drown the rest. */
const QUIET_PATHS = /^\/(health(\/live)?|metrics)$/;

/**
 * Gives a request a correlation id (the caller's if sane), runs `next` inside that work context and a server span
 * continuing the caller's trace, and writes one access log line when the response is sent: method, path without
 * the query string, status, duration. Never bodies, query strings or headers, so no token or personal data reaches
 * the logs. Works on Node's own request and response, so a handler outside Nest and Express gets the same.
 */
export function observeRequest(
  observation: RequestObservation,
  req: IncomingMessage & { originalUrl?: string },
  res: ServerResponse,
  next: () => void,
): void {
  const started = process.hrtime.bigint();
  const correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
  const traceparent = traceparentFrom(req.headers.traceparent);
  // behind Express's mounted middleware `url` is relative to the mount point; the original URL is the request's
  const path = (req.originalUrl ?? req.url ?? '/').split('?')[0];
  const method = req.method ?? 'GET';
  const quiet = QUIET_PATHS.test(path);
  // a server span continuing the caller's trace (a no-op unless tracing is on); probes are not traced
  const server = quiet
    ? null
    : startSpan(`${method} ${path}`, {
        kind: SpanKind.SERVER,
        parent: contextFromHeaders(req.headers),
        attributes: {
          'http.request.method': method,
          'url.path': path,
          'praxis.service': observation.service,
        },
      });
  res.setHeader(CORRELATION_HEADER, correlationId);
  res.once('finish', () => {
    const line = {
      correlationId,
      method,
      path,
      status: res.statusCode,
      durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
    };
    if (quiet) observation.logger.debug(line, 'request');
    else if (res.statusCode >= 500) observation.logger.error(line, 'request');
    else observation.logger.info(line, 'request');
    if (server) {
      server.span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) server.span.setStatus({ code: SpanStatusCode.ERROR });
      server.span.end();
    }
  });
  const work = { correlationId, causationId: null, actorId: null, traceparent };
  if (server) withTraceContext(server.context, () => runInContext(work, next));
  else runInContext(work, next);
}
