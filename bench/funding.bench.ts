/**
 * Funding benchmarks (issue 9), through the gateway with membership and funding started as `npm start` runs them.
 *
 *   npm run bench   (or: node -r @swc-node/register bench/funding.bench.ts)
 *
 * 1. Utilisation: 2,000 members at ten institutions with approved protected time (a quarter changed mid-period)
 *    and two years of weekday time logs (about 1.04M rows, seeded with generate_series, the weekly roll-up
 *    rebuilt once), then `institutionUtilisation` for one institution's 200 members by week over a year, as a lead
 *    of it: BENCH_SAMPLES (300) sequential requests through the gateway, interleaved in blocks with the same SQL
 *    statement run directly on funding's database. Target: p99 < 50 ms through GraphQL.
 * 2. Spends: 50 concurrent `recordSpend` through the gateway racing for a line's last 1,000 pence in 30p spends:
 *    exactly 33 succeed, 17 are refused with BUDGET_LINE_LIMIT_EXCEEDED, the line ends 10p under its budget.
 *    BENCH_SPEND_ROUNDS (3) rounds on fresh awards; throughput is spends answered per second (median round).
 * Prints a report and one `BENCH {...}` line; exits 1 when a target or a check fails.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { INSTITUTION_UTILISATION_SQL, REBUILD_TIME_LOG_WEEKS } from '@praxis/funding/domain';
import { progress, progressDone, renewing, runBench } from './support/load';
import { ascending, percentile } from './support/stats';
import {
  ADMIN,
  gqlOk,
  registrationInput,
  startBenchPlatform,
  type GraphQLResult,
} from './support/bench-platform';

const TARGET_P99_MS = 50;
const MEMBERS = 2000;
const INSTITUTIONS = 10;
const WEEKS = 104;

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const mondayOf = (iso: string) => {
  const date = new Date(`${iso}T00:00:00Z`);
  return day((date.getTime() - Date.now()) / 86_400_000 - ((date.getUTCDay() + 6) % 7));
};

async function gql<T>(url: string, query: string, variables: Record<string, unknown>, token: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** 2,000 members at ten institutions (the lead's has 200), approved time, two years of weekday logs. */
async function seed(db: Client, institutionId: string, from: string, to: string): Promise<number> {
  await db.query(
    `INSERT INTO member_replica (member_id, display_name, career_stage, institution_id)
     SELECT gen_random_uuid(), 'Bench member ' || i, 'RESIDENT',
            CASE WHEN i % $2 = 0 THEN $1::uuid ELSE ('00000000-0000-4000-9000-' || lpad((i % $2)::text, 12, '0'))::uuid END
       FROM generate_series(0, $3 - 1) i`,
    [institutionId, INSTITUTIONS, MEMBERS],
  );
  // 4 to 7 hours a week; a quarter of the members changed amount on a Thursday half-way through
  const middle = mondayOf(day((-WEEKS * 7) / 2));
  await db.query(
    `INSERT INTO allocation (award_id, member_id, institution_id, weekly_minutes, unit, from_day, to_day, status)
     SELECT gen_random_uuid(), member_id, institution_id, 240 + (abs(hashtext(member_id::text)) % 4) * 60, 'HOURS',
            $1, CASE WHEN abs(hashtext(member_id::text)) % 4 = 0 THEN $3::date + 2 ELSE $2::date END, 'APPROVED'
       FROM member_replica WHERE display_name LIKE 'Bench member %'`,
    [from, to, middle],
  );
  await db.query(
    `INSERT INTO allocation (award_id, member_id, institution_id, weekly_minutes, unit, from_day, to_day, status)
     SELECT gen_random_uuid(), member_id, institution_id, 480, 'HOURS', $1::date + 3, $2, 'APPROVED'
       FROM member_replica WHERE display_name LIKE 'Bench member %' AND abs(hashtext(member_id::text)) % 4 = 0`,
    [middle, to],
  );
  // the roll-up trigger is bypassed for the bulk load (replica mode) and the roll-up rebuilt once after it
  await db.query(`SET session_replication_role = replica`);
  const inserted = await db.query(
    `INSERT INTO time_log (member_id, day, minutes, activity)
     SELECT m.member_id, d::date, 15 * (4 + abs(hashtext(m.member_id::text || d::text)) % 12), 'RESEARCH'
       FROM member_replica m, generate_series($1::date, $2::date, interval '1 day') d
      WHERE m.display_name LIKE 'Bench member %' AND extract(isodow FROM d) < 6
      ORDER BY m.member_id, d`,
    [from, to],
  );
  await db.query(`SET session_replication_role = DEFAULT`);
  await db.query(REBUILD_TIME_LOG_WEEKS);
  await db.query('ANALYZE');
  return inserted.rowCount ?? 0;
}

