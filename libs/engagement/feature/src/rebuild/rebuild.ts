import type { Batch, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  buildFunnelRollup,
  ENGAGEMENT_ENTITIES,
  engagementDatabase,
  funnelTriggers,
} from '@praxis/engagement/data-access';
import { serviceDataSourceOptions } from '@praxis/platform/database';
import { EventConsumer, type EventHandler } from '@praxis/platform/messaging';
import type { Logger } from '@praxis/platform/observability';
import { PROJECTIONS_GROUP } from '../projections';
import type { RebuildProgress } from './progress';

/** Where the fresh tables are built, and where the replaced ones go at the swap (both dropped at the end). */
export const REBUILD_SCHEMA = 'engagement_rebuild';
export const PREVIOUS_SCHEMA = 'engagement_previous';
const LOCK_NAME = 'engagement.rebuild';
/**
 * Events per replayed run: a partition's fetched batches gathered into one transaction. Larger runs mean fewer
 * statements per event (measured in-process on 20,000 events: 917 statements and 66 µs of CPU per event in
 * runs of 125, 78 and 41 µs in runs of 2,000).
 */
export const DEFAULT_EVENTS_PER_RUN = 2000;

export interface RebuildOptions {
  /** The live engagement database (its tables are replaced at the swap). */
  databaseUrl: string;
  kafka: Kafka;
  /** The projections' handlers, as the live consumer runs them: the catch-up after the swap applies these. */
  handlers: EventHandler[];
  /**
   * The handlers the replay into the fresh tables applies (`replayHandlers`: the same effects without the funnel
   * roll-up step, which the replay builds once at its end, and without the freshness histogram). The same
   * topics as `handlers`; `handlers` when not given.
   */
  replayHandlers?: EventHandler[];
  logger: Logger;
  /** The live projections' consumer group: the inbox rows the rebuilt tables come with. */
  inboxGroup?: string;
  /** The replay's own Kafka consumer group (a new one each rebuild by default). */
  replayGroup?: string;
  consumer?: { sessionTimeoutMs: number; heartbeatIntervalMs: number; maxWaitMs: number };
  eventsPerTransaction?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /**
   * Replay even when a topic's history no longer starts at offset 0 (retention or the local broker's size cap
   * deleted its oldest events): the rebuilt figures then leave those events out. Off by default, so a rebuild never
   * swaps in tables that quietly count less than the live ones.
   */
  allowTruncatedHistory?: boolean;
}

export interface RebuildSummary {
  /** Messages read into the fresh tables before the swap, and after it (what arrived meanwhile). */
  replayed: number;
  caughtUp: number;
  /** Messages that could not be applied (the live consumer dead-lettered them already; not sent again). */
  notApplied: number;
  seconds: number;
  /**
   * Replayed messages per second, from the first batch fetched until the fresh tables are ready to swap in (the
   * last run applied and the funnel roll-up built).
   */
  replayRate: number;
  /** Of the replay's span, the seconds after the last run: the funnel roll-up built and the tables analysed. */
  finishSeconds: number;
  /**
   * This process's CPU time (user + system) over the same span, per replayed message, in microseconds: what the
   * neighbours' load stretches far less than the rate (PostgreSQL's and the broker's share is not in it).
   */
  replayCpuMicrosPerEvent: number;
}

interface PartitionRange {
  topic: string;
  partition: number;
  from: number;
  to: number;
}

/** A partition whose first offset is past 0 while the replay group has read none of it: its oldest events are gone. */
export interface HistoryGap {
  topic: string;
  partition: number;
  firstOffset: number;
}

/**
 * The partitions a replay from the beginning cannot read in full: the group has no committed offset there (the
 * replay starts from the first offset the broker still has) and that offset is past 0.
 */
export function historyGaps(
  topic: string,
  offsets: ReadonlyArray<{ partition: number; low: string | number }>,
  committed: ReadonlyArray<{ partition: number; offset: string | number }>,
): HistoryGap[] {
  return offsets.flatMap(({ partition, low }) => {
    const position = Number(committed.find((entry) => entry.partition === partition)?.offset ?? -1);
    const firstOffset = Number(low);
    return position < 0 && firstOffset > 0 ? [{ topic, partition, firstOffset }] : [];
  });
}

