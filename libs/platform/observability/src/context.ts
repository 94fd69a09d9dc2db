import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What travels with one unit of work (an HTTP request or a consumed event) into logs and new events. */
export interface WorkContext {
  correlationId: string;
  /** The event that caused this work, when the work is the handling of an event. */
  causationId: string | null;
  actorId: string | null;
  /** W3C trace context (validated by `traceparentFrom`), forwarded to the headers of the events this work appends. */
  traceparent?: string;
}

const storage = new AsyncLocalStorage<WorkContext>();

export function runInContext<T>(context: WorkContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): WorkContext | undefined {
  return storage.getStore();
}

/** The current context, or a fresh one for work that starts outside any request (start-up, schedulers). */
export function contextOrNew(): WorkContext {
  return storage.getStore() ?? { correlationId: randomUUID(), causationId: null, actorId: null };
}

/** Records who is acting once the request is authenticated. */
export function setActor(actorId: string | null): void {
  const store = storage.getStore();
  if (store) store.actorId = actorId;
}

export const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a caller's correlation id only when it is a sane token, so logs cannot be forged or flooded. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && CORRELATION_ID.test(value) ? value : randomUUID();
}

/** version-traceid-parentid-flags, lower-case hex (W3C Trace Context, level 1); later versions may append fields. */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-[\x21-\x7e]*)?$/;
const TRACEPARENT_MAX_LENGTH = 512;

/**
 * A caller's `traceparent` as it may travel on: with tracing off it is copied into the headers of every event the
 * request appends, so only a well-formed value is kept (the four known fields of a later version); anything else
 * is dropped, never repaired.
 */
export function traceparentFrom(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || value.length > TRACEPARENT_MAX_LENGTH) return undefined;
  const match = TRACEPARENT.exec(value);
  if (!match) return undefined;
  const [, version, traceId, parentId, flags, rest] = match;
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (/^0+$/.test(traceId) || /^0+$/.test(parentId)) return undefined;
  return `${version}-${traceId}-${parentId}-${flags}`;
}
