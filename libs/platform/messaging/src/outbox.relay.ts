import type { Producer } from 'kafkajs';
import { Client, type QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import {
  contextFromHeaders,
  failSpan,
  injectTraceHeaders,
  messagingMetrics,
  SpanKind,
  startSpan,
  type Logger,
} from '@praxis/platform/observability';
import { errorMessage, isPoisonPublishError } from './errors';
import { OUTBOX_CHANNEL, outboxWakerOf } from './outbox.wake';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  /**
   * The relay's own connection (kept open while it runs): LISTEN, the advisory lock, and every statement of its
   * passes, so a pass never waits in the data source's pool behind the service's own requests.
   */
  databaseUrl: string;
  /** Called for a fresh producer after a failure, so a broken connection is never reused. */
  producerFactory: () => Promise<Producer>;
  logger: Logger;
  /** Only one relay per service database publishes at a time; the others stand by. */
  lockName: string;
  batchSize?: number;
  pollIntervalMs?: number;
  /**
   * Passes start at most this often: an event written after a quiet spell goes out at once, but under a steady
   * stream the events of one interval go out together (one produce request, one record batch per partition), so
   * consumers fetch them together instead of one round trip each. 0 publishes every wake-up at once.
   */
  lingerMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** A row whose publish keeps failing with a non-retriable error is marked failed after this many attempts. */
  maxAttemptsForPoisonRow?: number;
  sentRetentionHours?: number;
}

type PendingRow = {
  id: string;
  topic: string;
  message_key: string;
  /** null for a tombstone: the key's last event is erased from a compacted topic. */
  envelope: Record<string, unknown> | null;
  headers: Record<string, string>;
  attempts: number;
};

/**
 * Publishes outbox rows to Kafka in id order (so per-aggregate order holds), marks them sent, backs off
 * exponentially while the broker is unavailable, and wakes at once when a write commits: directly for a write of
 * this process on its data source, by NOTIFY for the others (outbox.wake.ts).
 *
 * Its statements run on its own connection, the one holding the lock, not through the data source's pool: a
 * service busy writing (the writes that fill the outbox) keeps its pool's connections taken and a queue of
 * requests waiting for them, and a relay pass queued behind them waited as long as that queue (at 200 writes a
 * second from the relay's own process, seconds: docs/performance.md, "Event latency").
 */
