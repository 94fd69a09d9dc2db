import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { fundingDatabase } from '@praxis/funding/data-access';
import { AdjustableClock } from '@praxis/platform/clock';
import { createServiceDataSource } from '@praxis/platform/database';
import type { Scheduler } from '@praxis/platform/scheduler';
import { waitFor, type SubgraphHarness } from '@praxis/platform/testing';
import { DEFAULT_FUNDING_OPTIONS } from '../funding.options';
import { addMember, offerAward, outboxPayloads, startFunding } from '../testing/funding.fixtures';
import { ErosionService } from './erosion.service';
import { fundingScheduler, WEEKLY_AT_RISK_CHECK } from './weekly-at-risk-check.job';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const monday = (day: string) => new Date(`${day}T06:00:00Z`);

/**
 * Funding's test clock drives its weekly at-risk check through the platform scheduler: two replicas (each its own
 * connection pool and its own clock, moved together as an admin would move each), real PostgreSQL. Every Monday
 * 06:00 UTC the clocks pass runs the check once, on one replica, and the member flagged by it is flagged once.
 */
describe('funding: the weekly at-risk check on a moved test clock, two scheduler replicas', () => {
  let subgraph: SubgraphHarness;
  let replicaB: DataSource;
  const schedulers: Scheduler[] = [];
  const institution = randomUUID();
  const pi = randomUUID();

  beforeAll(async () => {
    subgraph = await startFunding();
    replicaB = createServiceDataSource({ url: subgraph.databaseUrl, ...fundingDatabase, poolSize: 4 });
    await replicaB.initialize();
    await addMember(subgraph, institution, pi);
    const awardId = await offerAward(subgraph, {
      pi,
      team: [],
      startsOn: '2026-01-05',
      endsOn: '2026-12-27',
    });
    // 10 hours a week from Monday 5 January, 2 logged in each of the first three weeks (20 %: low)
    await subgraph.dataSource.query(
      `INSERT INTO allocation (award_id, member_id, institution_id, weekly_minutes, unit, from_day, to_day, status)
       VALUES ($1, $2, $3, 600, 'HOURS', '2026-01-05', '2026-12-27', 'APPROVED')`,
      [awardId, pi, institution],
    );
    for (const day of ['2026-01-06', '2026-01-13', '2026-01-20']) {
      await subgraph.dataSource.query(
        `INSERT INTO time_log (member_id, day, minutes, activity) VALUES ($1, $2, 120, 'RESEARCH')`,
        [pi, day],
      );
    }
  }, 90000);

  afterEach(async () => {
    await Promise.all(schedulers.splice(0).map((scheduler) => scheduler.stop()));
  });

  afterAll(async () => {
    await replicaB?.destroy();
    await subgraph?.close();
  });

  it('runs the check once per Monday the clocks pass, on one replica, and flags the member once', async () => {
    const runs: Array<{ replica: string; tick: string }> = [];
    const logger = pino({ level: 'silent' });
    const clocks = [new AdjustableClock(), new AdjustableClock()];
    const moveClocks = (to: Date) => clocks.forEach((clock) => clock.set(to));
    moveClocks(new Date('2026-01-12T07:00:00Z'));
    for (const [index, dataSource] of [subgraph.dataSource, replicaB].entries()) {
      const erosion = new ErosionService(dataSource, { ...DEFAULT_FUNDING_OPTIONS, clock: clocks[index] });
      const checker = {
        flagAtRisk: async (context: { tick: Date; signal?: AbortSignal }) => {
          runs.push({ replica: `r${index}`, tick: context.tick.toISOString() });
          return erosion.flagAtRisk(context);
        },
      };
      const scheduler = fundingScheduler({
        dataSource,
        erosion: checker,
        clock: clocks[index],
        logger,
        checkIntervalMs: 15,
      });
      schedulers.push(scheduler);
      scheduler.start();
    }
    const ran = async (tick: Date) => {
      await waitFor(
        async () => {
          const rows: Array<{ status: string }> = await subgraph.dataSource.query(
            `SELECT status FROM scheduled_job_run WHERE job = $1 AND tick = $2`,
            [WEEKLY_AT_RISK_CHECK, tick],
          );
          return rows[0]?.status === 'succeeded';
        },
        { description: `the check of ${tick.toISOString()}` },
      );
      // both replicas look at the tick many more times before the clocks move on
      await sleep(300);
    };

    await ran(monday('2026-01-12'));
    // within a week nothing new is due
    moveClocks(new Date('2026-01-18T23:00:00Z'));
    await sleep(300);
    moveClocks(new Date('2026-01-19T06:00:30Z'));
    await ran(monday('2026-01-19'));
    moveClocks(new Date('2026-01-26T06:00:30Z'));
    await ran(monday('2026-01-26'));
    // an admin putting the clocks back runs nothing again
    moveClocks(new Date('2026-01-19T12:00:00Z'));
    await sleep(300);

    expect(runs.map((run) => run.tick)).toEqual([
      '2026-01-12T06:00:00.000Z',
      '2026-01-19T06:00:00.000Z',
      '2026-01-26T06:00:00.000Z',
    ]);
    const rows: Array<{ tick: Date; status: string }> = await subgraph.dataSource.query(
      `SELECT tick, status FROM scheduled_job_run WHERE job = $1 ORDER BY tick`,
      [WEEKLY_AT_RISK_CHECK],
    );
    expect(rows.map((row) => [row.tick.toISOString(), row.status])).toEqual([
      ['2026-01-12T06:00:00.000Z', 'succeeded'],
      ['2026-01-19T06:00:00.000Z', 'succeeded'],
      ['2026-01-26T06:00:00.000Z', 'succeeded'],
    ]);
    // three low weeks complete on 26 January: one episode, published once, recorded at the clock's time
    const atRisk = await outboxPayloads(subgraph, 'funding.protected-time.at-risk.v1');
    expect(atRisk).toEqual([
      expect.objectContaining({ memberId: pi, episodeStartedWeek: '2026-W04', firstLowWeek: '2026-W02' }),
    ]);
    expect(String(atRisk[0].detectedAt).slice(0, 10)).toBe('2026-01-26');
  });
});