/** The error a rebuild stops with when history is missing, naming every partition and where it now starts. */
export function truncatedHistoryError(gaps: readonly HistoryGap[]): Error {
  const where = gaps
    .map((gap) => `${gap.topic}[${gap.partition}] starts at offset ${gap.firstOffset}`)
    .join(', ');
  return new Error(
    `the topics no longer hold their whole history (${where}): a rebuild would count less than the live ` +
      "projections, so nothing was replaced. Keep event topics' history (docs/engagement.md), or pass " +
      '--allow-truncated-history to rebuild from what is left',
  );
}

/** Tables the projections write: the metric tables, and the inbox rows and applied sequences of their group. */
export function projectionTables(dataSource: DataSource): string[] {
  return ENGAGEMENT_ENTITIES.map((entity) => dataSource.getMetadata(entity).tableName);
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Rebuilds the projections from the topics: every topic the handlers consume is replayed from its first offset,
 * in a consumer group of its own, into fresh tables (schema `engagement_rebuild`, made by the service's own
 * migrations) while the live service keeps answering from, and projecting into, its tables. Once the replay has
 * reached the end offsets it read at the start, the fresh tables replace the live ones in one transaction (the
 * live consumer's inbox rows for the projections group come with them; other groups' rows are carried over).
 * The replay then reads on to the end offsets after the swap, into the live tables, so an event the live
 * consumer applied to the old tables meanwhile is applied again to the new ones; the shared inbox makes every
 * event count once whichever of the two applies it. A second rebuild of the same database is refused while one
 * runs (advisory lock).
 */
export async function rebuildProjections(options: RebuildOptions): Promise<RebuildSummary> {
  const inboxGroup = options.inboxGroup ?? PROJECTIONS_GROUP;
  const replayGroup = options.replayGroup ?? `engagement.rebuild.${Date.now()}`;
  const base = serviceDataSourceOptions({
    url: options.databaseUrl,
    entities: engagementDatabase.entities,
    migrations: engagementDatabase.migrations,
    applicationName: 'praxis-engagement-rebuild',
    logger: options.logger.child({ component: 'database' }),
  });
  const live = new DataSource(base);
  await live.initialize();
  // as the service does at start: a database the service has not started on yet is made current first
  await live.runMigrations();
  const lock = live.createQueryRunner();
  let fresh: DataSource | null = null;
  try {
    await lock.connect();
    const [{ locked }] = (await lock.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [
      LOCK_NAME,
    ])) as Array<{ locked: boolean }>;
    if (!locked) throw new Error('another engagement rebuild is running on this database');
    const [{ schema: liveSchema }] = (await live.query(`SELECT current_schema() AS schema`)) as Array<{
      schema: string;
    }>;
    await live.query(`DROP SCHEMA IF EXISTS ${quoted(REBUILD_SCHEMA)} CASCADE`);
    await live.query(`CREATE SCHEMA ${quoted(REBUILD_SCHEMA)}`);
    // the fresh tables' commits need not wait for the disk: tables nobody reads until the swap, which a crash
    // before it leaves unused (the next rebuild drops them and replays from the start in a group of its own).
    // The swap and the catch-up commit into the live tables through `live`, durably as the service does.
    fresh = new DataSource({
      ...base,
      extra: {
        ...base.extra,
        options: `-c search_path=${REBUILD_SCHEMA} -c synchronous_commit=off`,
      },
    } as typeof base);
    await fresh.initialize();
    await fresh.runMigrations();
    // the funnel roll-up is built once after the replay rather than member by member in every run: with the
    // fresh tables' noting triggers off, a run's roll-up step finds nothing noted (one statement)
    await setFunnelTriggers(fresh, 'DISABLE');

    let notApplied = 0;
    const deadLetters = async () =>
      ({
        // the live consumer sent these to the dead-letter topic when they first arrived: counted, not sent again
        send: async () => {
          notApplied++;
          return [];
        },
      }) as unknown as Producer;
    const applier = (dataSource: DataSource, handlers: EventHandler[]) =>
      new EventConsumer({
        kafka: options.kafka,
        dataSource,
        groupId: inboxGroup,
        handlers,
        producer: deadLetters,
        settings: { ...consumerSettings(options), consumerMaxAttempts: 3 },
        logger: options.logger.child({ component: 'rebuild-consumer' }),
        maxEventsPerTransaction: runSize(options),
        // old events whose traces ended long ago: one span per run, not one per event
        spanPer: 'run',
      });
    const topics = [...new Set(options.handlers.map((handler) => handler.contract.topic))];
    const replaying = options.replayHandlers ?? options.handlers;
    const replayedTopics = new Set(replaying.map((handler) => handler.contract.topic));
    if (replayedTopics.size !== topics.length || topics.some((topic) => !replayedTopics.has(topic)))
      throw new Error('the replay handlers must consume the same topics as the projection handlers');
    const started = Date.now();
    const report = (phase: RebuildProgress['phase'], applied: number, total: number) =>
      options.onProgress?.({ phase, applied, total, elapsedMs: Date.now() - started });

    const replay = await replayTo(options, replayGroup, topics, applier(fresh, replaying), (applied, total) =>
      report('replay', applied, total),
    );
    const replayed = replay.messages;
    report('swap', replayed, replayed);
    const finishing = Date.now();
    await finishFreshTables(fresh, projectionTables(live));
    const finishSeconds = (Date.now() - finishing) / 1000;
    // the replay's span ends once the roll-up it left out is built: the rate counts both
    const replaySeconds = replay.startedAt ? (Date.now() - replay.startedAt) / 1000 : 0;
    const replayCpu = replay.cpuAtStart ? process.cpuUsage(replay.cpuAtStart) : null;
    await swapIn(live, liveSchema, ['inbox', 'inbox_sequence', ...projectionTables(live)], inboxGroup);
    options.logger.info({ replayed }, 'rebuilt projections swapped in; catching up');
    const { messages: caughtUp } = await replayTo(
      options,
      replayGroup,
      topics,
      applier(live, options.handlers),
      (applied, total) => report('catch-up', applied, total),
    );
    report('done', replayed + caughtUp, replayed + caughtUp);
    await live.query(`DROP SCHEMA IF EXISTS ${quoted(PREVIOUS_SCHEMA)} CASCADE`);
    await live.query(`DROP SCHEMA IF EXISTS ${quoted(REBUILD_SCHEMA)} CASCADE`);
    return {
      replayed,
      caughtUp,
      notApplied,
      seconds: (Date.now() - started) / 1000,
      replayRate: replaySeconds > 0 ? replayed / replaySeconds : replayed,
      finishSeconds,
      replayCpuMicrosPerEvent: replayed > 0 && replayCpu ? (replayCpu.user + replayCpu.system) / replayed : 0,
    };
  } finally {
    if (fresh?.isInitialized) await fresh.destroy();
    if (lock.connection) {
      await lock.query(`SELECT pg_advisory_unlock(hashtext($1))`, [LOCK_NAME]).catch(() => undefined);
      await lock.release();
    }
    await live.destroy();
  }
}

