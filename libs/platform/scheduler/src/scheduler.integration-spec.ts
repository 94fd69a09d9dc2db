import pino from 'pino';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, pendingSchemaChanges } from '@praxis/platform/database';
import { createTestDatabase, waitFor } from '@praxis/platform/testing';
import { Scheduler, tickStart, type ScheduledJob } from './scheduler';
import { SCHEDULER_ENTITIES, type ScheduledJobRun } from './scheduler.entities';
import { CreateScheduledJobRunTable1764560000000 } from './scheduler.migration';

interface LogLine {
  level: number;
  msg: string;
  job?: string;
  error?: string;
}

function capturingLogger(lines: LogLine[]) {
  return pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('platform scheduler: one run per tick across replicas (PostgreSQL advisory lock + claim row)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const replicas: DataSource[] = [];
  const schedulers: Scheduler[] = [];

  /** A replica: its own connection pool on the shared database, as another process would have. */
  async function replica(): Promise<DataSource> {
    const dataSource = createServiceDataSource({
      url: db.url,
      entities: SCHEDULER_ENTITIES,
      migrations: [CreateScheduledJobRunTable1764560000000],
      poolSize: 4,
    });
    await dataSource.initialize();
    replicas.push(dataSource);
    return dataSource;
  }

  function scheduler(
    dataSource: DataSource,
    jobs: ScheduledJob[],
    lines: LogLine[] = [],
    now?: () => number,
  ): Scheduler {
    const created = new Scheduler({
      dataSource,
      jobs,
      logger: capturingLogger(lines),
      checkIntervalMs: 15,
      now,
    });
    schedulers.push(created);
    return created;
  }

  async function runsOf(job: string): Promise<ScheduledJobRun[]> {
    return replicas[0].query(
      `SELECT "job", "tick", "runner", "status", "error" FROM "scheduled_job_run" WHERE "job" = $1 ORDER BY "tick"`,
      [job],
    );
  }

  beforeAll(async () => {
    db = await createTestDatabase('scheduler');
    const first = await replica();
    await first.runMigrations();
    expect(await pendingSchemaChanges(first)).toEqual([]);
  });

  afterEach(async () => {
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.destroy()));
    await db.drop();
  });

  it('two replicas never run the same tick, and between them run every tick', async () => {
    // one clock for both replicas, moved a tick at a time: each tick is raced by both (they check every 15 ms),
    // and the next tick comes only once this one has run, so a loaded machine slows the test but cannot make
    // it miss a tick (the scheduler does not replay missed ticks, by design)
    const everyMs = 150;
    const first = tickStart({ everyMs }, Date.now()).getTime();
    let clock = first;
    const runs: Array<{ replica: string; tick: number }> = [];
    const job = (replica: string): ScheduledJob => ({
      name: 'race',
      everyMs,
      run: async ({ tick }) => {
        runs.push({ replica, tick: tick.getTime() });
        await sleep(20);
      },
    });
    const [a, b] = [await replica(), await replica()];
    scheduler(a, [job('a')], [], () => clock).start();
    scheduler(b, [job('b')], [], () => clock).start();
    const ticks = Array.from({ length: 12 }, (_, k) => first + k * everyMs);
    for (const tick of ticks) {
      clock = tick + everyMs / 2;
      await waitFor(() => runs.some((run) => run.tick === tick), { description: `tick ${tick - first} ms` });
      // both replicas look at the tick several more times before the clock moves on
      await sleep(60);
    }
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));

    expect(runs.map((run) => run.tick)).toEqual(ticks);
    const rows = await runsOf('race');
    expect(rows.map((row) => new Date(row.tick).getTime())).toEqual(ticks);
    expect(rows.every((row) => row.status === 'succeeded')).toBe(true);
  });

  it('runs a job on one replica at a time even when a run outlasts its tick', async () => {
    let active = 0;
    let mostActive = 0;
    let runs = 0;
    const slow: ScheduledJob = {
      name: 'slow',
      everyMs: 100,
      run: async () => {
        active += 1;
        runs += 1;
        mostActive = Math.max(mostActive, active);
        await sleep(250);
        active -= 1;
      },
    };
    const [a, b] = [await replica(), await replica()];
    scheduler(a, [slow]).start();
    scheduler(b, [slow]).start();
    await sleep(1500);
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(mostActive).toBe(1);
  });

  it('a replica that restarts does not run a tick again', async () => {
    let runs = 0;
    const hourly: ScheduledJob = { name: 'hourly', everyMs: 3_600_000, run: async () => void (runs += 1) };
    const dataSource = await replica();
    scheduler(dataSource, [hourly]).start();
    await waitFor(() => runs === 1, { description: 'the first run' });
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));
    scheduler(dataSource, [hourly]).start();
    await sleep(300);
    expect(runs).toBe(1);
    const rows = await runsOf('hourly');
    expect(rows).toHaveLength(1);
    expect(new Date(rows[0].tick).getTime()).toBe(tickStart(hourly, Date.now()).getTime());
  });

  it('logs a failing run, records its error, and runs the job again at the next tick', async () => {
    const lines: LogLine[] = [];
    let calls = 0;
    const flaky: ScheduledJob = {
      name: 'flaky',
      everyMs: 200,
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error('reminder service unavailable');
      },
    };
    scheduler(await replica(), [flaky], lines).start();
    await waitFor(async () => (await runsOf('flaky')).some((row) => row.status === 'succeeded'), {
      description: 'a successful run after the failure',
    });
    const rows = await runsOf('flaky');
    expect(rows[0]).toMatchObject({ status: 'failed', error: 'reminder service unavailable' });
    expect(new Date(rows[1].tick).getTime()).toBeGreaterThan(new Date(rows[0].tick).getTime());
    expect(rows[1].status).toBe('succeeded');
    const failure = lines.find((line) => line.level === 50);
    expect(failure).toMatchObject({ job: 'flaky', error: 'reminder service unavailable' });
  });
});