const INSTITUTION_UTILISATION = `query I($i: ID!, $from: String!, $to: String!) {
  institutionUtilisation(institutionId: $i, from: $from, to: $to) { weeks { week members allocatedHours loggedHours utilisation complete } } }`;

/** Access tokens are short-lived: a fresh one each minute, between blocks (not timed). */
async function utilisationBench(
  gateway: string,
  db: Client,
  signIn: () => Promise<string>,
  institutionId: string,
) {
  const token = renewing(signIn);
  let leadToken = await token();
  const samples = Number(process.env.BENCH_SAMPLES ?? 300);
  const range = { from: mondayOf(day(-364)), to: day(-1) };
  const variables = { i: institutionId, ...range };
  const viaGateway: number[] = [];
  const viaSql: number[] = [];
  let weeks: Array<{ members: number; loggedHours: number }> = [];
  let sqlRows = 0;
  // warm-up, then blocks of 20 alternating between the two so both see the same machine
  for (let i = 0; i < 20; i += 1) {
    await gql(gateway, INSTITUTION_UTILISATION, variables, leadToken);
    await db.query(INSTITUTION_UTILISATION_SQL, [institutionId, range.from, range.to, day(0)]);
  }
  while (viaGateway.length < samples) {
    progress(`utilisation: ${viaGateway.length}/${samples}`);
    leadToken = await token();
    for (let i = 0; i < 20; i += 1) {
      const started = performance.now();
      const result = await gql<{ institutionUtilisation: { weeks: typeof weeks } }>(
        gateway,
        INSTITUTION_UTILISATION,
        variables,
        leadToken,
      );
      viaGateway.push(performance.now() - started);
      if (result.errors || !result.data) throw new Error(JSON.stringify(result.errors));
      weeks = result.data.institutionUtilisation.weeks;
    }
    for (let i = 0; i < 20; i += 1) {
      const started = performance.now();
      const rows = await db.query(INSTITUTION_UTILISATION_SQL, [institutionId, range.from, range.to, day(0)]);
      viaSql.push(performance.now() - started);
      sqlRows = rows.rowCount ?? 0;
    }
  }
  progressDone();
  const gatewaySorted = ascending(viaGateway);
  const sqlSorted = ascending(viaSql);
  return {
    range,
    weeks: weeks.length,
    sqlRows,
    membersPerWeek: Math.max(...weeks.map((week) => week.members)),
    gateway: {
      p50: percentile(gatewaySorted, 50),
      p99: percentile(gatewaySorted, 99),
      samples: viaGateway.length,
    },
    sql: { p50: percentile(sqlSorted, 50), p99: percentile(sqlSorted, 99), samples: viaSql.length },
  };
}

const SPEND = `mutation S($id: ID!, $input: RecordSpendInput!) { recordSpend(awardId: $id, input: $input) { id } }`;

