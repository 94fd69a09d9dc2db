import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import { runInContext, type Logger } from '@praxis/platform/observability';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

export interface ScheduledJob {
  /** Unique per service; it keys the claim rows and the advisory lock. */
  name: string;
  /** Length of one tick. */
  everyMs: number;
  /**
   * Where ticks start, from the Unix epoch (a Thursday, 00:00 UTC): ticks fall at `offsetMs + k * everyMs`.
   * E.g. weekly on Monday 06:00 UTC is `everyMs: WEEK_MS, offsetMs: 4 * DAY_MS + 6 * HOUR_MS`.
   */
  offsetMs?: number;
  /** Runs once per tick on one replica; `tick` is the tick's start, so a late run still knows which week it is. */
  run(context: { tick: Date; signal: AbortSignal }): Promise<void>;
}

export interface SchedulerOptions {
  dataSource: DataSource;
  jobs: readonly ScheduledJob[];
  logger: Logger;
  /** How often each replica looks for a due tick. */
  checkIntervalMs?: number;
  now?: () => number;
}

/** The start of the tick that contains `now`. */
export function tickStart(job: Pick<ScheduledJob, 'everyMs' | 'offsetMs'>, now: number): Date {
  const offset = job.offsetMs ?? 0;
  return new Date(Math.floor((now - offset) / job.everyMs) * job.everyMs + offset);
}

/**
 * Runs periodic jobs so that each tick of a job runs once across every replica: a replica takes the job's
 * PostgreSQL advisory lock (so one replica at a time runs the job), then claims the tick with a row keyed by
 * job and tick (so a tick already run, here or elsewhere, is never run again). A failing run is logged, recorded
 * as failed with its error, and the job runs again at the next tick; missed ticks are not replayed.
 */
export class Scheduler {
  private readonly runner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly lastTick = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(private readonly options: SchedulerOptions) {
    const names = options.jobs.map((job) => job.name);
    const repeated = names.find((name, index) => names.indexOf(name) !== index);
    if (repeated) throw new Error(`scheduled job "${repeated}" is registered twice`);
    for (const job of options.jobs) {
      if (!(job.everyMs > 0)) throw new Error(`scheduled job "${job.name}": everyMs must be positive`);
    }
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.timer || this.abort.signal.aborted) return;
    this.timer = setInterval(() => this.check(), this.options.checkIntervalMs ?? 1000);
    this.timer.unref();
    this.check();
  }

  /** Stops looking for ticks, asks running jobs to stop (their signal aborts) and waits for them. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.abort.abort();
    await Promise.all(this.inFlight);
  }

  private check(): void {
    for (const job of this.options.jobs) {
      const tick = tickStart(job, this.now());
      if ((this.lastTick.get(job.name) ?? -Infinity) >= tick.getTime()) continue;
      const run = this.runTick(job, tick).catch((error: unknown) => {
        // the database is away: nothing was claimed, so the next check tries the same tick again
        this.options.logger.warn(
          { job: job.name, error: messageOf(error) },
          'scheduler could not claim a tick',
        );
      });
      this.inFlight.add(run);
      void run.finally(() => this.inFlight.delete(run));
    }
  }

  private async runTick(job: ScheduledJob, tick: Date): Promise<void> {
    // marks the tick seen before the first await, so overlapping checks do not try it twice in this replica
    const previous = this.lastTick.get(job.name);
    this.lastTick.set(job.name, tick.getTime());
    const connection = this.options.dataSource.createQueryRunner();
    let locked = false;
    try {
      await connection.connect();
      const lock: Array<{ locked: boolean }> = await connection.query(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
        [`scheduler:${job.name}`],
      );
      locked = lock[0]?.locked === true;
      if (!locked) {
        // another replica is running this job; look again at the next check
        this.restore(job.name, tick, previous);
        return;
      }
      const claimed: unknown[] = await connection.query(
        `INSERT INTO "scheduled_job_run" ("job", "tick", "runner") VALUES ($1, $2, $3)
          ON CONFLICT DO NOTHING RETURNING "job"`,
        [job.name, tick, this.runner],
      );
      if (claimed.length === 0) return;
      const outcome = await this.execute(job, tick);
      await connection.query(
        `UPDATE "scheduled_job_run" SET "status" = $3, "error" = $4, "finished_at" = now()
          WHERE "job" = $1 AND "tick" = $2`,
        [job.name, tick, outcome.error === null ? 'succeeded' : 'failed', outcome.error],
      );
    } catch (error) {
      this.restore(job.name, tick, previous);
      throw error;
    } finally {
      if (locked)
        await connection
          .query('SELECT pg_advisory_unlock(hashtext($1))', [`scheduler:${job.name}`])
          .catch(() => undefined);
      await connection.release();
    }
  }

  private async execute(job: ScheduledJob, tick: Date): Promise<{ error: string | null }> {
    const started = Date.now();
    const correlationId = randomUUID();
    try {
      await runInContext({ correlationId, causationId: null, actorId: null }, () =>
        job.run({ tick, signal: this.abort.signal }),
      );
      this.options.logger.info(
        { job: job.name, tick: tick.toISOString(), correlationId, durationMs: Date.now() - started },
        'scheduled job ran',
      );
      return { error: null };
    } catch (error) {
      const message = messageOf(error).slice(0, 2000);
      this.options.logger.error(
        { job: job.name, tick: tick.toISOString(), correlationId, error: message },
        'scheduled job failed; it runs again at its next tick',
      );
      return { error: message };
    }
  }

  private restore(name: string, tick: Date, previous: number | undefined): void {
    if (this.lastTick.get(name) !== tick.getTime()) return;
    if (previous === undefined) this.lastTick.delete(name);
    else this.lastTick.set(name, previous);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
