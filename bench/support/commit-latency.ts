/**
 * Commit -> applied on the local broker, for bench/event-latency.bench.ts (mentorship's member replica) and
 * bench/engagement-dashboard.bench.ts (engagement's projections): the same writer, poller and split.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { MemberRegisteredV1 } from '@praxis/contracts';
import { createServiceDataSource, openServiceDatabase } from '@praxis/platform/database';
import { dropDatabase, MOCK_KAFKA_ENV } from '@praxis/platform/local-infra';
import {
  appendToOutbox,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  MessagingRuntime,
} from '@praxis/platform/messaging';
import { createLogger } from '@praxis/platform/observability';
import { progress, progressDone } from './load';
import { percentile } from './stats';
import { startBenchPlatform, type BenchPlatform, type SubgraphName } from './bench-platform';

/**
 * Who writes the events, and so how the publishing relay learns of a commit:
 * - `service`: a process that hosts the relay, as a service's own GraphQL writes do (the commit wakes the relay
 *   in-process, no NOTIFY). The benchmark's own process plays the service: its outbox is a database of its own,
 *   published by a relay it runs with the services' settings (`MessagingRuntime`, the launcher's linger and poll).
 * - `replica`: another process than the relay's, as a second replica's writes are (membership's relay publishes
 *   them, woken by the NOTIFY the writer sends after its commit).
 */
export type WriterPath = 'service' | 'replica';

/** BENCH_WRITER_PATHS (default `service,replica`): the service's own path first, the target's. */
export function writerPaths(): WriterPath[] {
  const paths = (process.env.BENCH_WRITER_PATHS ?? 'service,replica').split(',').map((path) => path.trim());
  for (const path of paths) {
    if (path !== 'service' && path !== 'replica')
      throw new Error(`BENCH_WRITER_PATHS: 'service' and/or 'replica', not '${path}'`);
  }
  return paths as WriterPath[];
}

export interface LatencyOptions {
  /** The subgraphs to start beside membership (membership writes the events). */
  subgraphs: readonly SubgraphName[];
  /** Whose inbox shows an event applied: the consumer's service and its group. */
  consumer: { subgraph: SubgraphName; group: string };
  maxWaitMs: number;
  seconds: number;
  /** Events committed per second (200). */
  rate?: number;
  /** Measured one after the other on the same platform (default `writerPaths()`). */
  paths?: WriterPath[];
}