export class OutboxRelay {
  private listener: Client | null = null;
  private producer: Producer | null = null;
  private stopped = true;
  private woken = false;
  private failures = 0;
  private singleRowMode = false;
  private hasLock = false;
  private wakeSleeper: (() => void) | null = null;
  private loopDone: Promise<void> = Promise.resolve();
  private unregister: (() => void) | null = null;
  private lastCleanup = 0;
  private lastPassAt = 0;
  /** The last pass found a full batch: more rows are waiting, and the next pass starts without lingering. */
  private lastPassFull = false;
  private readonly batchSize: number;
  private readonly lingerMs: number;
  private readonly pollIntervalMs: number;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxAttemptsForPoisonRow: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.lingerMs = options.lingerMs ?? 0;
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.minBackoffMs = options.minBackoffMs ?? 250;
    // a failed pass costs one SELECT and a connection attempt; a short cap keeps the backlog's wait short once
    // the broker returns (the broker-outage fault test: published within 10 s)
    this.maxBackoffMs = options.maxBackoffMs ?? 2000;
    this.maxAttemptsForPoisonRow = options.maxAttemptsForPoisonRow ?? 10;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unregister = outboxWakerOf(this.options.dataSource).register({
      wake: () => this.wake(),
      publishes: () => this.hasLock,
    });
    this.loopDone = this.loop();
  }

  /** Finishes the batch in flight, releases the lock and the connections. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unregister?.();
    this.unregister = null;
    this.wakeSleeper?.();
    await this.loopDone;
    await this.closeListener();
    await this.dropProducer();
  }

  /** Asks for a pass now (a commit that appended to the outbox does, directly or by NOTIFY). */
  wake(): void {
    this.woken = true;
    if (this.failures === 0) this.wakeSleeper?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let delay = this.pollIntervalMs;
      try {
        await this.ensureListener();
        if (this.hasLock) {
          await this.drain();
          this.failures = 0;
          await this.cleanupSent();
        }
      } catch (error) {
        this.failures += 1;
        delay = Math.min(this.maxBackoffMs, this.minBackoffMs * 2 ** (this.failures - 1));
        messagingMetrics.outboxFailures.inc();
        this.options.logger.warn(
          { error: errorMessage(error), attempt: this.failures, retryInMs: delay },
          'outbox relay pass failed; events stay pending and will be retried',
        );
      }
      await this.sleep(delay);
    }
  }

  private async ensureListener(): Promise<void> {
    if (this.listener) {
      if (!this.hasLock) await this.tryLock();
      return;
    }
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: 'praxis-outbox-relay',
    });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.options.logger.warn({ error: errorMessage(error) }, 'outbox relay lost its database listener');
      this.listener = null;
      this.hasLock = false;
      client.end().catch(() => undefined);
    });
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.listener = client;
    await this.tryLock();
  }

  private async tryLock(): Promise<void> {
    if (!this.listener) return;
    const result = await this.listener.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
      [`outbox-relay:${this.options.lockName}`],
    );
    this.hasLock = result.rows[0]?.locked === true;
    if (!this.hasLock) this.options.logger.debug('another relay holds the outbox lock; standing by');
  }

  private async closeListener(): Promise<void> {
    const client = this.listener;
    this.listener = null;
    this.hasLock = false;
    if (client) await client.end().catch(() => undefined);
  }

  private async drain(): Promise<void> {
    for (;;) {
      const linger = lingerBeforePass(this.lingerMs, Date.now() - this.lastPassAt, this.lastPassFull);
      if (linger > 0) await new Promise((resolve) => setTimeout(resolve, linger));
      this.lastPassAt = Date.now();
      this.woken = false;
      const limit = this.singleRowMode ? 1 : this.batchSize;
      const rows = await this.query<PendingRow>(
        `SELECT "id", "topic", "message_key", "envelope", "headers", "attempts" FROM "outbox"
          WHERE "status" = 'pending' ORDER BY "id" LIMIT $1`,
        [limit],
      );
      messagingMetrics.outboxPending.set(rows.length < limit ? rows.length : limit);
      this.lastPassFull = rows.length === limit && limit > 1;
      if (rows.length === 0) return;
      await this.publish(rows);
      if (rows.length < limit && !this.woken) return;
      if (this.stopped) return;
    }
  }

  private async publish(rows: PendingRow[]): Promise<void> {
    const ids = rows.map((row) => row.id);
    // one producer span per row, continuing the trace stored with the row; the message carries the span
    const spans = rows.map((row) => {
      const publish = startSpan(`publish ${row.topic}`, {
        kind: SpanKind.PRODUCER,
        parent: contextFromHeaders(row.headers),
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'send',
          'messaging.destination.name': row.topic,
          'messaging.kafka.message.key': row.message_key,
        },
      });
      const headers = { ...row.headers };
      injectTraceHeaders(headers, publish.context);
      return { span: publish.span, row: { ...row, headers } };
    });
    try {
      this.producer ??= await this.options.producerFactory();
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: groupConsecutiveByTopic(spans.map((traced) => traced.row)),
      });
      for (const { span } of spans) span.end();
    } catch (error) {
      for (const { span } of spans) {
        failSpan(span, error);
        span.end();
      }
      const message = errorMessage(error).slice(0, 2000);
      await this.query(
        `UPDATE "outbox" SET "attempts" = "attempts" + 1, "last_error" = $2 WHERE "id" = ANY($1::bigint[])`,
        [ids, message],
      );
      await this.dropProducer();
      if (isPoisonPublishError(error)) {
        if (rows.length === 1 && rows[0].attempts + 1 >= this.maxAttemptsForPoisonRow) {
          await this.query(`UPDATE "outbox" SET "status" = 'failed' WHERE "id" = $1`, [rows[0].id]);
          this.options.logger.error(
            { outboxId: rows[0].id, topic: rows[0].topic, error: message },
            'outbox row cannot be published (non-retriable); marked failed so later events are not blocked',
          );
          this.singleRowMode = false;
          return;
        }
        // find the offending row by publishing one at a time
        this.singleRowMode = true;
      }
      throw error;
    }
    await this.query(
      `UPDATE "outbox" SET "status" = 'sent', "sent_at" = now(), "attempts" = "attempts" + 1, "last_error" = NULL
        WHERE "id" = ANY($1::bigint[])`,
      [ids],
    );
    this.singleRowMode = false;
    for (const row of rows) messagingMetrics.outboxPublished.inc({ topic: row.topic });
  }

  private async cleanupSent(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 10 * 60 * 1000) return;
    this.lastCleanup = now;
    await this.query(
      `DELETE FROM "outbox" WHERE "status" = 'sent' AND "sent_at" < now() - make_interval(hours => $1)`,
      [this.options.sentRetentionHours ?? 24 * 7],
    );
  }

  /** A statement on the relay's own connection (a lost connection fails the pass, which is retried). */
  private async query<T extends QueryResultRow = QueryResultRow>(
    sql: string,
    parameters: unknown[],
  ): Promise<T[]> {
    const client = this.listener;
    if (!client) throw new Error('the outbox relay lost its database connection');
    return (await client.query<T>(sql, parameters)).rows;
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    if (producer) await producer.disconnect().catch(() => undefined);
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.woken && this.failures === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeSleeper = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeSleeper = done;
    });
  }
}

/**
 * How long a pass waits before it reads the outbox: the rest of the linger since the last pass began, so a steady
 * stream goes out in batches; nothing after a pass that found a full batch, since rows are already waiting and a
 * batch's worth will go out together anyway (a backlog drains at the pace of the passes, not of the linger).
 */
export function lingerBeforePass(lingerMs: number, sinceLastPassMs: number, lastPassFull: boolean): number {
  if (lastPassFull) return 0;
  return Math.max(0, lingerMs - sinceLastPassMs);
}

function groupConsecutiveByTopic(rows: PendingRow[]) {
  const groups: Array<{
    topic: string;
    messages: Array<{ key: string; value: string | null; headers: Record<string, string> }>;
  }> = [];
  for (const row of rows) {
    const message = {
      key: row.message_key,
      value: row.envelope === null ? null : JSON.stringify(row.envelope),
      headers: row.headers,
    };
    const last = groups[groups.length - 1];
    if (last && last.topic === row.topic) last.messages.push(message);
    else groups.push({ topic: row.topic, messages: [message] });
  }
  return groups;
}
