import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { checkedPartitions, EVENT_TOPIC_PARTITIONS, eventTopicConfig } from './topic-config';

/** Fields every event carries, whatever its payload. `aggregateId` is also the Kafka message key. */
export const envelopeSchema = z.object({
  eventId: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  aggregateId: z.string().min(1),
  actorId: z.string().min(1).nullable(),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  /**
   * Position of this event among its aggregate's events, assigned by the producer's outbox in the transaction of
   * the state change (1, 2, 3...). Kafka orders only within one partition of one topic, so a consumer keeping
   * state about an aggregate compares this, not arrival order. Absent on events produced before it existed.
   */
  sequence: z.number().int().positive().optional(),
  /**
   * Detached JWS (ES256) by the producer over the event's identity and payload; required on events whose
   * contract `confersRights`, which consumers verify before acting.
   */
  signature: z.string().min(1).optional(),
  payload: z.unknown(),
});

export type EventEnvelope<TPayload = unknown> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & {
  payload: TPayload;
};

export interface EventContract<TSchema extends z.ZodType = z.ZodType> {
  /** `<service>.<entity>.<happened>` */
  readonly type: string;
  readonly version: number;
  /** `<service>.<entity>.<happened>.v<N>` */
  readonly topic: string;
  readonly payload: TSchema;
  /** Whether the payload holds personal or demographic data that must stay on restricted topics. */
  readonly sensitive: boolean;
  /**
   * Whether acting on the event gives someone rights (a role grant): such events are signed by their producer
   * and every consumer verifies the signature before applying them.
   */
  readonly confersRights: boolean;
  /** Partitions of the topic (default EVENT_TOPIC_PARTITIONS). */
  readonly partitions: number;
  /**
   * Kafka topic configs: EVENT_TOPIC_CONFIG (kept forever, delete policy) with the contract's own on top (e.g.
   * `cleanup.policy: compact`), applied by runtime provisioning and by the compose topic-init step alike.
   */
  readonly topicConfig: Readonly<Record<string, string>>;
  /** The service that publishes the event (its topic's only writer). */
  readonly producer: string;
  /**
   * The services allowed to read the topic: the broker's ACLs are generated from this, and a service consuming
   * a topic that does not name it cannot read it in production.
   */
  readonly consumers: readonly string[];
  /** Compacted topics take tombstones (a null value for the key) to erase an aggregate's last event. */
  readonly compacted: boolean;
}

export type PayloadOf<C extends EventContract> = z.infer<C['payload']>;
export type EventOf<C extends EventContract> = EventEnvelope<PayloadOf<C>>;

const SEGMENT = /^[a-z][a-z0-9-]*$/;

export function defineEvent<TSchema extends z.ZodType>(spec: {
  service: string;
  entity: string;
  happened: string;
  version: number;
  payload: TSchema;
  sensitive?: boolean;
  confersRights?: boolean;
  partitions?: number;
  topicConfig?: Record<string, string>;
  consumers?: readonly string[];
}): EventContract<TSchema> {
  for (const [name, value] of [
    ['service', spec.service],
    ['entity', spec.entity],
    ['happened', spec.happened],
  ] as const) {
    if (!SEGMENT.test(value)) {
      throw new Error(`event ${name} "${value}" must be lower-case kebab-case`);
    }
  }
  if (!Number.isInteger(spec.version) || spec.version < 1) {
    throw new Error(`event version must be a positive integer, got ${spec.version}`);
  }
  const type = `${spec.service}.${spec.entity}.${spec.happened}`;
  return {
    type,
    version: spec.version,
    topic: `${type}.v${spec.version}`,
    payload: spec.payload,
    sensitive: spec.sensitive ?? false,
    confersRights: spec.confersRights ?? false,
    partitions: checkedPartitions(spec.partitions ?? EVENT_TOPIC_PARTITIONS),
    topicConfig: eventTopicConfig(spec.topicConfig),
    compacted: (spec.topicConfig?.['cleanup.policy'] ?? '').split(',').includes('compact'),
    producer: spec.service,
    consumers: Object.freeze([...(spec.consumers ?? [])]),
  };
}

export interface EventMetadata {
  aggregateId: string;
  actorId: string | null;
  correlationId: string;
  causationId?: string | null;
  occurredAt?: Date;
  eventId?: string;
  sequence?: number;
}

/** Builds a validated envelope; throws `ContractViolation` when the payload breaks the contract. */
export function createEvent<C extends EventContract>(
  contract: C,
  meta: EventMetadata,
  payload: PayloadOf<C>,
): EventOf<C> {
  const parsed = contract.payload.safeParse(payload);
  if (!parsed.success) {
    throw new ContractViolation(contract.topic, describeIssues(parsed.error));
  }
  return {
    eventId: meta.eventId ?? randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    aggregateId: meta.aggregateId,
    actorId: meta.actorId,
    correlationId: meta.correlationId,
    causationId: meta.causationId ?? null,
    ...(meta.sequence !== undefined ? { sequence: meta.sequence } : {}),
    payload: parsed.data as PayloadOf<C>,
  };
}

export type ParseResult<T> = { ok: true; event: T } | { ok: false; reason: string };

/** Validates an untrusted message (already JSON-decoded) against the envelope and the contract. */
export function parseEvent<C extends EventContract>(contract: C, raw: unknown): ParseResult<EventOf<C>> {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return { ok: false, reason: `envelope: ${describeIssues(envelope.error)}` };
  }
  if (envelope.data.type !== contract.type || envelope.data.version !== contract.version) {
    return {
      ok: false,
      reason: `envelope: expected ${contract.type} v${contract.version}, got ${envelope.data.type} v${envelope.data.version}`,
    };
  }
  const payload = contract.payload.safeParse(envelope.data.payload);
  if (!payload.success) {
    return { ok: false, reason: `payload: ${describeIssues(payload.error)}` };
  }
  return { ok: true, event: { ...envelope.data, payload: payload.data as PayloadOf<C> } };
}

export class ContractViolation extends Error {
  constructor(
    readonly topic: string,
    readonly issues: string,
  ) {
    super(`event for ${topic} breaks its contract: ${issues}`);
    this.name = 'ContractViolation';
  }
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
