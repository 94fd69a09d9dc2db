import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { CAREER_STAGES, createEvent, MemberRegisteredV1, type CareerStage } from '@praxis/contracts';
import {
  applyFunnelChanges,
  buildFunnelRollup,
  engagementDatabase,
  refreshFunnelMembers,
} from '@praxis/engagement/data-access';
import {
  bucketsCovering,
  FLOW_STEPS,
  GRANULARITIES,
  type Bucket,
  type Granularity,
} from '@praxis/engagement/domain';
import { openServiceDatabase } from '@praxis/platform/database';
import { createTestDatabase, seededRandom } from '@praxis/platform/testing';
import { projectionHandlers, PROJECTIONS_GROUP } from '../projections';
import { countFunnel, rollupFunnel, type FunnelCounts } from './funnel.query';
import type { Dimension } from './dimensions';

const SEED = Number(process.env.FUNNEL_ROLLUP_SEED ?? Date.now() % 1_000_000);
const ROUNDS = 4;
const OPERATIONS = 160;

/** Counts as comparable text: bucket → group → step → n, zero counts left out (the reference has no zero rows). */
function normalised(counts: FunnelCounts): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [bucket, groups] of counts) {
    for (const [group, steps] of groups) {
      for (const [step, n] of steps) if (n !== 0) out[`${bucket}|${group}|${step}`] = n;
    }
  }
  return out;
}

/** A random instant from 2021 to 2027, now and then on a month's first instant (a bucket edge). */
function instant(random: () => number): Date {
  const month = Math.floor(random() * 72);
  const start = Date.UTC(2021, month, 1);
  if (random() < 0.2) return new Date(start);
  return new Date(start + Math.floor(random() * 31 * 24 * 3600 * 1000));
}

/**
 * One random change to the projection tables, as the handlers make them (members appear, move institution and
 * stage, register; activities arrive before or after their member and go again; mentoring relationships start,
 * end, and are supervision instead), with the roll-up brought up to date in its transaction.
 */