/** One round: a fresh active award, 9,000p spent of a 10,000p line, then 50 spends of 30p at once. */
async function spendRound(gateway: string, adminToken: string, pi: { id: string; token: string }) {
  const gbp = (amountMinor: number) => ({ amountMinor, currency: 'GBP' });
  const fund = await gqlOk<{ createFund: { id: string } }>(
    gateway,
    'mutation F($input: CreateFundInput!) { createFund(input: $input) { id } }',
    { input: { name: 'Bench fund', source: 'Institution', total: gbp(1_000_000) } },
    adminToken,
  );
  const award = await gqlOk<{ createAward: { id: string } }>(
    gateway,
    'mutation C($input: CreateAwardInput!) { createAward(input: $input) { id } }',
    {
      input: {
        title: 'Bench award',
        fundId: fund.createFund.id,
        amount: gbp(10_000),
        principalInvestigatorId: pi.id,
        teamMemberIds: [],
        startsOn: day(-30),
        endsOn: day(335),
      },
    },
    adminToken,
  );
  const id = award.createAward.id;
  await gqlOk(
    gateway,
    'mutation L($id: ID!, $lines: [BudgetLineInput!]!) { setBudgetLines(awardId: $id, lines: $lines) { id } }',
    { id, lines: [{ category: 'CONSUMABLES', budgeted: gbp(10_000) }] },
    adminToken,
  );
  await gqlOk(gateway, 'mutation A($id: ID!) { acceptAward(id: $id) { id } }', { id }, pi.token);
  await gqlOk(gateway, 'mutation A($id: ID!) { activateAward(id: $id) { id } }', { id }, adminToken);
  const spend = (amountMinor: number) => ({
    id,
    input: {
      budgetLine: 'CONSUMABLES',
      kind: 'PAYMENT',
      amount: gbp(amountMinor),
      date: day(0),
      description: 'Reagents',
    },
  });
  await gqlOk(gateway, SPEND, spend(9_000), adminToken);
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: 50 }, () =>
      gql<{ recordSpend: { id: string } }>(gateway, SPEND, spend(30), adminToken),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const accepted = outcomes.filter((outcome) => !outcome.errors && outcome.data).length;
  const refusedCleanly = outcomes.filter(
    (outcome) =>
      (outcome.errors?.[0]?.extensions as { reason?: string } | undefined)?.reason ===
      'BUDGET_LINE_LIMIT_EXCEEDED',
  ).length;
  const view = await gqlOk<{
    award: {
      budget: { lines: Array<{ paid: { amountMinor: number }; remaining: { amountMinor: number } }> };
    };
  }>(
    gateway,
    'query A($id: ID!) { award(id: $id) { budget { lines { paid { amountMinor } remaining { amountMinor } } } } }',
    { id },
    adminToken,
  );
  const [line] = view.award.budget.lines;
  return {
    accepted,
    refusedCleanly,
    paid: line.paid.amountMinor,
    remaining: line.remaining.amountMinor,
    exact:
      accepted === 33 &&
      refusedCleanly === 17 &&
      line.paid.amountMinor === 9_990 &&
      line.remaining.amountMinor === 10,
    spendsPerSecond: 50 / seconds,
    ms: seconds * 1000,
  };
}

