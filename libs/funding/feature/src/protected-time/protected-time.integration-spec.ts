import { randomUUID } from 'node:crypto';
import type { SubgraphHarness } from '@praxis/platform/testing';
import { addDays, dayInZone, isoWeekOf } from '@praxis/funding/domain';
import {
  ADMIN,
  addMember,
  errorCode,
  leadOf,
  offerAward,
  outboxPayloads,
  startFunding,
} from '../testing/funding.fixtures';
import { ErosionService } from '../erosion/erosion.service';

const ALLOCATE = `mutation A($input: AllocateProtectedTimeInput!) { allocateProtectedTime(input: $input) { id status weeklyHours weeklyProgrammedActivities unit from to } }`;
const CHANGE = `mutation C($id: ID!, $input: ChangeProtectedTimeInput!) { changeProtectedTime(allocationId: $id, input: $input) { id status weeklyHours from to replacesAllocationId } }`;
const APPROVE = `mutation P($id: ID!) { approveProtectedTime(allocationId: $id) { id status } }`;
const TIME = `query T($id: ID!) { award(id: $id) { protectedTime { id status weeklyHours from to } } }`;
const WEEK = `mutation W($input: LogWeekInput!) { logTimeWeek(input: $input) { date hours activity } }`;
const UTILISATION = `query U($m: ID!, $from: String!, $to: String!) { memberUtilisation(memberId: $m, from: $from, to: $to) {
  notesLogged weeks { week loggedHours } months { month allocatedHours loggedHours complete } } }`;
const EFFORT = `query E($a: ID!, $m: ID!) { effortStatements(awardId: $a, memberId: $m) { periodIndex periodStart periodEnd
  allocatedHours loggedHours byActivity { activity hours } certification { certifiedOn matchesCurrentFigures } } }`;
const LOG = `mutation L($input: LogTimeInput!) { logTime(input: $input) { id date hours editableUntil } }`;
const EDIT = `mutation E($id: ID!, $input: LogTimeInput!) { editTimeLog(entryId: $id, input: $input) { id date hours activity note editableUntil } }`;
const DELETE = `mutation D($id: ID!) { deleteTimeLog(entryId: $id) }`;
const MINE = `query M($from: String!, $to: String!) { myTimeLogs(from: $from, to: $to) { id date hours activity note } }`;
const REJECT = `mutation R($id: ID!, $reason: String!) { rejectProtectedTime(allocationId: $id, reason: $reason) { id status decisionReason } }`;
const CERTIFY = `mutation C($a: ID!, $i: Int!) { certifyEffort(awardId: $a, periodIndex: $i) { periodIndex certification { figuresDigest matchesCurrentFigures } } }`;

interface Allocation {
  id: string;
  status: string;
  weeklyHours: number;
  from: string;
  to: string;
}

