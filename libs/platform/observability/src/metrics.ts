import { collectDefaultMetrics, Counter, Gauge, Histogram, register, type Registry } from 'prom-client';

let defaultsCollected = false;

/** Process and runtime metrics, once per process. */
export function enableDefaultMetrics(service: string): Registry {
  if (!defaultsCollected) {
    register.setDefaultLabels({ service });
    collectDefaultMetrics({ register });
    defaultsCollected = true;
  }
  return register;
}

function counter(name: string, help: string, labelNames: string[]): Counter<string> {
  return (
    (register.getSingleMetric(name) as Counter<string> | undefined) ?? new Counter({ name, help, labelNames })
  );
}
function gauge(name: string, help: string, labelNames: string[]): Gauge<string> {
  return (
    (register.getSingleMetric(name) as Gauge<string> | undefined) ?? new Gauge({ name, help, labelNames })
  );
}
function histogram(name: string, help: string, labelNames: string[]): Histogram<string> {
  return (
    (register.getSingleMetric(name) as Histogram<string> | undefined) ??
    new Histogram({ name, help, labelNames, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] })
  );
}

/** Messaging metrics shared by every service (get-or-create, so several relays in one process share them). */
export const messagingMetrics = {
  get outboxPublished(): Counter<string> {
    return counter('praxis_outbox_published_total', 'Events published from the outbox', ['topic']);
  },
  get outboxPending(): Gauge<string> {
    return gauge('praxis_outbox_pending', 'Outbox rows waiting to be published at the last relay pass', []);
  },
  get outboxFailures(): Counter<string> {
    return counter('praxis_outbox_publish_failures_total', 'Failed outbox publish attempts', []);
  },
  get consumed(): Counter<string> {
    return counter('praxis_events_consumed_total', 'Consumed events by outcome', ['topic', 'outcome']);
  },
  get handlerSeconds(): Histogram<string> {
    return histogram('praxis_event_handler_seconds', 'Time spent handling one event', ['topic']);
  },
};

/** Request-path metrics shared by every subgraph. */
export const graphqlMetrics = {
  /** Errors answered SERVICE_UNAVAILABLE because the database was away, by SQLSTATE or socket code. */
  get databaseUnavailable(): Counter<string> {
    return counter(
      'praxis_graphql_database_unavailable_total',
      'GraphQL errors answered SERVICE_UNAVAILABLE because the database was unavailable',
      ['reason'],
    );
  },
};

/** What the messaging runtime reports at each scrape: the health of the event pipeline, not of the request path. */
export interface MessagingSample {
  brokerUp: boolean;
  /** Age of the oldest outbox row still pending; 0 when none is. */
  oldestPendingSeconds: number;
  /** Outbox rows given up on (non-retriable), waiting for an operator. */
  failedRows: number;
  /** Per consumer group and partition: the partition's end offset minus the group's committed offset. */
  consumerLag: Array<{ group: string; topic: string; partition: number; lag: number }>;
}

export interface MessagingSampler {
  sample(): Promise<MessagingSample>;
}

let sampler: MessagingSampler | null = null;
let cached: { at: number; sample: Promise<MessagingSample | null> } | null = null;

/** One sample serves the four gauges of a scrape (prom-client collects each gauge separately). */
function currentSample(): Promise<MessagingSample | null> {
  const now = Date.now();
  if (!cached || now - cached.at > 500) {
    const source = sampler;
    cached = { at: now, sample: source ? source.sample().catch(() => null) : Promise.resolve(null) };
  }
  return cached.sample;
}

function sampledGauge(
  name: string,
  help: string,
  labelNames: string[],
  apply: (gauge: Gauge<string>, sample: MessagingSample) => void,
): void {
  if (register.getSingleMetric(name)) return;
  new Gauge({
    name,
    help,
    labelNames,
    async collect() {
      const sample = await currentSample();
      this.reset();
      if (sample) apply(this, sample);
    },
  });
}

/**
 * Exposes the event pipeline's state as metrics, sampled at scrape time from the running messaging runtime:
 * broker reachability, the oldest unpublished outbox row, failed rows and consumer lag. These are alerts, not
 * readiness: the outbox keeps writes safe while the broker is away. Returns the call that detaches the source.
 */
export function observeMessaging(source: MessagingSampler): () => void {
  sampler = source;
  cached = null;
  sampledGauge(
    'praxis_broker_up',
    'Whether the Kafka broker answered a metadata request (1) or not (0)',
    [],
    (g, s) => g.set(s.brokerUp ? 1 : 0),
  );
  sampledGauge(
    'praxis_outbox_oldest_pending_seconds',
    'Age of the oldest outbox row not yet published (0 when none is pending)',
    [],
    (g, s) => g.set(s.oldestPendingSeconds),
  );
  sampledGauge(
    'praxis_outbox_failed_rows',
    'Outbox rows marked failed (non-retriable) awaiting an operator',
    [],
    (g, s) => g.set(s.failedRows),
  );
  sampledGauge(
    'praxis_consumer_lag',
    'Messages not yet consumed: end offset minus the consumer group committed offset',
    ['group', 'topic', 'partition'],
    (g, s) => {
      for (const { group, topic, partition, lag } of s.consumerLag)
        g.set({ group, topic, partition: String(partition) }, lag);
    },
  );
  return () => {
    if (sampler === source) {
      sampler = null;
      cached = null;
    }
  };
}

/** What a service's cache of callers reports at each scrape (`PrincipalCache`). */
export interface PrincipalCacheSample {
  live: boolean;
  outcomes: Readonly<Record<'hit' | 'miss' | 'off', number>>;
}

let principalSample: (() => PrincipalCacheSample) | null = null;

/**
 * Exposes how the guard's reads of callers were answered (kept, read, or read with the cache off) and whether the
 * cache is on, read at scrape time so a request pays nothing for them. Returns the call that detaches the source.
 */
export function observePrincipalCache(sample: () => PrincipalCacheSample): () => void {
  principalSample = sample;
  if (!register.getSingleMetric('praxis_principal_reads_total')) {
    new Counter({
      name: 'praxis_principal_reads_total',
      help: "The guard's reads of a caller by outcome: hit (kept), miss (read and kept), off (read, cache off)",
      labelNames: ['outcome'],
      collect() {
        this.reset();
        const outcomes = principalSample?.().outcomes;
        if (outcomes) for (const [outcome, count] of Object.entries(outcomes)) this.inc({ outcome }, count);
      },
    });
    new Gauge({
      name: 'praxis_principal_cache_live',
      help: "Whether the guard's cache of callers is on (1: the database's change feed listens) or off (0)",
      collect() {
        const current = principalSample?.();
        this.set(current?.live ? 1 : 0);
      },
    });
  }
  return () => {
    if (principalSample === sample) principalSample = null;
  };
}
