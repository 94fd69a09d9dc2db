import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { currentContext } from './context';

export { SpanKind } from '@opentelemetry/api';

export interface TracingOptions {
  service: string;
  /** OTLP/HTTP collector base URL (`OTEL_EXPORTER_OTLP_ENDPOINT`); spans go to `<url>/v1/traces`. */
  otlpEndpoint?: string;
  /** Tests pass an in-memory exporter; each span is exported as it ends. */
  exporter?: SpanExporter;
}

export interface Tracing {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

let running: Tracing | null = null;

/**
 * Turns tracing on for this process when an exporter is configured. Without one nothing is loaded or
 * registered: the OpenTelemetry API stays a no-op, spans are not recording and cost next to nothing, and the
 * caller's `traceparent` is still forwarded unchanged to events. The SDK is imported only here, lazily.
 */
export async function startTracing(options: TracingOptions): Promise<Tracing | null> {
  if (running) return running;
  if (!options.otlpEndpoint && !options.exporter) return null;
  const [{ NodeTracerProvider }, { BatchSpanProcessor, SimpleSpanProcessor }, { resourceFromAttributes }] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/resources'),
    ]);
  let processor;
  if (options.exporter) {
    processor = new SimpleSpanProcessor(options.exporter);
  } else {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    const url = `${(options.otlpEndpoint ?? '').replace(/\/$/, '')}/v1/traces`;
    processor = new BatchSpanProcessor(new OTLPTraceExporter({ url }));
  }
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.service }),
    spanProcessors: [processor],
  });
  // the W3C trace-context propagator and an AsyncLocalStorage context manager
  provider.register();
  running = {
    forceFlush: () => provider.forceFlush(),
    shutdown: async () => {
      running = null;
      await provider.shutdown();
    },
  };
  return running;
}

/** Flushes and stops the exporter (at application shutdown). */
export async function stopTracing(): Promise<void> {
  await running?.shutdown();
}

const tracer = () => trace.getTracer('praxis');

/** Starts a span as a child of `parent` (default: the active context); the caller ends it. */
export function startSpan(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; parent?: Context } = {},
): { span: Span; context: Context } {
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(name, { kind: options.kind, attributes: options.attributes }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/** Runs `work` with `ctx` (e.g. a started span's) as the active trace context. */
export function withTraceContext<T>(ctx: Context, work: () => T): T {
  return context.with(ctx, work);
}

/** Runs `work` in a child span of the active context, recording a thrown error on the span. */
export async function withSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; parent?: Context },
  work: () => Promise<T>,
): Promise<T> {
  const started = startSpan(name, options);
  try {
    return await context.with(started.context, work);
  } catch (error) {
    failSpan(started.span, error);
    throw error;
  } finally {
    started.span.end();
  }
}

export function failSpan(span: Span, error: unknown): void {
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
  if (error instanceof Error) span.recordException(error);
}

/** The trace context carried by W3C headers (an HTTP request's, a Kafka message's), or none. */
export function contextFromHeaders(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}

/** Writes the W3C headers (`traceparent`, `tracestate`) of `ctx` into `headers`. */
export function injectTraceHeaders(headers: Record<string, string>, ctx: Context = context.active()): void {
  propagation.inject(ctx, headers);
}

/**
 * The `traceparent` that new work (an event appended now) should carry: the active span's when tracing is on,
 * else the one the request or event arrived with, forwarded as-is.
 */
export function currentTraceparent(): string | undefined {
  if (trace.getSpanContext(context.active())) {
    const headers: Record<string, string> = {};
    injectTraceHeaders(headers);
    if (headers.traceparent) return headers.traceparent;
  }
  return currentContext()?.traceparent;
}
