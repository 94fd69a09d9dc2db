import { randomUUID } from 'node:crypto';
import type { SubgraphHarness } from '@praxis/platform/testing';
import { addDays, isoWeekOf, utilisationByPeriod } from '@praxis/funding/domain';
import { ADMIN, addMember, errorCode, leadOf, startFunding } from '../testing/funding.fixtures';

const INSTITUTION_UTILISATION = `query I($i: ID!, $from: String!, $to: String!) { institutionUtilisation(institutionId: $i, from: $from, to: $to) {
  institutionId weeks { week members allocatedHours loggedHours utilisation complete } } }`;

interface Week {
  week: string;
  members: number;
  allocatedHours: number;
  loggedHours: number;
  utilisation: number | null;
  complete: boolean;
}

/**
 * An institution's weekly utilisation, from one statement over the weekly roll-up, against the domain's
 * per-member utilisation summed: prorated starts, a mid-week change, two awards covering the same days, logs
 * outside any allocation, a proposed allocation, another institution's member, and entries edited and deleted
 * after the roll-up saw them.
 */
describe('funding: institution utilisation', () => {
  let subgraph: SubgraphHarness;
  const institution = randomUUID();
  const other = randomUUID();
  const range = { from: '2026-01-07', to: '2026-03-29' }; // a Wednesday to a Sunday, twelve weeks
  let members: string[];
  const allocations: Array<{
    memberId: string;
    weeklyMinutes: number;
    from: string;
    to: string;
    status: string;
  }> = [];

  beforeAll(async () => {
    subgraph = await startFunding();
    members = [
      await addMember(subgraph, institution),
      await addMember(subgraph, institution),
      await addMember(subgraph, institution),
      await addMember(subgraph, other),
    ];
    const [a, b, c, d] = members;
    allocations.push(
      { memberId: a, weeklyMinutes: 480, from: '2026-01-15', to: '2026-06-30', status: 'APPROVED' },
      // a second award over part of the same days: its days count once for the logs, twice for the allocation
      { memberId: a, weeklyMinutes: 120, from: '2026-02-02', to: '2026-02-20', status: 'APPROVED' },
      { memberId: b, weeklyMinutes: 240, from: '2025-12-01', to: '2026-02-11', status: 'APPROVED' },
      { memberId: b, weeklyMinutes: 360, from: '2026-02-12', to: '2026-12-31', status: 'APPROVED' },
      { memberId: b, weeklyMinutes: 900, from: '2026-01-01', to: '2026-12-31', status: 'PROPOSED' },
      { memberId: c, weeklyMinutes: 600, from: '2026-03-01', to: '2026-03-20', status: 'APPROVED' },
      { memberId: d, weeklyMinutes: 600, from: '2026-01-01', to: '2026-12-31', status: 'APPROVED' },
    );
    for (const allocation of allocations) {
      await subgraph.dataSource.query(
        `INSERT INTO allocation (award_id, member_id, institution_id, weekly_minutes, unit, from_day, to_day, status)
         VALUES ($1, $2, $3, $4, 'HOURS', $5, $6, $7)`,
        [
          randomUUID(),
          allocation.memberId,
          allocation.memberId === d ? other : institution,
          allocation.weeklyMinutes,
          allocation.from,
          allocation.to,
          allocation.status,
        ],
      );
    }
    // every member logs on most days from late December to April, some days twice
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const entries: Array<[string, string, number]> = [];
    for (const memberId of members) {
      for (let day = '2025-12-22'; day <= '2026-04-12'; day = addDays(day, 1)) {
        if (next() % 5 === 0) continue;
        entries.push([memberId, day, 15 * (1 + (next() % 16))]);
        if (next() % 4 === 0) entries.push([memberId, day, 15 * (1 + (next() % 4))]);
      }
    }
    await subgraph.dataSource.query(
      `INSERT INTO time_log (member_id, day, minutes, activity)
       SELECT m, d, n, 'RESEARCH' FROM unnest($1::uuid[], $2::date[], $3::int[]) AS e(m, d, n)`,
      [entries.map((e) => e[0]), entries.map((e) => e[1]), entries.map((e) => e[2])],
    );
    // edits after the roll-up counted them: a day moved, minutes changed, an entry deleted
    await subgraph.dataSource.query(
      `UPDATE time_log SET day = day + 3 WHERE id IN (SELECT id FROM time_log WHERE member_id = $1 ORDER BY day LIMIT 5)`,
      [a],
    );
    await subgraph.dataSource.query(
      `UPDATE time_log SET minutes = 600 WHERE id IN (SELECT id FROM time_log WHERE member_id = $1 AND day > '2026-02-01' ORDER BY day LIMIT 5)`,
      [b],
    );
    await subgraph.dataSource.query(
      `DELETE FROM time_log WHERE id IN (SELECT id FROM time_log WHERE member_id = $1 AND day > '2026-03-01' ORDER BY day LIMIT 4)`,
      [c],
    );
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it("sums the institution's members' weeks exactly as the domain counts each member", async () => {
    const result = await subgraph.execute<{
      institutionUtilisation: { institutionId: string; weeks: Week[] };
    }>(leadOf(institution), INSTITUTION_UTILISATION, { i: institution, ...range });
    expect(result.errors).toBeUndefined();
    const weeks = result.data?.institutionUtilisation.weeks ?? [];

    const logs: Array<{ member_id: string; day: string; minutes: number }> = await subgraph.dataSource.query(
      `SELECT member_id, day::text AS day, sum(minutes)::int AS minutes FROM time_log GROUP BY member_id, day`,
    );
    const expected = new Map<string, { members: number; minuteDays: number; logged: number }>();
    for (const memberId of members.slice(0, 3)) {
      const rows = utilisationByPeriod(
        allocations.filter((a) => a.memberId === memberId && a.status === 'APPROVED'),
        logs
          .filter((log) => log.member_id === memberId)
          .map((log) => ({ date: log.day, minutes: log.minutes })),
        range,
        '2026-12-01',
        'WEEK',
      );
      for (const row of rows) {
        const sum = expected.get(row.period.key) ?? { members: 0, minuteDays: 0, logged: 0 };
        expected.set(row.period.key, {
          members: sum.members + (row.allocatedMinuteDays > 0 ? 1 : 0),
          minuteDays: sum.minuteDays + row.allocatedMinuteDays,
          logged: sum.logged + row.loggedMinutes,
        });
      }
    }
    expect(weeks.map((week) => week.week)).toEqual([...expected.keys()]);
    expect(weeks).toHaveLength(12);
    for (const week of weeks) {
      const sum = expected.get(week.week);
      expect({
        week: week.week,
        members: week.members,
        allocated: week.allocatedHours,
        logged: week.loggedHours,
      }).toEqual({
        week: week.week,
        members: sum?.members,
        allocated: (sum?.minuteDays ?? 0) / 7 / 60,
        logged: (sum?.logged ?? 0) / 60,
      });
      expect(week.complete).toBe(true);
      if (sum?.minuteDays) expect(week.utilisation).toBeCloseTo((sum.logged * 7) / sum.minuteDays, 12);
    }
    // the first week is cut by the range (from Wednesday) and member a's start; nobody has time before b's
    expect(weeks[0]).toMatchObject({ week: isoWeekOf(range.from).key, members: 1 });
    expect(weeks[0].allocatedHours).toBeCloseTo((240 * 5) / 7 / 60, 12);
    // the roll-up holds what the entries hold after edits and deletes
    const [drift] = await subgraph.dataSource.query(
      `SELECT count(*)::int AS n FROM time_log_week w FULL JOIN (
         SELECT member_id, day - (extract(isodow FROM day)::int - 1) AS week_start, sum(minutes)::int AS minutes
           FROM time_log GROUP BY 1, 2) t USING (member_id, week_start)
        WHERE w.minutes IS DISTINCT FROM t.minutes AND coalesce(w.minutes, 0) <> coalesce(t.minutes, 0)`,
    );
    expect(drift.n).toBe(0);
  });

  it("is for the institution's leads and admins only, and names a bad range's field", async () => {
    const variables = { i: institution, ...range };
    expect((await subgraph.execute(ADMIN, INSTITUTION_UTILISATION, variables)).errors).toBeUndefined();
    for (const caller of [leadOf(other), { memberId: members[0] }]) {
      expect(errorCode(await subgraph.execute(caller, INSTITUTION_UTILISATION, variables))).toBe('FORBIDDEN');
    }
    const backwards = await subgraph.execute(leadOf(institution), INSTITUTION_UTILISATION, {
      ...variables,
      from: '2026-03-01',
      to: '2026-02-01',
    });
    expect(errorCode(backwards)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(backwards.errors)).toContain('to');
    const notADate = await subgraph.execute(ADMIN, INSTITUTION_UTILISATION, {
      ...variables,
      from: '1 March',
    });
    expect(errorCode(notADate)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(notADate.errors)).toContain('from');
  });
});
