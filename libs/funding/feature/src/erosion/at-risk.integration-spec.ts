import { randomUUID } from 'node:crypto';
import type { SubgraphHarness } from '@praxis/platform/testing';
import { ADMIN, addMember, offerAward, outboxPayloads, startFunding } from '../testing/funding.fixtures';
import { ErosionService } from './erosion.service';

const AT_RISK = `query R($first: Int, $after: String) { atRiskMembers(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { member { id } episodeStartedWeek firstLowWeek flaggedAt } } } }`;

interface AtRiskPage {
  atRiskMembers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { member: { id: string }; episodeStartedWeek: string; firstLowWeek: string } }>;
  };
}

/** Mondays 06:00 UTC, as the scheduler ticks: the week before each is complete. */
const tick = (day: string) => new Date(`${day}T06:00:00Z`);

/**
 * The weekly AT_RISK check against real PostgreSQL: the flag it stores, the events it publishes once per episode
 * (and never twice for a rerun of the same tick), and who may list the flagged members. The scheduler's own
 * test covers that two replicas never run the same tick.
 */
describe('funding: the weekly at-risk check', () => {
  let subgraph: SubgraphHarness;
  let erosion: ErosionService;
  const admin = ADMIN;
  const [institutionA, institutionB] = [randomUUID(), randomUUID()];
  const leadA = { memberId: randomUUID(), roles: [{ role: 'lead' as const, institutionId: institutionA }] };
  const leadB = { memberId: randomUUID(), roles: [{ role: 'lead' as const, institutionId: institutionB }] };
  const supervisor = randomUUID();
  const [pi, colleague, steady] = [randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    subgraph = await startFunding();
    erosion = subgraph.app.get(ErosionService);
    for (const memberId of [pi, colleague, steady]) await addMember(subgraph, institutionA, memberId);
    const awardId = await offerAward(subgraph, {
      pi,
      team: [colleague, steady],
      startsOn: '2026-01-05',
      endsOn: '2026-12-27',
    });
    await subgraph.dataSource.query(`UPDATE award SET supervisor_id = $1 WHERE id = $2`, [
      supervisor,
      awardId,
    ]);
    // 10 hours a week from Monday 5 January; weeks W02-W04 at 100 %, W05-W07 at 20 %, W08 at 80 %
    for (const memberId of [pi, colleague, steady]) {
      await subgraph.dataSource.query(
        `INSERT INTO allocation (award_id, member_id, institution_id, weekly_minutes, unit, from_day, to_day, status)
         VALUES ($1, $2, $3, 600, 'HOURS', '2026-01-05', '2026-12-27', 'APPROVED')`,
        [awardId, memberId, institutionA],
      );
      const weekly = (monday: string, minutes: number) =>
        subgraph.dataSource.query(
          `INSERT INTO time_log (member_id, day, minutes, activity, note) VALUES ($1, $2, $3, 'RESEARCH', 'private note')`,
          [memberId, monday, minutes],
        );
      for (const monday of ['2026-01-05', '2026-01-12', '2026-01-19']) await weekly(monday, 600);
      for (const monday of ['2026-01-26', '2026-02-02', '2026-02-09']) {
        await weekly(monday, memberId === steady ? 600 : 120);
      }
      await weekly('2026-02-16', memberId === colleague ? 120 : 480);
    }
  }, 90000);

  afterAll(async () => {
    await subgraph?.close();
  });

  const events = (topic: string) => outboxPayloads(subgraph, topic);

  async function listed(caller: Parameters<SubgraphHarness['execute']>[0]): Promise<string[]> {
    const result = await subgraph.execute<AtRiskPage>(caller, AT_RISK, { first: 100 });
    expect(result.errors).toBeUndefined();
    return (result.data?.atRiskMembers.edges ?? []).map((edge) => edge.node.member.id).sort();
  }

  it('flags a member on the week that completes the streak, once, and lists them to those who may see them', async () => {
    // two low weeks complete: nothing yet
    expect(await erosion.flagAtRisk({ tick: tick('2026-02-09') })).toEqual({
      assessed: 3,
      started: 0,
      recovered: 0,
    });
    expect(await events('funding.protected-time.at-risk.v1')).toEqual([]);

    expect(await erosion.flagAtRisk({ tick: tick('2026-02-16') })).toMatchObject({
      started: 2,
      recovered: 0,
    });
    // a rerun of the same tick (an operator, or a replica that lost its record) publishes nothing again
    expect(await erosion.flagAtRisk({ tick: tick('2026-02-16') })).toMatchObject({
      started: 0,
      recovered: 0,
    });
    const started = await events('funding.protected-time.at-risk.v1');
    expect(started).toHaveLength(2);
    expect(started.map((payload) => payload.memberId).sort()).toEqual([pi, colleague].sort());
    expect(started[0]).toMatchObject({
      institutionId: institutionA,
      episodeStartedWeek: '2026-W07',
      firstLowWeek: '2026-W05',
      thresholdPercent: 50,
      consecutiveWeeks: 3,
    });
    expect(JSON.stringify(started)).not.toContain('private');

    expect(await listed(admin)).toEqual([pi, colleague].sort());
    expect(await listed(leadA)).toEqual([pi, colleague].sort());
    expect(await listed({ memberId: supervisor })).toEqual([pi]);
    expect(await listed({ memberId: colleague })).toEqual([colleague]);
    expect(await listed(leadB)).toEqual([]);
    expect(await listed({ memberId: steady })).toEqual([]);

    const first = await subgraph.execute<AtRiskPage>(leadA, AT_RISK, { first: 1 });
    expect(first.data?.atRiskMembers).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const second = await subgraph.execute<AtRiskPage>(leadA, AT_RISK, {
      first: 1,
      after: first.data?.atRiskMembers.pageInfo.endCursor,
    });
    expect(second.data?.atRiskMembers.pageInfo.hasNextPage).toBe(false);
    expect([first, second].map((page) => page.data?.atRiskMembers.edges[0]?.node.member.id).sort()).toEqual(
      [pi, colleague].sort(),
    );
  });

  it('publishes the recovery once when a complete week is back at the threshold, and drops the flag', async () => {
    expect(await erosion.flagAtRisk({ tick: tick('2026-02-23') })).toMatchObject({
      started: 0,
      recovered: 1,
    });
    expect(await erosion.flagAtRisk({ tick: tick('2026-02-23') })).toMatchObject({
      started: 0,
      recovered: 0,
    });
    const recovered = await events('funding.protected-time.recovered.v1');
    expect(recovered).toEqual([
      expect.objectContaining({ memberId: pi, episodeStartedWeek: '2026-W07', recoveredWeek: '2026-W08' }),
    ]);
    expect(await listed(admin)).toEqual([colleague]);
    expect(await listed({ memberId: supervisor })).toEqual([]);
    // the colleague's episode goes on: no second start event
    expect(await events('funding.protected-time.at-risk.v1')).toHaveLength(2);
  });
});