/** Allocation by admins and PIs, mid-period changes, bulk week logging, monthly utilisation, effort statements. */
describe('funding: protected time allocation, week logging and effort statements', () => {
  let subgraph: SubgraphHarness;
  const institution = randomUUID();
  const lead = leadOf(institution);

  beforeAll(async () => {
    subgraph = await startFunding();
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('lets an admin allocate time to a team member, and changes it mid-period once approved', async () => {
    const [pi, teammate] = [await addMember(subgraph, institution), await addMember(subgraph, institution)];
    const awardId = await offerAward(subgraph, {
      pi,
      team: [teammate],
      startsOn: '2027-01-04',
      endsOn: '2027-12-26',
    });
    const input = {
      awardId,
      memberId: teammate,
      weekly: { unit: 'PROGRAMMED_ACTIVITIES', amount: 1 },
      from: '2027-01-04',
      to: '2027-12-26',
    };
    // only on accepted or active awards
    expect(errorCode(await subgraph.execute(ADMIN, ALLOCATE, { input }))).toBe('FAILED_PRECONDITION');
    expect(
      (
        await subgraph.execute({ memberId: pi }, `mutation A($id: ID!) { acceptAward(id: $id) { id } }`, {
          id: awardId,
        })
      ).errors,
    ).toBeUndefined();
    expect(errorCode(await subgraph.execute({ memberId: teammate }, ALLOCATE, { input }))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.execute(lead, ALLOCATE, { input }))).toBe('FORBIDDEN');
    expect(errorCode(await subgraph.execute({ memberId: randomUUID() }, ALLOCATE, { input }))).toBe(
      'NOT_FOUND',
    );
    const outsider = await subgraph.execute(ADMIN, ALLOCATE, { input: { ...input, memberId: randomUUID() } });
    expect(errorCode(outsider)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(outsider.errors)).toContain('input.memberId');

    const allocated = await subgraph.execute<{ allocateProtectedTime: Allocation }>(ADMIN, ALLOCATE, {
      input,
    });
    expect(allocated.data?.allocateProtectedTime).toMatchObject({
      status: 'PROPOSED',
      weeklyHours: 4,
      weeklyProgrammedActivities: 1,
      unit: 'PROGRAMMED_ACTIVITIES',
    });
    const first = allocated.data?.allocateProtectedTime.id as string;
    expect(errorCode(await subgraph.execute(ADMIN, ALLOCATE, { input }))).toBe('CONFLICT');
    expect((await subgraph.execute(lead, APPROVE, { id: first })).errors).toBeUndefined();

    // from 1 March, 6 hours a week: proposed beside the old one until approved
    const changed = await subgraph.execute<{
      changeProtectedTime: Allocation & { replacesAllocationId: string };
    }>({ memberId: pi }, CHANGE, {
      id: first,
      input: { weekly: { unit: 'HOURS', amount: 6 }, effectiveFrom: '2027-03-01' },
    });
    expect(changed.data?.changeProtectedTime).toMatchObject({
      status: 'PROPOSED',
      weeklyHours: 6,
      from: '2027-03-01',
      to: '2027-12-26',
      replacesAllocationId: first,
    });
    const outside = await subgraph.execute(ADMIN, CHANGE, {
      id: first,
      input: { weekly: { unit: 'HOURS', amount: 6 }, effectiveFrom: '2028-01-10' },
    });
    expect(errorCode(outside)).toBe('BAD_USER_INPUT');
    expect(
      (await subgraph.execute(ADMIN, APPROVE, { id: changed.data?.changeProtectedTime.id })).errors,
    ).toBeUndefined();
    const time = await subgraph.execute<{ award: { protectedTime: Allocation[] } }>(ADMIN, TIME, {
      id: awardId,
    });
    expect(
      time.data?.award.protectedTime.map(({ status, weeklyHours, from, to }) => ({
        status,
        weeklyHours,
        from,
        to,
      })),
    ).toEqual([
      { status: 'APPROVED', weeklyHours: 4, from: '2027-01-04', to: '2027-02-28' },
      { status: 'APPROVED', weeklyHours: 6, from: '2027-03-01', to: '2027-12-26' },
    ]);
  });

  it('logs a week at once or not at all, and shows monthly utilisation and note counts to those allowed', async () => {
    const pi = await addMember(subgraph, institution);
    const monday = isoWeekOf(addDays(dayInZone(new Date()), -7)).start;
    const entries = [
      { date: monday, hours: 2, activity: 'RESEARCH', note: 'my own reflections' },
      { date: addDays(monday, 1), hours: 1.5, activity: 'WRITING' },
    ];
    const outside = await subgraph.execute({ memberId: pi }, WEEK, {
      input: {
        weekStart: monday,
        entries: [...entries, { date: addDays(monday, 7), hours: 1, activity: 'OTHER' }],
      },
    });
    expect(errorCode(outside)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(outside.errors)).toContain('input.entries[2].date');
    const tooLong = await subgraph.execute({ memberId: pi }, WEEK, {
      input: { weekStart: monday, entries: [...entries, { date: monday, hours: 22.5, activity: 'OTHER' }] },
    });
    expect(errorCode(tooLong)).toBe('FAILED_PRECONDITION');
    const range = { m: pi, from: monday, to: addDays(monday, 6) };
    const before = await subgraph.execute<{ memberUtilisation: { notesLogged: number } }>(
      { memberId: pi },
      UTILISATION,
      range,
    );
    expect(before.data?.memberUtilisation.notesLogged).toBe(0);

    const saved = await subgraph.execute<{ logTimeWeek: unknown[] }>({ memberId: pi }, WEEK, {
      input: { weekStart: monday, entries },
    });
    expect(saved.errors).toBeUndefined();
    expect(saved.data?.logTimeWeek).toEqual([
      { date: monday, hours: 2, activity: 'RESEARCH' },
      { date: addDays(monday, 1), hours: 1.5, activity: 'WRITING' },
    ]);
    const [events] = await subgraph.dataSource.query(
      `SELECT count(*)::int AS n, bool_or(envelope::text LIKE '%reflections%') AS leaked FROM outbox
        WHERE topic = 'funding.time.logged.v1' AND envelope->'payload'->>'memberId' = $1`,
      [pi],
    );
    expect(events).toEqual({ n: 2, leaked: false });

    const own = await subgraph.execute<{
      memberUtilisation: { notesLogged: number | null; months: Array<{ month: string }> };
    }>({ memberId: pi }, UTILISATION, range);
    expect(own.data?.memberUtilisation.notesLogged).toBe(1);
    expect(own.data?.memberUtilisation.months.map((month) => month.month)).toEqual([
      ...new Set([monday.slice(0, 7), addDays(monday, 6).slice(0, 7)]),
    ]);
    const byAdmin = await subgraph.execute<{ memberUtilisation: { notesLogged: number | null } }>(
      ADMIN,
      UTILISATION,
      range,
    );
    expect(byAdmin.data?.memberUtilisation.notesLogged).toBe(1);
    const byLead = await subgraph.execute<{ memberUtilisation: { notesLogged: number | null } }>(
      lead,
      UTILISATION,
      range,
    );
    expect(byLead.errors).toBeUndefined();
    expect(byLead.data?.memberUtilisation.notesLogged).toBeNull();
  });

  it('states effort per award period, certified by the member alone once the period is over', async () => {
    const pi = await addMember(subgraph, institution);
    const awardId = await offerAward(subgraph, { pi, startsOn: '2026-01-05', endsOn: '2026-12-27' });
    await subgraph.dataSource.query(
      `INSERT INTO allocation (award_id, member_id, institution_id, weekly_minutes, unit, from_day, to_day, status)
       VALUES ($1, $2, $3, 240, 'HOURS', '2026-01-05', '2026-12-27', 'APPROVED')`,
      [awardId, pi, institution],
    );
    await subgraph.dataSource.query(
      `INSERT INTO time_log (member_id, day, minutes, activity) VALUES ($1, '2026-02-02', 180, 'RESEARCH'),
       ($1, '2026-02-03', 60, 'WRITING'), ($1, '2026-08-03', 120, 'RESEARCH')`,
      [pi],
    );
    const statements = await subgraph.execute<{
      effortStatements: Array<{
        periodIndex: number;
        periodStart: string;
        periodEnd: string;
        loggedHours: number;
        byActivity: Array<{ activity: string; hours: number }>;
      }>;
    }>(lead, EFFORT, { a: awardId, m: pi });
    expect(statements.errors).toBeUndefined();
    expect(
      statements.data?.effortStatements.map(({ periodIndex, periodStart, periodEnd, loggedHours }) => ({
        periodIndex,
        periodStart,
        periodEnd,
        loggedHours,
      })),
    ).toEqual([
      { periodIndex: 0, periodStart: '2026-01-05', periodEnd: '2026-07-04', loggedHours: 4 },
      { periodIndex: 1, periodStart: '2026-07-05', periodEnd: '2026-12-27', loggedHours: 2 },
    ]);
    expect(statements.data?.effortStatements[0]?.byActivity).toContainEqual({
      activity: 'WRITING',
      hours: 1,
    });
    expect(errorCode(await subgraph.execute(leadOf(randomUUID()), EFFORT, { a: awardId, m: pi }))).toBe(
      'NOT_FOUND',
    );

    expect(errorCode(await subgraph.execute(ADMIN, CERTIFY, { a: awardId, i: 0 }))).toBe('NOT_FOUND');
    const notOver = await subgraph.execute({ memberId: pi }, CERTIFY, { a: awardId, i: 1 });
    expect(notOver.errors?.[0]?.extensions?.reason).toBe('EFFORT_PERIOD_NOT_OVER');
    const certified = await subgraph.execute({ memberId: pi }, CERTIFY, { a: awardId, i: 0 });
    expect(certified.data).toMatchObject({
      certifyEffort: { periodIndex: 0, certification: { matchesCurrentFigures: true } },
    });
    expect(errorCode(await subgraph.execute({ memberId: pi }, CERTIFY, { a: awardId, i: 0 }))).toBe(
      'CONFLICT',
    );

    // a later correction shows against the certified figures
    await subgraph.dataSource.query(
      `INSERT INTO time_log (member_id, day, minutes, activity) VALUES ($1, '2026-03-02', 60, 'TRAINING')`,
      [pi],
    );
    const after = await subgraph.execute<{
      effortStatements: Array<{ certification: { matchesCurrentFigures: boolean } | null }>;
    }>({ memberId: pi }, EFFORT, { a: awardId, m: pi });
    expect(
      after.data?.effortStatements.map((statement) => statement.certification?.matchesCurrentFigures ?? null),
    ).toEqual([false, null]);
  });
  /** Protected time proposed for a new member of the institution on an accepted award, from `from`. */
  async function memberWithTime(from: string, weeklyHours: number) {
    const member = await addMember(subgraph, institution);
    const awardId = await offerAward(subgraph, { pi: member, startsOn: from, endsOn: addDays(from, 364) });
    await subgraph.execute({ memberId: member }, `mutation A($id: ID!) { acceptAward(id: $id) { id } }`, {
      id: awardId,
    });
    const allocated = await subgraph.execute<{ allocateProtectedTime: Allocation }>(ADMIN, ALLOCATE, {
      input: {
        awardId,
        memberId: member,
        weekly: { unit: 'HOURS', amount: weeklyHours },
        from,
        to: addDays(from, 364),
      },
    });
    const allocationId = allocated.data?.allocateProtectedTime.id as string;
    return { member, awardId, allocationId };
  }

  const weekRows = async (member: string) =>
    (
      (await subgraph.dataSource.query(
        `SELECT week_start::text AS week, minutes FROM time_log_week WHERE member_id = $1 AND minutes <> 0 ORDER BY week_start`,
        [member],
      )) as Array<{ week: string; minutes: number }>
    ).map((row) => [row.week, row.minutes]);

  it('lets the member edit and delete their entries for 14 days, keeping 24 h a day and the weekly roll-up', async () => {
    const today = dayInZone(new Date());
    const { member } = await memberWithTime(addDays(today, -60), 10);
    const as = { memberId: member };
    const log = async (date: string, hours: number) => {
      const result = await subgraph.execute<{ logTime: { id: string; editableUntil: string } }>(as, LOG, {
        input: { date, hours, activity: 'RESEARCH', note: 'private draft' },
      });
      expect(result.errors).toBeUndefined();
      return result.data?.logTime as { id: string; editableUntil: string };
    };
    const first = await log(addDays(today, -13), 2);
    expect(first.editableUntil).toBe(addDays(today, 1));
    const second = await log(today, 20);

    // moved to today, beside 20 h: 4 h fit, 4.25 h do not
    const over = await subgraph.execute(as, EDIT, {
      id: first.id,
      input: { date: today, hours: 4.25, activity: 'WRITING' },
    });
    expect(over.errors?.[0]?.extensions).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'DAY_OVER_24_HOURS',
    });
    const moved = await subgraph.execute<{ editTimeLog: Record<string, unknown> }>(as, EDIT, {
      id: first.id,
      input: { date: today, hours: 4, activity: 'WRITING', note: ' corrected ' },
    });
    expect(moved.data?.editTimeLog).toEqual({
      id: first.id,
      date: today,
      hours: 4,
      activity: 'WRITING',
      note: 'corrected',
      editableUntil: addDays(today, 14),
    });
    // an entry edited in place does not count against itself
    expect(
      (
        await subgraph.execute(as, EDIT, {
          id: second.id,
          input: { date: today, hours: 20, activity: 'OTHER' },
        })
      ).errors,
    ).toBeUndefined();
    expect(await weekRows(member)).toEqual([[isoWeekOf(today).start, 24 * 60]]);

    // nobody else edits or deletes them, not even an admin (they do not exist for them)
    for (const caller of [{ memberId: randomUUID() }, ADMIN, lead]) {
      expect(
        errorCode(
          await subgraph.execute(caller, EDIT, {
            id: first.id,
            input: { date: today, hours: 1, activity: 'OTHER' },
          }),
        ),
      ).toBe('NOT_FOUND');
      expect(errorCode(await subgraph.execute(caller, DELETE, { id: first.id }))).toBe('NOT_FOUND');
    }
    // not onto a locked or a future day
    expect(
      (
        await subgraph.execute(as, EDIT, {
          id: first.id,
          input: { date: addDays(today, -15), hours: 1, activity: 'OTHER' },
        })
      ).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'TIME_LOG_LOCKED' });
    expect(
      (
        await subgraph.execute(as, EDIT, {
          id: first.id,
          input: { date: addDays(today, 1), hours: 1, activity: 'OTHER' },
        })
      ).errors?.[0]?.extensions?.reason,
    ).toBe('FUTURE_TIME_LOG');
    expect(
      errorCode(
        await subgraph.execute(as, EDIT, {
          id: first.id,
          input: { date: today, hours: 0.1, activity: 'OTHER' },
        }),
      ),
    ).toBe('BAD_USER_INPUT');

    // an entry of a day past the window is locked: neither edited nor deleted
    const [old] = await subgraph.dataSource.query(
      `INSERT INTO time_log (member_id, day, minutes, activity) VALUES ($1, $2, 60, 'RESEARCH') RETURNING id`,
      [member, addDays(today, -15)],
    );
    const locked = await subgraph.execute(as, EDIT, {
      id: old.id,
      input: { date: today, hours: 0, activity: 'OTHER' },
    });
    expect(errorCode(locked)).toBe('BAD_USER_INPUT');
    const lockedEdit = await subgraph.execute(as, EDIT, {
      id: old.id,
      input: { date: addDays(today, -1), hours: 1, activity: 'OTHER' },
    });
    expect(lockedEdit.errors?.[0]?.extensions).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'TIME_LOG_LOCKED',
      details: { field: 'date', date: addDays(today, -15), windowDays: 14 },
    });
    expect((await subgraph.execute(as, DELETE, { id: old.id })).errors?.[0]?.extensions?.reason).toBe(
      'TIME_LOG_LOCKED',
    );

    // deleted: gone from the member's list and the roll-up, and republished at 0 minutes
    const deleted = await subgraph.execute<{ deleteTimeLog: string }>(as, DELETE, { id: first.id });
    expect(deleted.data?.deleteTimeLog).toBe(first.id);
    expect(errorCode(await subgraph.execute(as, DELETE, { id: first.id }))).toBe('NOT_FOUND');
    const mine = await subgraph.execute<{ myTimeLogs: Array<{ id: string; note: string | null }> }>(
      as,
      MINE,
      {
        from: addDays(today, -20),
        to: today,
      },
    );
    expect(mine.data?.myTimeLogs.map((entry) => entry.id)).toEqual([old.id, second.id]);
    expect(errorCode(await subgraph.execute(as, MINE, { from: addDays(today, -40), to: today }))).toBe(
      'BAD_USER_INPUT',
    );
    const weekOfOld = isoWeekOf(addDays(today, -15)).start;
    expect(await weekRows(member)).toEqual(
      [
        [weekOfOld, 60],
        [isoWeekOf(today).start, 20 * 60],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const versions = (await outboxPayloads(subgraph, 'funding.time.logged.v1')).filter(
      (payload) => payload.entryId === first.id,
    );
    expect(versions.map(({ day, minutes, activity }) => ({ day, minutes, activity }))).toEqual([
      { day: addDays(today, -13), minutes: 120, activity: 'RESEARCH' },
      { day: today, minutes: 240, activity: 'WRITING' },
      { day: today, minutes: 0, activity: 'WRITING' },
    ]);
    expect(JSON.stringify(versions)).not.toMatch(/corrected|private/);
  });

  it('decides concurrent edits of one day one at a time: the day never passes 24 h', async () => {
    const today = dayInZone(new Date());
    const { member } = await memberWithTime(addDays(today, -30), 10);
    const as = { memberId: member };
    const ids: string[] = [];
    for (const date of [addDays(today, -1), addDays(today, -2), addDays(today, -3), addDays(today, -4)]) {
      const logged = await subgraph.execute<{ logTime: { id: string } }>(as, LOG, {
        input: { date, hours: 8, activity: 'RESEARCH' },
      });
      ids.push(logged.data?.logTime.id as string);
    }
    // four 8-hour entries from other days moved onto today at once: three fit
    const outcomes = await Promise.all(
      ids.map((id) =>
        subgraph.execute(as, EDIT, { id, input: { date: today, hours: 8, activity: 'WRITING' } }),
      ),
    );
    expect(outcomes.filter((outcome) => !outcome.errors).length).toBe(3);
    expect(
      outcomes.filter((outcome) => outcome.errors?.[0]?.extensions?.reason === 'DAY_OVER_24_HOURS').length,
    ).toBe(1);
    const [{ minutes }] = await subgraph.dataSource.query(
      `SELECT sum(minutes)::int AS minutes FROM time_log WHERE member_id = $1 AND day = $2`,
      [member, today],
    );
    expect(minutes).toBe(24 * 60);
  });

  it('re-judges the weeks a late edit changes: an episode whose last low week is corrected recovers once', async () => {
    const erosion = subgraph.app.get(ErosionService);
    const today = dayInZone(new Date());
    const monday = isoWeekOf(today).start;
    const { member, allocationId } = await memberWithTime(addDays(monday, -28), 10);
    expect((await subgraph.execute(lead, APPROVE, { id: allocationId })).errors).toBeUndefined();
    const as = { memberId: member };
    // four complete weeks, the last with 1 h of 10: AT_RISK from the third
    const lastWeek = addDays(monday, -7);
    const logged = await subgraph.execute<{ logTime: { id: string } }>(as, LOG, {
      input: { date: lastWeek, hours: 1, activity: 'RESEARCH' },
    });
    const tick = new Date(`${monday}T06:00:00Z`);
    const mine = async (topic: string) =>
      (await outboxPayloads(subgraph, topic)).filter((payload) => payload.memberId === member);
    await erosion.flagAtRisk({ tick });
    expect(await mine('funding.protected-time.at-risk.v1')).toHaveLength(1);
    // the member corrects last week's entry to the full 10 h: that week is no longer low
    expect(
      (
        await subgraph.execute(as, EDIT, {
          id: logged.data?.logTime.id,
          input: { date: lastWeek, hours: 10, activity: 'RESEARCH' },
        })
      ).errors,
    ).toBeUndefined();
    await erosion.flagAtRisk({ tick });
    await erosion.flagAtRisk({ tick });
    expect(await mine('funding.protected-time.recovered.v1')).toHaveLength(1);
    expect(await mine('funding.protected-time.at-risk.v1')).toHaveLength(1);
  });

  it("lets a lead of the member's institution reject proposed time with a reason, decided once", async () => {
    const today = dayInZone(new Date());
    const { member, allocationId } = await memberWithTime(addDays(today, 7), 4);
    expect(
      errorCode(await subgraph.execute({ memberId: member }, REJECT, { id: allocationId, reason: 'No' })),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await subgraph.execute(leadOf(randomUUID()), REJECT, { id: allocationId, reason: 'No' })),
    ).toBe('FORBIDDEN');
    const blank = await subgraph.execute(lead, REJECT, { id: allocationId, reason: '   ' });
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(blank.errors)).toContain('reason');
    const rejected = await subgraph.execute<{ rejectProtectedTime: Record<string, unknown> }>(lead, REJECT, {
      id: allocationId,
      reason: ' Rota gap until the new registrar starts ',
    });
    expect(rejected.data?.rejectProtectedTime).toEqual({
      id: allocationId,
      status: 'REJECTED',
      decisionReason: 'Rota gap until the new registrar starts',
    });
    expect(errorCode(await subgraph.execute(ADMIN, APPROVE, { id: allocationId }))).toBe('CONFLICT');
    expect(errorCode(await subgraph.execute(lead, REJECT, { id: allocationId, reason: 'Again' }))).toBe(
      'CONFLICT',
    );
    const approvedEvents = (await outboxPayloads(subgraph, 'funding.protected-time.approved.v1')).filter(
      (payload) => payload.allocationId === allocationId,
    );
    expect(approvedEvents).toEqual([]);
  });
});