async function randomChange(
  manager: EntityManager,
  random: () => number,
  members: string[],
  institutions: string[],
) {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const member = pick(members);
  const kind = random();
  if (kind < 0.2) {
    await manager.query(
      `INSERT INTO engagement_member (member_id, institution_id, career_stage, registered_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (member_id) DO UPDATE SET institution_id = EXCLUDED.institution_id,
         career_stage = EXCLUDED.career_stage`,
      [member, pick(institutions), pick(CAREER_STAGES), random() < 0.8 ? instant(random) : null],
    );
  } else if (kind < 0.3) {
    await manager.query(`UPDATE engagement_member SET registered_at = $2 WHERE member_id = $1`, [
      member,
      instant(random),
    ]);
  } else if (kind < 0.65) {
    await manager.query(
      `INSERT INTO engagement_activity (member_id, activity, source_id, occurred_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [member, pick([...FLOW_STEPS, 'SUPERVISED']), String(Math.floor(random() * 6)), instant(random)],
    );
  } else if (kind < 0.75) {
    await manager.query(
      `DELETE FROM engagement_activity WHERE ctid IN (
         SELECT ctid FROM engagement_activity WHERE member_id = $1 ORDER BY activity, source_id LIMIT 1)`,
      [member],
    );
  } else if (kind < 0.9) {
    const started = random() < 0.85 ? instant(random) : null;
    const ended = random() < 0.5 ? null : instant(random);
    await manager.query(
      `INSERT INTO engagement_relationship (relationship_id, mentor_id, mentee_id, kind, status, started_at, ended_at)
       VALUES ($1, $2, $3, $4, 'ACTIVE', $5, $6)`,
      [randomUUID(), pick(members), member, random() < 0.8 ? 'MENTORING' : 'SUPERVISION', started, ended],
    );
  } else {
    await manager.query(
      `UPDATE engagement_relationship SET ended_at = $2 WHERE relationship_id IN (
         SELECT relationship_id FROM engagement_relationship WHERE mentee_id = $1 ORDER BY relationship_id LIMIT 1)`,
      [member, random() < 0.3 ? null : instant(random)],
    );
  }
  await applyFunnelChanges(manager);
}

describe('engagement funnel roll-up (real PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('engagement_rollup');
    dataSource = await openServiceDatabase({ url: db.url, ...engagementDatabase });
  }, 60000);

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it(`answers as the scan of members and activities does, over random histories (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    for (let round = 0; round < ROUNDS; round += 1) {
      const institutions = [randomUUID(), randomUUID(), randomUUID()];
      const members = Array.from({ length: 24 }, () => randomUUID());
      for (let step = 0; step < OPERATIONS; step += 1) {
        await dataSource.transaction((manager) => randomChange(manager, random, members, institutions));
      }
      const periods: Array<[Granularity, Bucket[]]> = GRANULARITIES.map((granularity) => {
        const from = instant(random);
        const to = new Date(Math.max(from.getTime() + 1, instant(random).getTime(), Date.UTC(2027, 0, 1)));
        return [granularity, bucketsCovering({ from, to }, granularity)];
      });
      for (const [granularity, buckets] of periods) {
        for (const institutionId of [null, ...institutions]) {
          for (const dimension of ['NONE', 'CAREER_STAGE', 'INSTITUTION'] as Dimension[]) {
            const scope = { institutionId, buckets, dimension };
            const [reference, rolled] = await dataSource.transaction('REPEATABLE READ', async (manager) => [
              await countFunnel(manager, scope),
              await rollupFunnel(manager, { ...scope, granularity }),
            ]);
            expect({ round, granularity, institutionId, dimension, counts: normalised(rolled) }).toEqual({
              round,
              granularity,
              institutionId,
              dimension,
              counts: normalised(reference),
            });
          }
        }
      }
    }
  }, 600000);

  it('keeps the roll-up a function of the rows: changes applied one by one equal a roll-up built at once', async () => {
    const cells = async () =>
      (
        (await dataSource.query(
          `SELECT (to_jsonb(f))::text AS row FROM engagement_funnel_rollup f ORDER BY 1`,
        )) as Array<{ row: string }>
      ).map((entry) => entry.row);
    const incremental = await cells();
    expect(incremental.length).toBeGreaterThan(0);
    const zero: unknown[] = await dataSource.query(`SELECT 1 FROM engagement_funnel_rollup WHERE value = 0`);
    expect(zero).toEqual([]);
    await dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM engagement_funnel_rollup`);
      await manager.query(`DELETE FROM engagement_funnel_member`);
      const ids: Array<{ member_id: string }> = await manager.query(
        `SELECT member_id FROM engagement_member ORDER BY member_id`,
      );
      await refreshFunnelMembers(
        manager,
        ids.map((row) => row.member_id),
      );
    });
    expect(await cells()).toEqual(incremental);
    const dirty: unknown[] = await dataSource.query(`SELECT 1 FROM engagement_funnel_dirty`);
    expect(dirty).toEqual([]);
  }, 120000);

  it('builds the same roll-up and snapshots from the tables in chunks (buildFunnelRollup, as a rebuild does)', async () => {
    const table = async (name: string) =>
      (
        (await dataSource.query(`SELECT (to_jsonb(t))::text AS row FROM ${name} t ORDER BY 1`)) as Array<{
          row: string;
        }>
      ).map((entry) => entry.row);
    const cells = await table('engagement_funnel_rollup');
    const snapshots = await table('engagement_funnel_member');
    expect(cells.length).toBeGreaterThan(0);
    // every member has a snapshot, those with no activity or mentoring too
    const [{ members }] = (await dataSource.query(
      `SELECT count(*)::int AS members FROM engagement_member`,
    )) as Array<{ members: number }>;
    expect(snapshots.length).toBe(members);
    const built = await dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM engagement_funnel_rollup`);
      await manager.query(`DELETE FROM engagement_funnel_member`);
      // chunks of 7: members, their activities and mentoring cut at every chunk's edges
      return buildFunnelRollup(manager, 7);
    });
    expect(built).toBe(members);
    expect(await table('engagement_funnel_rollup')).toEqual(cells);
    expect(await table('engagement_funnel_member')).toEqual(snapshots);
  }, 120000);

  it('applies concurrent runs on the same hot cells (one institution, month and stage) without deadlock or lost counts', async () => {
    const registered = projectionHandlers(null).find(
      (handler) => handler.contract.topic === MemberRegisteredV1.topic,
    );
    const handleBatch = registered?.handleBatch;
    if (!handleBatch) throw new Error('no batch handler for member registrations');
    const institution = randomUUID();
    const registration = (memberId: string, careerStage: CareerStage, sequence: number, day: number) =>
      createEvent(
        MemberRegisteredV1,
        { aggregateId: memberId, actorId: null, correlationId: randomUUID(), sequence },
        {
          memberId,
          displayName: 'Member',
          careerStage,
          institutionId: institution,
          specialty: null,
          interests: [],
          registeredAt: `2026-03-${String(day).padStart(2, '0')}T10:00:00Z`,
        },
      );
    // eight partitions' workers, each applying runs of ten registrations in transactions of their own, at once:
    // every run moves the same institution's, network's and stage's cells of March 2026
    const partitions = Array.from({ length: 8 }, () => Array.from({ length: 30 }, () => randomUUID()));
    const applyRuns = (runs: Array<Array<ReturnType<typeof registration>>>) =>
      Promise.all(
        runs.map(async (events) => {
          for (let at = 0; at < events.length; at += 10) {
            const run = events.slice(at, at + 10);
            await dataSource.transaction(async (manager) => {
              await manager.query(
                `INSERT INTO inbox (consumer_group, event_id, topic) SELECT $1, unnest($2::uuid[]), $3`,
                [PROJECTIONS_GROUP, run.map((event) => event.eventId), MemberRegisteredV1.topic],
              );
              await handleBatch(run, manager, { groupId: PROJECTIONS_GROUP });
            });
          }
        }),
      );
    await applyRuns(
      partitions.map((members) => members.map((id, i) => registration(id, 'RESIDENT', 1, 1 + (i % 28)))),
    );
    // then every other member moves stage and registration day (their old cells out, the new in), beside new ones
    await applyRuns(
      partitions.map((members) => [
        ...members.filter((_, i) => i % 2 === 0).map((id) => registration(id, 'FOUNDATION_DOCTOR', 2, 15)),
        ...Array.from({ length: 10 }, () => registration(randomUUID(), 'RESIDENT', 1, 20)),
      ]),
    );
    const buckets = bucketsCovering({ from: new Date('2026-01-01Z'), to: new Date('2027-01-01Z') }, 'MONTH');
    for (const [institutionId, dimension] of [
      [institution, 'NONE'],
      [institution, 'CAREER_STAGE'],
      [null, 'CAREER_STAGE'],
    ] as Array<[string | null, Dimension]>) {
      const scope = { institutionId, buckets, dimension };
      const [reference, rolled] = await dataSource.transaction('REPEATABLE READ', async (manager) => [
        await countFunnel(manager, scope),
        await rollupFunnel(manager, { ...scope, granularity: 'MONTH' }),
      ]);
      expect(normalised(rolled)).toEqual(normalised(reference));
    }
    const scope = { institutionId: institution, buckets, dimension: 'CAREER_STAGE' as const };
    const rolled = normalised(
      await dataSource.transaction((manager) => rollupFunnel(manager, { ...scope, granularity: 'MONTH' })),
    );
    // 240 + 80 members by the end of March: 120 moved to FOUNDATION_DOCTOR, 200 still RESIDENT
    expect([rolled['2|RESIDENT|MEMBERS'], rolled['2|FOUNDATION_DOCTOR|MEMBERS']]).toEqual([200, 120]);
  }, 120000);

  it("counts a member's activity whose transaction ran beside the one that made the member", async () => {
    const member = randomUUID();
    const institution = randomUUID();
    const first = dataSource.createQueryRunner();
    const second = dataSource.createQueryRunner();
    await first.startTransaction();
    await second.startTransaction();
    try {
      await first.query(
        `INSERT INTO engagement_member (member_id, institution_id, career_stage, registered_at)
         VALUES ($1, $2, 'RESIDENT', '2026-02-03Z')`,
        [member, institution],
      );
      await applyFunnelChanges(first);
      await second.query(
        `INSERT INTO engagement_activity (member_id, activity, source_id, occurred_at)
         VALUES ($1, 'SUBMITTED', 'entry', '2026-02-10Z')`,
        [member],
      );
      // the second refresh of the member waits for the first to commit, then sees its member row
      const second$ = applyFunnelChanges(second);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await first.commitTransaction();
      await second$;
      await second.commitTransaction();
    } finally {
      await first.release();
      await second.release();
    }
    const buckets = bucketsCovering({ from: new Date('2026-01-01Z'), to: new Date('2026-04-01Z') }, 'MONTH');
    const scope = { institutionId: institution, buckets, dimension: 'NONE' as const };
    const [reference, rolled] = await dataSource.transaction('REPEATABLE READ', async (manager) => [
      await countFunnel(manager, scope),
      await rollupFunnel(manager, { ...scope, granularity: 'MONTH' }),
    ]);
    expect(normalised(reference)).toEqual({ '1|ALL|MEMBERS': 1, '1|ALL|SUBMITTED': 1, '2|ALL|MEMBERS': 1 });
    expect(normalised(rolled)).toEqual(normalised(reference));
  }, 60000);
});
