import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What travels with one unit of work (an HTTP request or a consumed event) into logs and new events. */
export interface WorkContext {
  correlationId: string;
  /** The event that caused this work, when the work is the handling of an event. */
  causationId: string | null;
  actorId: string | null;
  /** W3C trace context, forwarded to Kafka headers as-is. */
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