/**
 * The replayed tables made ready to swap in: the funnel roll-up built from them and every table analysed (the
 * planner's statistics of tables filled in seconds, for the service that reads them once swapped in), then the
 * noting triggers on again. The tables the roll-up only reads are analysed on a second connection while the
 * build runs (its JavaScript keeps this process busy and PostgreSQL idle; `ANALYZE` and the build's reads do not
 * conflict); the roll-up's own tables once it is built. The triggers go on after both (`ENABLE TRIGGER` waits for
 * an `ANALYZE` of its table). Nobody reads these tables before the swap, so the steps need not be one transaction.
 */
async function finishFreshTables(fresh: DataSource, tables: string[]): Promise<void> {
  const built = (table: string) =>
    table === 'engagement_funnel_rollup' || table === 'engagement_funnel_member';
  await Promise.all([
    fresh.transaction(async (manager) => {
      await buildFunnelRollup(manager);
      for (const table of tables.filter(built)) await manager.query(`ANALYZE ${quoted(table)}`);
    }),
    (async () => {
      for (const table of tables.filter((table) => !built(table)))
        await fresh.query(`ANALYZE ${quoted(table)}`);
    })(),
  ]);
  await setFunnelTriggers(fresh, 'ENABLE');
}

/** Turns the fresh tables' funnel-noting triggers off for the replay, or on again before they are swapped in. */
async function setFunnelTriggers(q: { query(sql: string): Promise<unknown> }, action: 'ENABLE' | 'DISABLE') {
  for (const { table, trigger } of funnelTriggers(REBUILD_SCHEMA))
    await q.query(`ALTER TABLE ${table} ${action} TRIGGER ${trigger}`);
}

