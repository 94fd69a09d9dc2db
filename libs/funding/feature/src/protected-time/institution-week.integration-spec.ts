import { randomUUID } from 'node:crypto';
import { seededRandom, waitFor, type SubgraphHarness } from '@praxis/platform/testing';
import { addDays, isoWeekOf, utilisationByPeriod } from '@praxis/funding/domain';
import { addMember, leadOf, startFunding } from '../testing/funding.fixtures';

const FIRST_MONDAY = '2026-01-05';
const LAST_SUNDAY = '2026-05-31';
const TODAY = '2026-11-30';

interface WeekSum {
  members: number;
  minuteDays: number;
  logged: number;
}

const INSTITUTION_UTILISATION = `query I($i: ID!, $from: String!, $to: String!) { institutionUtilisation(institutionId: $i, from: $from, to: $to) {
  weeks { week members allocatedHours loggedHours } } }`;

/**
 * `institution_week` (an institution's whole weeks, kept by triggers on time_log, allocation and member_replica)
 * against the domain's per-member utilisation summed over the members each institution has now, after random
 * writes of every kind; and two writers on one institution-week in overlapping transactions, both counted.
 */
describe('funding: the institution-week roll-up', () => {
  let subgraph: SubgraphHarness;

  beforeAll(async () => {
    subgraph = await startFunding();
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  /** Each institution's weeks as the domain counts its members now (weeks with approved time only). */
  async function expectedWeeks(institutions: string[]): Promise<Map<string, WeekSum>> {
    const members: Array<{ member_id: string; institution_id: string }> = await subgraph.dataSource.query(
      `SELECT member_id, institution_id::text FROM member_replica WHERE institution_id = ANY($1::uuid[])`,
      [institutions],
    );
    const expected = new Map<string, WeekSum>();
    for (const member of members) {
      const allocations: Array<{ weeklyMinutes: number; from: string; to: string }> =
        await subgraph.dataSource.query(
          `SELECT weekly_minutes AS "weeklyMinutes", from_day::text AS "from", to_day::text AS "to"
             FROM allocation WHERE member_id = $1 AND status = 'APPROVED'`,
          [member.member_id],
        );
      const logs: Array<{ date: string; minutes: number }> = await subgraph.dataSource.query(
        `SELECT day::text AS date, sum(minutes)::int AS minutes FROM time_log WHERE member_id = $1 GROUP BY day`,
        [member.member_id],
      );
      const rows = utilisationByPeriod(
        allocations,
        logs,
        { from: FIRST_MONDAY, to: LAST_SUNDAY },
        TODAY,
        'WEEK',
      );
      for (const row of rows) {
        if (row.allocatedMinuteDays === 0) continue;
        const key = `${member.institution_id} ${row.period.key}`;
        const sum = expected.get(key) ?? { members: 0, minuteDays: 0, logged: 0 };
        expected.set(key, {
          members: sum.members + 1,
          minuteDays: sum.minuteDays + row.allocatedMinuteDays,
          logged: sum.logged + row.loggedMinutes,
        });
      }
    }
    return expected;
  }

  async function rolledUpWeeks(institutions: string[]): Promise<Map<string, WeekSum>> {
    const rows: Array<{ institution_id: string; week_start: string } & WeekSum> =
      await subgraph.dataSource.query(
        `SELECT institution_id::text, week_start::text, members, allocated_minute_days::int AS "minuteDays",
              logged_minutes::int AS logged
         FROM institution_week
        WHERE institution_id = ANY($1::uuid[]) AND (members, allocated_minute_days, logged_minutes) <> (0, 0, 0)`,
        [institutions],
      );
    return new Map(
      rows.map((row) => [
        `${row.institution_id} ${isoWeekOf(row.week_start).key}`,
        { members: row.members, minuteDays: row.minuteDays, logged: row.logged },
      ]),
    );
  }

  it.each([11, 29, 83])(
    'equals the per-member computation after random logs, edits, deletions, approvals, changes, rejections and moves (seed %i)',
    async (seed) => {
      const random = seededRandom(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
      const dayIn = (from: string, days: number) => addDays(from, Math.floor(random() * days));
      const institutions = [randomUUID(), randomUUID(), randomUUID()];
      const members: string[] = [];
      for (let i = 0; i < 9; i += 1) members.push(await addMember(subgraph, institutions[i % 3]));
      const query = (sql: string, parameters: unknown[]) => subgraph.dataSource.query(sql, parameters);
      for (let step = 0; step < 260; step += 1) {
        const member = pick(members);
        const roll = random();
        if (roll < 0.12) {
          const from = dayIn(FIRST_MONDAY, 120);
          await query(
            `INSERT INTO allocation (award_id, member_id, weekly_minutes, unit, from_day, to_day, status)
             VALUES ($1, $2, $3, 'HOURS', $4, $5, $6)`,
            [
              randomUUID(),
              member,
              15 * (4 + Math.floor(random() * 60)),
              from,
              addDays(from, Math.floor(random() * 40)),
              pick(['APPROVED', 'PROPOSED', 'PROPOSED']),
            ],
          );
        } else if (roll < 0.2) {
          // approve, reject or supersede one of the member's allocations, or end it early (a change approved)
          const [allocation] = await query(
            `SELECT id, from_day::text AS from_day, to_day::text AS to_day FROM allocation WHERE member_id = $1
              ORDER BY random() LIMIT 1`,
            [member],
          );
          if (!allocation) continue;
          const change = pick(['APPROVED', 'REJECTED', 'SUPERSEDED', 'END']);
          if (change === 'END') {
            await query(`UPDATE allocation SET to_day = greatest(from_day, to_day - $2::int) WHERE id = $1`, [
              allocation.id,
              1 + Math.floor(random() * 20),
            ]);
          } else {
            await query(`UPDATE allocation SET status = $2 WHERE id = $1`, [allocation.id, change]);
          }
        } else if (roll < 0.7) {
          await query(
            `INSERT INTO time_log (member_id, day, minutes, activity) VALUES ($1, $2, $3, 'RESEARCH')`,
            [member, dayIn(addDays(FIRST_MONDAY, -3), 150), 15 * (1 + Math.floor(random() * 24))],
          );
        } else if (roll < 0.85) {
          await query(
            `UPDATE time_log SET day = day + $2::int, minutes = $3
              WHERE id = (SELECT id FROM time_log WHERE member_id = $1 ORDER BY random() LIMIT 1)`,
            [member, Math.floor(random() * 21) - 10, 15 * (1 + Math.floor(random() * 24))],
          );
        } else if (roll < 0.95) {
          await query(
            `DELETE FROM time_log WHERE id = (SELECT id FROM time_log WHERE member_id = $1 ORDER BY random() LIMIT 1)`,
            [member],
          );
        } else {
          // the member moves (the replica's upsert, as membership's profile event applies it)
          await query(
            `INSERT INTO member_replica (member_id, display_name, career_stage, institution_id, interests)
             VALUES ($1, 'Someone', 'RESIDENT', $2, '{}')
             ON CONFLICT (member_id) DO UPDATE SET institution_id = EXCLUDED.institution_id`,
            [member, pick(institutions)],
          );
        }
      }

      const expected = await expectedWeeks(institutions);
      expect(expected.size).toBeGreaterThan(20);
      expect(Object.fromEntries(await rolledUpWeeks(institutions))).toEqual(Object.fromEntries(expected));

      // and through GraphQL, with a range cut at both ends (from a Wednesday to a Friday)
      const range = { from: addDays(FIRST_MONDAY, 16), to: addDays(LAST_SUNDAY, -23) };
      const institution = institutions[0];
      const result = await subgraph.execute<{
        institutionUtilisation: {
          weeks: Array<{ week: string; members: number; allocatedHours: number; loggedHours: number }>;
        };
      }>(leadOf(institution), INSTITUTION_UTILISATION, { i: institution, ...range });
      expect(result.errors).toBeUndefined();
      const members0: Array<{ member_id: string }> = await query(
        `SELECT member_id FROM member_replica WHERE institution_id = $1`,
        [institution],
      );
      const perMember = new Map<string, WeekSum>();
      for (const { member_id } of members0) {
        const allocations = await query(
          `SELECT weekly_minutes AS "weeklyMinutes", from_day::text AS "from", to_day::text AS "to"
             FROM allocation WHERE member_id = $1 AND status = 'APPROVED'`,
          [member_id],
        );
        const logs = await query(
          `SELECT day::text AS date, sum(minutes)::int AS minutes FROM time_log WHERE member_id = $1 GROUP BY day`,
          [member_id],
        );
        for (const row of utilisationByPeriod(allocations, logs, range, TODAY, 'WEEK')) {
          const sum = perMember.get(row.period.key) ?? { members: 0, minuteDays: 0, logged: 0 };
          perMember.set(row.period.key, {
            members: sum.members + (row.allocatedMinuteDays > 0 ? 1 : 0),
            minuteDays: sum.minuteDays + row.allocatedMinuteDays,
            logged: sum.logged + row.loggedMinutes,
          });
        }
      }
      const weeks = result.data?.institutionUtilisation.weeks ?? [];
      expect(weeks.map((week) => week.week)).toEqual([...perMember.keys()]);
      for (const week of weeks) {
        const sum = perMember.get(week.week);
        expect(week.members).toBe(sum?.members);
        expect(week.allocatedHours).toBeCloseTo((sum?.minuteDays ?? 0) / 7 / 60, 9);
        expect(week.loggedHours).toBeCloseTo((sum?.logged ?? 0) / 60, 9);
      }
    },
    120000,
  );

  it('counts both of two writers on one institution-week whose transactions overlap', async () => {
    const institution = randomUUID();
    const [a, b] = [await addMember(subgraph, institution), await addMember(subgraph, institution)];
    for (const member of [a, b]) {
      await subgraph.dataSource.query(
        `INSERT INTO allocation (award_id, member_id, weekly_minutes, unit, from_day, to_day, status)
         VALUES ($1, $2, 600, 'HOURS', '2026-03-02', '2026-03-29', 'APPROVED')`,
        [randomUUID(), member],
      );
    }
    const logged = async () =>
      (
        await subgraph.dataSource.query(
          `SELECT logged_minutes::int AS n FROM institution_week WHERE institution_id = $1 AND week_start = '2026-03-09'`,
          [institution],
        )
      )[0]?.n;
    const one = subgraph.dataSource.createQueryRunner();
    const two = subgraph.dataSource.createQueryRunner();
    try {
      await one.startTransaction();
      await two.startTransaction();
      await one.query(
        `INSERT INTO time_log (member_id, day, minutes, activity) VALUES ($1, '2026-03-10', 60, 'RESEARCH')`,
        [a],
      );
      const [{ pid }] = await two.query(`SELECT pg_backend_pid() AS pid`);
      // b's entry waits for the week's row the first writer holds, then adds to what that writer committed
      const second = two.query(
        `INSERT INTO time_log (member_id, day, minutes, activity) VALUES ($1, '2026-03-11', 90, 'RESEARCH')`,
        [b],
      );
      await waitFor(
        async () =>
          (
            await subgraph.dataSource.query(
              `SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`,
              [pid],
            )
          ).length > 0,
        { description: 'the second writer waiting for the institution week' },
      );
      await one.commitTransaction();
      await second;
      await two.commitTransaction();
    } finally {
      await one.release();
      await two.release();
    }
    expect(await logged()).toBe(150);

    // a burst: 24 entries of both members in parallel transactions, an approval of more time for a among them
    await Promise.all([
      ...Array.from({ length: 24 }, (_, i) =>
        subgraph.dataSource.transaction((manager) =>
          manager.query(
            `INSERT INTO time_log (member_id, day, minutes, activity) VALUES ($1, $2, 15, 'RESEARCH')`,
            [i % 2 ? a : b, `2026-03-${String(9 + (i % 7)).padStart(2, '0')}`],
          ),
        ),
      ),
      subgraph.dataSource.query(
        `INSERT INTO allocation (award_id, member_id, weekly_minutes, unit, from_day, to_day, status)
         VALUES ($1, $2, 120, 'HOURS', '2026-03-12', '2026-03-12', 'APPROVED')`,
        [randomUUID(), a],
      ),
    ]);
    expect(await logged()).toBe(150 + 24 * 15);
    const [rebuilt] = await subgraph.dataSource.query(
      `SELECT count(*)::int AS members, sum(s.allocated_minute_days)::int AS minute_days, sum(s.logged_minutes)::int AS logged
         FROM member_replica m CROSS JOIN LATERAL member_week_shares(m.member_id, '2026-03-09', '2026-03-09') s
        WHERE m.institution_id = $1`,
      [institution],
    );
    const [kept] = await subgraph.dataSource.query(
      `SELECT members, allocated_minute_days::int AS minute_days, logged_minutes::int AS logged
         FROM institution_week WHERE institution_id = $1 AND week_start = '2026-03-09'`,
      [institution],
    );
    expect(kept).toEqual(rebuilt);
    expect(kept).toEqual({ members: 2, minute_days: 600 * 7 * 2 + 120, logged: 150 + 24 * 15 });
  });
});
