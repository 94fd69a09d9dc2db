import { randomUUID } from 'node:crypto';
import type { SubgraphHarness } from '@praxis/platform/testing';
import { addDays, dayInZone, isoWeekOf } from '@praxis/funding/domain';
import { ADMIN, addMember, errorCode, leadOf, offerAward, startFunding } from '../testing/funding.fixtures';

const ALLOCATE = `mutation A($input: AllocateProtectedTimeInput!) { allocateProtectedTime(input: $input) { id status weeklyHours weeklyProgrammedActivities unit from to } }`;
const CHANGE = `mutation C($id: ID!, $input: ChangeProtectedTimeInput!) { changeProtectedTime(allocationId: $id, input: $input) { id status weeklyHours from to replacesAllocationId } }`;
const APPROVE = `mutation P($id: ID!) { approveProtectedTime(allocationId: $id) { id status } }`;
const TIME = `query T($id: ID!) { award(id: $id) { protectedTime { id status weeklyHours from to } } }`;
const WEEK = `mutation W($input: LogWeekInput!) { logTimeWeek(input: $input) { date hours activity } }`;
const UTILISATION = `query U($m: ID!, $from: String!, $to: String!) { memberUtilisation(memberId: $m, from: $from, to: $to) {
  notesLogged weeks { week loggedHours } months { month allocatedHours loggedHours complete } } }`;
const EFFORT = `query E($a: ID!, $m: ID!) { effortStatements(awardId: $a, memberId: $m) { periodIndex periodStart periodEnd
  allocatedHours loggedHours byActivity { activity hours } certification { certifiedOn matchesCurrentFigures } } }`;
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
});