/** Most events a replayed run applies in one transaction (gathered from the partition's fetched batches). */
function runSize(options: RebuildOptions): number {
  return options.eventsPerTransaction ?? DEFAULT_EVENTS_PER_RUN;
}

function consumerSettings(options: RebuildOptions) {
  return options.consumer ?? { sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, maxWaitMs: 100 };
}

/** Each existing topic's partitions: from the group's committed offset (else the first) to the end offset now. */
async function partitionRanges(
  kafka: Kafka,
  groupId: string,
  topics: string[],
  allowTruncatedHistory: boolean,
): Promise<PartitionRange[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const present = topics.filter((topic) => existing.has(topic));
    if (present.length === 0) return [];
    const committed = await admin.fetchOffsets({ groupId, topics: present });
    const ranges: PartitionRange[] = [];
    const gaps: HistoryGap[] = [];
    for (const topic of present) {
      const offsets = await admin.fetchTopicOffsets(topic);
      const done = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
      gaps.push(...historyGaps(topic, offsets, done));
      for (const { partition, low, high } of offsets) {
        const position = Number(done.find((entry) => entry.partition === partition)?.offset ?? -1);
        ranges.push({ topic, partition, from: Math.max(Number(low), position), to: Number(high) });
      }
    }
    if (gaps.length > 0 && !allowTruncatedHistory) throw truncatedHistoryError(gaps);
    return ranges;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads every topic in the replay group, through `applier` (the platform's consumer: contract checks, runs of
 * events in one transaction with their inbox rows), until each partition reaches the end offset it had when
 * this began; returns how many messages that was, and when (and at what CPU time of this process) the first
 * batch was fetched.
 *
 * A fetch brings one record batch per partition (on the local broker, what the producer sent at once: about a
 * hundred events), so a partition's fetched batches are gathered into runs of up to `eventsPerRun` before they
 * are applied: fewer, larger transactions. A gathered batch's offset is resolved at once (so the next fetch
 * reads on) but committed only after its run has committed; a run is applied early when its partition reaches
 * the end offset. What was gathered and not applied when the replay stops or the group rebalances was never
 * committed, and is read again (the inbox absorbs what was applied twice).
 */