export interface LatencyStats {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LatencyResult {
  path: WriterPath;
  maxWaitMs: number;
  /** Events a second the writer was asked for (`rate` is what it reached). */
  targetRate: number;
  events: number;
  rate: number;
  /** From the writer's COMMIT returning to the effect seen by another session: the targets' figure. */
  total: LatencyStats;
  /** From the outbox row's stamp (the writer's transaction start): `total` plus the writer's own transaction. */
  fromStart: LatencyStats;
  /** The writer's transaction, from its start (the outbox row's stamp) to its COMMIT returning. */
  writer: LatencyStats;
  relay: LatencyStats;
  consumer: LatencyStats;
}

/**
 * Member-registered events committed to an outbox (appendToOutbox, as the service does) at `rate` a second, by
 * each of `paths` in turn on one platform; latency = when another session sees the consumer's inbox row (same
 * transaction as its effect) minus when the writer's COMMIT returned, split into the relay's part (-> marked sent
 * after the broker's ack) and the consumer's part (sent -> applied: fetch wait, delivery, apply). The outbox
 * row's own stamp is its transaction's start, so latency from it (`fromStart`) also counts the writer's
 * transaction (`writer`). All stamps are the one machine's clock: PostgreSQL's and this process's.
 */
export async function measureCommitToApplied(options: LatencyOptions): Promise<LatencyResult[]> {
  const { maxWaitMs } = options;
  const platform = await startBenchPlatform({
    gateways: [],
    subgraphs: options.subgraphs,
    env: {
      KAFKA_MAX_WAIT_MS: String(maxWaitMs),
      ...(process.env.OUTBOX_LINGER_MS ? { OUTBOX_LINGER_MS: process.env.OUTBOX_LINGER_MS } : {}),
    },
  });
  const reader = new Client({ connectionString: platform.database(options.consumer.subgraph) });
  try {
    await reader.connect();
    const results: LatencyResult[] = [];
    for (const path of options.paths ?? writerPaths()) {
      const writer = path === 'service' ? await serviceWriter(platform, maxWaitMs) : replicaWriter(platform);
      try {
        await writer.start();
        results.push(await measurePath(options, path, writer.dataSource, reader));
      } finally {
        await writer.stop();
      }
    }
    return results;
  } finally {
    await reader.end().catch(() => undefined);
    await platform.stop();
  }
}

interface Writer {
  dataSource: DataSource;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Writes to membership's outbox from this process: membership's relay publishes them (woken by NOTIFY). */
function replicaWriter(platform: BenchPlatform): Writer {
  const dataSource = createServiceDataSource({
    url: platform.database('membership'),
    entities: MESSAGING_ENTITIES,
    migrations: [],
    poolSize: 20,
  });
  return {
    dataSource,
    start: async () => {
      await dataSource.initialize();
    },
    stop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

/**
 * Writes to an outbox of this process's own, published by a relay this process runs (woken in-process by the
 * commit): a service's own path, with the services' relay settings.
 */
async function serviceWriter(platform: BenchPlatform, maxWaitMs: number): Promise<Writer> {
  const database = `bench_relay_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(platform.database('membership'));
  url.pathname = `/${database}`;
  const dataSource = await openServiceDatabase({
    url: url.toString(),
    entities: MESSAGING_ENTITIES,
    migrations: MESSAGING_MIGRATIONS,
    poolSize: 20,
  });
  const runtime = new MessagingRuntime({
    service: 'bench-writer',
    settings: {
      brokers: platform.brokers.split(','),
      clientId: 'praxis-bench-writer',
      sessionTimeoutMs: Number(MOCK_KAFKA_ENV.KAFKA_SESSION_TIMEOUT_MS),
      heartbeatIntervalMs: Number(MOCK_KAFKA_ENV.KAFKA_HEARTBEAT_INTERVAL_MS),
      maxWaitMs,
      replicationFactor: 1,
      consumerMaxAttempts: 5,
    },
    dataSource,
    databaseUrl: url.toString(),
    // the runtime warns that the mock cannot authenticate: the bench's output is its table
    logger: createLogger('bench-writer', 'error'),
    produces: [MemberRegisteredV1],
    // as startBenchPlatform gives the services
    relay: {
      pollIntervalMs: 1000,
      lingerMs: Number(process.env.OUTBOX_LINGER_MS ?? MOCK_KAFKA_ENV.OUTBOX_LINGER_MS),
    },
  });
  return {
    dataSource,
    start: async () => runtime.start(),
    stop: async () => {
      await runtime.stop();
      await dataSource.destroy();
      const server = new URL(url);
      server.pathname = '/postgres';
      await dropDatabase(server.toString(), database);
    },
  };
}

async function measurePath(
  options: LatencyOptions,
  path: WriterPath,
  writer: DataSource,
  reader: Client,
): Promise<LatencyResult> {
  const { maxWaitMs, seconds } = options;
  const eventsPerSecond = options.rate ?? 200;
  const group = options.consumer.group;
  const label = `${path}, max wait ${maxWaitMs} ms`;
  // the poller below stops when writing is over and nothing is pending; a failed run stops it before the
  // reader closes (it went on querying a closed client, and that crash hid the run's own error)
  let writing = true;
  const pending = new Set<string>();
  let poller: Promise<void> | undefined;
  try {
    // when each event's COMMIT returned to the writer (epoch ms; the same clock as PostgreSQL's stamps)
    const committedAt = new Map<string, number>();
    const now = () => performance.timeOrigin + performance.now();
    const commit = () =>
      writer.transaction((manager) => {
        const memberId = randomUUID();
        return appendToOutbox(manager, MemberRegisteredV1, memberId, {
          memberId,
          displayName: 'Bench Member',
          careerStage: 'RESIDENT',
          institutionId: randomUUID(),
          specialty: null,
          interests: [],
          registeredAt: new Date().toISOString(),
        });
      });
    const applied = async (ids: string[]) =>
      (
        await reader.query<{ count: number }>(
          'SELECT count(*)::int AS count FROM inbox WHERE consumer_group = $1 AND event_id = ANY($2::uuid[])',
          [group, ids],
        )
      ).rows[0].count;
    // the replica consumer joins its group a few seconds after start: wait for a first event to get through
    const first = await commit();
    for (let tries = 0; (await applied([first.eventId])) === 0; tries += 1) {
      if (tries > 600) throw new Error(`${options.consumer.group} never applied the first event`);
      progress(`${label}: waiting for ${options.consumer.group} to join`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const total = eventsPerSecond * seconds;
    // "applied" is when another session sees the inbox row (the effect committed with it): a poller asks every
    // 10 ms for (the oldest 500 of) the events not seen yet, stamped by PostgreSQL's clock (the inbox's own time
    // is its transaction's start, which for a run of events applied together is earlier than their commit)
    const seenAt = new Map<string, number>();
    poller = (async () => {
      while (writing || pending.size > 0) {
        if (pending.size > 0) {
          const seen = await reader.query<{ event_id: string; now: number }>(
            `SELECT event_id, extract(epoch FROM clock_timestamp()) * 1000 AS now FROM inbox
              WHERE consumer_group = $1 AND event_id = ANY($2::uuid[])`,
            // the oldest pending first, and not too many: under a backlog the poller must not become the load
            [group, [...pending].slice(0, 500)],
          );
          for (const row of seen.rows) {
            seenAt.set(row.event_id, Number(row.now));
            pending.delete(row.event_id);
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const started = Date.now();
    const ids: string[] = [];
    const writes: Array<Promise<unknown>> = [];
    for (let index = 0; index < total; index += 1) {
      writes.push(
        commit().then((event) => {
          committedAt.set(event.eventId, now());
          ids.push(event.eventId);
          pending.add(event.eventId);
        }),
      );
      if (index % eventsPerSecond === 0) progress(`${label}: ${index}/${total} events committed`);
      const wait = started + ((index + 1) * 1000) / eventsPerSecond - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    await Promise.all(writes);
    const rate = total / ((Date.now() - started) / 1000);
    writing = false;
    const deadline = Date.now() + 60000;
    while (pending.size > 0) {
      if (Date.now() > deadline) throw new Error(`${pending.size} events not applied within 60 s`);
      progress(`${label}: ${pending.size} events still to apply`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await poller;
    progressDone();
    const outbox = await writer.query<Array<{ event_id: string; created: number; sent: number }>>(
      `SELECT event_id, extract(epoch FROM created_at) * 1000 AS created, extract(epoch FROM sent_at) * 1000 AS sent
         FROM outbox WHERE event_id = ANY($1::uuid[])`,
      [ids],
    );
    const appliedAt = seenAt;
    const total_: number[] = [];
    const fromStart: number[] = [];
    const writerPart: number[] = [];
    const relay: number[] = [];
    const consumer: number[] = [];
    for (const row of outbox) {
      const done = appliedAt.get(row.event_id);
      const committed = committedAt.get(row.event_id);
      if (done === undefined || committed === undefined) continue;
      total_.push(done - committed);
      fromStart.push(done - Number(row.created));
      writerPart.push(committed - Number(row.created));
      relay.push(Number(row.sent) - committed);
      consumer.push(done - Number(row.sent));
    }
    const stats = (values: number[]): LatencyStats => {
      const sorted = values.sort((a, b) => a - b);
      return {
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        max: sorted[sorted.length - 1],
      };
    };
    return {
      path,
      maxWaitMs,
      targetRate: eventsPerSecond,
      events: total_.length,
      rate,
      total: stats(total_),
      fromStart: stats(fromStart),
      writer: stats(writerPart),
      relay: stats(relay),
      consumer: stats(consumer),
    };
  } finally {
    writing = false;
    pending.clear();
    await poller?.catch(() => undefined);
  }
}

/** The configurations side by side, one line each. */
export function latencyTable(results: LatencyResult[]): string {
  const ms = (value: number) => value.toFixed(0).padStart(6);
  return [
    "from the COMMIT returning; the writer's transaction before it, and the latency counted from its start",
    'writer   KAFKA_MAX_WAIT_MS  events  rate/s   p50 ms  p95 ms  p99 ms  max ms | relay p50/p99 | consumer p50/p99 | writer tx p50/p99 | from tx start p50/p99',
    ...results.map(
      (r) =>
        `${r.path.padEnd(8)} ${String(r.maxWaitMs).padStart(17)} ${String(r.events).padStart(7)} ${r.rate.toFixed(0).padStart(7)} ${ms(r.total.p50)}  ${ms(r.total.p95)}  ${ms(r.total.p99)}  ${ms(r.total.max)} | ${ms(r.relay.p50)}/${ms(r.relay.p99)} | ${ms(r.consumer.p50)}/${ms(r.consumer.p99)} | ${ms(r.writer.p50)}/${ms(r.writer.p99)} | ${ms(r.fromStart.p50)}/${ms(r.fromStart.p99)}`,
    ),
  ].join('\n');
}

/**
 * The mock holds an empty fetch for the whole max wait: what the shortest wait saves on the consumer's part, by
 * the same writer at the same rate, is the share of the latency spent waiting on the broker's fetch (null with
 * one configuration).
 */
export function fetchWaitOf(results: LatencyResult[]): { p50Ms: number; p99Ms: number } | null {
  const [launcher] = results;
  if (!launcher) return null;
  const short = results
    .filter(
      (r) =>
        r.path === launcher.path && r.targetRate === launcher.targetRate && r.maxWaitMs < launcher.maxWaitMs,
    )
    .reduce<LatencyResult | undefined>(
      (min, r) => (min && min.maxWaitMs <= r.maxWaitMs ? min : r),
      undefined,
    );
  return short
    ? {
        p50Ms: Math.round(launcher.consumer.p50 - short.consumer.p50),
        p99Ms: Math.round(launcher.consumer.p99 - short.consumer.p99),
      }
    : null;
}

/**
 * BENCH_MAX_WAITS (default: the launcher's fetch wait for the mock, then 10, the smallest the services accept):
 * the launcher's first, then others.
 */
export function maxWaits(): number[] {
  return (process.env.BENCH_MAX_WAITS ?? `${MOCK_KAFKA_ENV.KAFKA_MAX_WAIT_MS},10`).split(',').map(Number);
}

/** One configuration's figures for a BENCH line. */
export function latencyFigures(r: LatencyResult) {
  return {
    path: r.path,
    maxWaitMs: r.maxWaitMs,
    writeRate: Math.round(r.rate),
    p50Ms: Math.round(r.total.p50),
    p95Ms: Math.round(r.total.p95),
    p99Ms: Math.round(r.total.p99),
    relayP50Ms: Math.round(r.relay.p50),
    relayP99Ms: Math.round(r.relay.p99),
    consumerP50Ms: Math.round(r.consumer.p50),
    consumerP99Ms: Math.round(r.consumer.p99),
    writerTxP50Ms: Math.round(r.writer.p50),
    writerTxP99Ms: Math.round(r.writer.p99),
    fromTxStartP50Ms: Math.round(r.fromStart.p50),
    fromTxStartP99Ms: Math.round(r.fromStart.p99),
  };
}