async function main(): Promise<number> {
  const platform = await startBenchPlatform({ subgraphs: ['membership', 'funding'] });
  const db = new Client({ connectionString: platform.database('funding') });
  await db.connect();
  try {
    const gateway = platform.gateways.apollo;
    const login = async (credentials: { email: string; password: string }) =>
      (
        await gqlOk<{ login: { token: string } }>(
          gateway,
          'mutation L($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
          credentials,
        )
      ).login.token;
    const adminSignIn = () => login(ADMIN);
    const adminToken = await adminSignIn();
    const institutionId = (
      await gqlOk<{ createInstitution: { id: string } }>(
        gateway,
        'mutation C($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }',
        { input: { name: `Bench University ${Date.now()}`, country: 'GB' } },
        adminToken,
      )
    ).createInstitution.id;
    const input = registrationInput(institutionId, 'lead');
    const registered = await gqlOk<{ register: { token: string; member: { id: string } } }>(
      gateway,
      'mutation R($input: RegisterInput!) { register(input: $input) { token member { id } } }',
      { input },
    );
    const lead = { id: registered.register.member.id, token: registered.register.token };
    await gqlOk(
      gateway,
      'mutation G($m: ID!, $i: ID) { grantRole(memberId: $m, role: LEAD, institutionId: $i) { id } }',
      { m: lead.id, i: institutionId },
      adminToken,
    );
    // funding learns the member and the role from membership's events
    await waitUntil("the lead in funding's replica", async () => {
      const rows = await db.query(
        `SELECT 1 FROM member_role_replica WHERE member_id = $1 AND institution_id = $2`,
        [lead.id, institutionId],
      );
      return (rows.rowCount ?? 0) > 0;
    });
    const signIn = () => login({ email: input.email, password: input.password });

    const from = mondayOf(day(-WEEKS * 7));
    const to = day(-1);
    progress('seeding two years of time logs');
    const seedStarted = performance.now();
    const rows = await seed(db, institutionId, from, to);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    progressDone();
    const utilisation = await utilisationBench(gateway, db, signIn, institutionId);

    const rounds = Number(process.env.BENCH_SPEND_ROUNDS ?? 3);
    const spends = [];
    for (let round = 0; round < rounds; round += 1) {
      progress(`spends: round ${round + 1}/${rounds}`);
      spends.push(await spendRound(gateway, await adminSignIn(), { id: lead.id, token: await signIn() }));
    }
    progressDone();
    const throughput = [...spends.map((s) => s.spendsPerSecond)].sort((a, b) => a - b)[
      Math.floor(spends.length / 2)
    ];
    const load = loadavg()
      .map((value) => value.toFixed(1))
      .join(' ');
    const utilisationOk =
      utilisation.gateway.p99 < TARGET_P99_MS &&
      utilisation.weeks === utilisation.sqlRows &&
      utilisation.membersPerWeek === MEMBERS / INSTITUTIONS;
    const spendsOk = spends.every((s) => s.exact);
    const f = (ms: number) => ms.toFixed(1);
    process.stdout.write(
      [
        'Funding: institution utilisation and concurrent spends (through the gateway)',
        `  seed              ${rows.toLocaleString('en-GB')} time-log rows, ${MEMBERS} members at ${INSTITUTIONS} institutions, ${from} to ${to} (${seedSeconds.toFixed(0)} s)`,
        `  utilisation       one institution (${utilisation.membersPerWeek} members), ${utilisation.weeks} weeks ${utilisation.range.from} to ${utilisation.range.to}`,
        `    via GraphQL     p50 ${f(utilisation.gateway.p50)} ms, p99 ${f(utilisation.gateway.p99)} ms (${utilisation.gateway.samples} sequential requests; target p99 < ${TARGET_P99_MS} ms)`,
        `    plain SQL       p50 ${f(utilisation.sql.p50)} ms, p99 ${f(utilisation.sql.p99)} ms (the resolver's statement, same run, interleaved)`,
        ...spends.map(
          (s, i) =>
            `  spends round ${i + 1}    50 at once: ${s.accepted} accepted, ${s.refusedCleanly} refused (BUDGET_LINE_LIMIT_EXCEEDED), paid ${s.paid}p, remaining ${s.remaining}p: ${s.exact ? 'exact' : 'WRONG'}; ${f(s.ms)} ms, ${s.spendsPerSecond.toFixed(0)} spends/s`,
        ),
        `  load average      ${load} (2 cores, shared)`,
        `  verdict           ${utilisationOk && spendsOk ? 'PASS' : 'FAIL'}`,
        '',
      ].join('\n'),
    );
    process.stdout.write(
      `BENCH ${JSON.stringify({
        bench: 'funding',
        timeLogRows: rows,
        utilisationGatewayP50Ms: Number(f(utilisation.gateway.p50)),
        utilisationGatewayP99Ms: Number(f(utilisation.gateway.p99)),
        utilisationSqlP50Ms: Number(f(utilisation.sql.p50)),
        utilisationSqlP99Ms: Number(f(utilisation.sql.p99)),
        targetP99Ms: TARGET_P99_MS,
        spendsExact: spendsOk,
        spendsPerSecond: Math.round(throughput),
        loadAverage: Number(loadavg()[0].toFixed(1)),
        ok: utilisationOk && spendsOk,
      })}\n`,
    );
    return utilisationOk && spendsOk ? 0 : 1;
  } finally {
    await db.end();
    await platform.stop();
  }
}

runBench('funding', main);