async function replayTo(
  options: RebuildOptions,
  groupId: string,
  topics: string[],
  applier: EventConsumer,
  progress: (applied: number, total: number) => void,
): Promise<{ messages: number; startedAt: number; cpuAtStart: NodeJS.CpuUsage | null }> {
  const ranges = (
    await partitionRanges(options.kafka, groupId, topics, options.allowTruncatedHistory ?? false)
  ).filter((range) => range.to > range.from);
  const total = ranges.reduce((sum, range) => sum + range.to - range.from, 0);
  if (ranges.length === 0) return { messages: 0, startedAt: 0, cpuAtStart: null };
  const eventsPerRun = runSize(options);
  let firstBatchAt = 0;
  let cpuAtFirstBatch: NodeJS.CpuUsage | null = null;
  const partitionKey = (topic: string, partition: number) => `${topic}/${partition}`;
  const endOf = new Map(ranges.map((range) => [partitionKey(range.topic, range.partition), range.to]));
  const position = new Map(ranges.map((range) => [partitionKey(range.topic, range.partition), range.from]));
  const applied = () =>
    ranges.reduce(
      (sum, range) =>
        sum +
        Math.min(range.to, position.get(partitionKey(range.topic, range.partition)) ?? range.from) -
        range.from,
      0,
    );
  const settings = consumerSettings(options);
  const consumer = options.kafka.consumer({
    groupId,
    sessionTimeout: settings.sessionTimeoutMs,
    heartbeatInterval: settings.heartbeatIntervalMs,
    maxWaitTimeInMs: settings.maxWaitMs,
    allowAutoTopicCreation: false,
  });
  // settled once every partition has reached its end offset, or when the consumer crashes for good
  let settle!: { resolve: () => void; reject: (error: unknown) => void };
  const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  finished.catch(() => undefined);
  const advance = (key: string, next: number) => {
    position.set(key, Math.max(position.get(key) ?? 0, next));
    if (applied() >= total) settle.resolve();
  };
  /** Each partition's fetched messages not applied yet. */
  const gathered = new Map<string, KafkaMessage[]>();
  // a rebalance (a member kicked out under load) is kafkajs' to recover from: it rejoins and redelivers what was
  // not committed; only a crash it will not restart from ends the rebuild
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) settle.reject(payload.error);
  });
  // after a rebalance the group reads on from its committed offsets: what was gathered comes again
  consumer.on(consumer.events.GROUP_JOIN, () => gathered.clear());
  await consumer.connect();
  try {
    await consumer.subscribe({
      topics: [...new Set(ranges.map((range) => range.topic))],
      fromBeginning: true,
    });
    await consumer.run({
      // offsets are committed run by run, once each run's transaction has committed
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 4,
      eachBatch: async (payload: EachBatchPayload) => {
        const { topic, partition } = payload.batch;
        const key = partitionKey(topic, partition);
        firstBatchAt ||= Date.now();
        cpuAtFirstBatch ??= process.cpuUsage();
        if (payload.batch.isEmpty() || !payload.isRunning() || payload.isStale()) return;
        const messages = gathered.get(key) ?? [];
        for (const message of payload.batch.messages) messages.push(message);
        const lastOffset = Number(payload.batch.lastOffset());
        // the next fetch reads on from here; nothing is committed until the run has been applied
        payload.resolveOffset(payload.batch.lastOffset());
        if (messages.length < eventsPerRun && lastOffset + 1 < (endOf.get(key) ?? 0)) {
          gathered.set(key, messages);
          return;
        }
        gathered.delete(key);
        let next = -1;
        // a run of thousands can outlast the session timeout on a busy machine: the member keeps beating meanwhile
        // (kafkajs sends a heartbeat only when asked; one that fails is the rebalance kafkajs recovers from)
        const beating = setInterval(
          () => void payload.heartbeat().catch(() => undefined),
          settings.heartbeatIntervalMs,
        );
        try {
          await applier.onBatch({
            ...payload,
            batch: { ...payload.batch, messages } as Batch,
            resolveOffset: (offset: string) => {
              next = Math.max(next, Number(offset) + 1);
            },
          });
        } finally {
          clearInterval(beating);
        }
        if (next < 0) return;
        // offsets a batch skips (control records) count as read once the whole run is
        if (next > Number(messages[messages.length - 1].offset)) next = Math.max(next, lastOffset + 1);
        await consumer.commitOffsets([{ topic, partition, offset: String(next) }]);
        advance(key, next);
        progress(applied(), total);
      },
    });
    // the bar's rate and time left move on while a run applies
    const drawing = setInterval(() => progress(applied(), total), 200);
    try {
      await finished;
    } finally {
      clearInterval(drawing);
    }
    progress(total, total);
    return { messages: total, startedAt: firstBatchAt, cpuAtStart: cpuAtFirstBatch };
  } finally {
    await consumer.disconnect();
  }
}

/**
 * Swaps the fresh tables in, in one transaction: the live tables locked (the inbox first, which every
 * consumer transaction takes first too, so the swap queues behind them rather than deadlocking), other consumer
 * groups' inbox rows and sequences copied into the fresh tables, then each live table moved out to
 * `engagement_previous` and its fresh twin moved in under the same name. Queries and consumers wait for the
 * commit, then use the new tables.
 */
async function swapIn(live: DataSource, liveSchema: string, tables: string[], inboxGroup: string) {
  const schema = quoted(liveSchema);
  const rebuild = quoted(REBUILD_SCHEMA);
  const previous = quoted(PREVIOUS_SCHEMA);
  await live.transaction(async (manager) => {
    await manager.query(
      `LOCK TABLE ${tables.map((table) => `${schema}.${quoted(table)}`).join(', ')} IN ACCESS EXCLUSIVE MODE`,
    );
    for (const table of ['inbox', 'inbox_sequence']) {
      await manager.query(
        `INSERT INTO ${rebuild}.${quoted(table)} SELECT * FROM ${schema}.${quoted(table)} WHERE "consumer_group" <> $1`,
        [inboxGroup],
      );
    }
    await manager.query(`DROP SCHEMA IF EXISTS ${previous} CASCADE`);
    await manager.query(`CREATE SCHEMA ${previous}`);
    for (const table of tables) {
      await manager.query(`ALTER TABLE ${schema}.${quoted(table)} SET SCHEMA ${previous}`);
      await manager.query(`ALTER TABLE ${rebuild}.${quoted(table)} SET SCHEMA ${schema}`);
    }
  });
}
