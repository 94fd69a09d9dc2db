/**
 * Write throughput: `saveProposalDraft` through the gateway beside pgbench running the same state + outbox insert
 * transaction directly on proposals' database, in interleaved rounds of one run (the median round counts).
 *
 *   npm run bench   (or: node -r @swc-node/register bench/writes.bench.ts)
 *
 * Both sides use 10 clients. pgbench's transaction inserts a proposal row (the values of a draft the gateway
 * saved, new id) and an outbox row with an envelope of an event's size; saveProposalDraft's own transaction
 * locks the competition (share), inserts the proposal and the author's team invitation. PGBENCH overrides the
 * pgbench binary (default /usr/lib/postgresql/15/bin/pgbench). Target (issue 7): >= 30 % of pgbench's rate.
 * Besides the services' CPU per draft, the rounds give PostgreSQL's: that of proposals' pooled backends, read
 * from /proc (so only when PostgreSQL runs on this machine). The services' consumers keep their own idle fetch wait
 * (KAFKA_MAX_WAIT_MS, 1 s by default) as on a real broker; KAFKA_MAX_WAIT_MS=25 gives the mock's short wait that
 * event delivery needs locally, whose polling the idle platform pays for on both sides of the comparison.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import {
  checkScenario,
  cpuMs,
  progress,
  progressDone,
  runBench,
  runOnce,
  type Measured,
  type Scenario,
} from './support/load';
import { gqlOk, ROOT, seedMember, startBenchPlatform } from './support/bench-platform';
import { draftInput, openCompetition, SAVE_DRAFT } from './support/drafts';
import { median } from './support/stats';

const CLIENTS = 10;
const PGBENCH = process.env.PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';

/** The pgbench script: a saved draft's values under a new id, and an outbox row, in one transaction. */
async function pgbenchScript(databaseUrl: string, templateId: string): Promise<string> {
  // every value as PostgreSQL's own text, so the literals below are exactly the row's values
  const client = new Client({
    connectionString: databaseUrl,
    types: { getTypeParser: () => (v: string) => v },
  });
  await client.connect();
  try {
    const row = (
      await client.query<Record<string, string | null>>('SELECT * FROM proposal WHERE id = $1', [templateId])
    ).rows[0];
    const columns = Object.keys(row).filter((column) => column !== 'id');
    const values = columns.map((column) =>
      row[column] === null ? 'NULL' : client.escapeLiteral(row[column] ?? ''),
    );
    const envelope = JSON.stringify({
      eventId: '00000000-0000-4000-8000-000000000000',
      type: 'proposals.proposal.drafted',
      version: 1,
      occurredAt: new Date().toISOString(),
      aggregateId: templateId,
      actorId: row.created_by,
      correlationId: 'bench',
      causationId: null,
      sequence: 1,
      payload: { proposalId: templateId, competitionId: row.competition_id, title: row.title },
    });
    return [
      'BEGIN;',
      `INSERT INTO proposal (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${values.join(', ')});`,
      `INSERT INTO outbox (event_id, topic, message_key, sequence, envelope, headers) VALUES (gen_random_uuid(), 'bench.proposal.drafted.v1', ${client.escapeLiteral(templateId)}, 1, ${client.escapeLiteral(envelope)}, '{"x-correlation-id":"bench"}');`,
      'COMMIT;',
      '',
    ].join('\n');
  } finally {
    await client.end();
  }
}

async function pgbench(
  databaseUrl: string,
  script: string,
  seconds: number,
): Promise<{ tps: number; latencyMs: number }> {
  const { stdout } = await promisify(execFile)(
    PGBENCH,
    ['-n', '-c', String(CLIENTS), '-j', '2', '-T', String(seconds), '-f', script, databaseUrl],
    { encoding: 'utf8' },
  );
  const tps = /tps = ([\d.]+)/.exec(stdout);
  const latency = /latency average = ([\d.]+) ms/.exec(stdout);
  if (!tps || !latency) throw new Error(`pgbench said: ${stdout}`);
  return { tps: Number(tps[1]), latencyMs: Number(latency[1]) };
}

/**
 * CPU milliseconds so far of proposals' pooled PostgreSQL backends (`praxis-proposals`), read from /proc: the
 * server's share of a draft, which the services' own figures leave out. Undefined when PostgreSQL runs elsewhere.
 */
async function proposalsBackendsCpuMs(databaseUrl: string): Promise<number | undefined> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'praxis-proposals'",
    );
    const times = rows.map((row) => cpuMs(row.pid));
    return times.every((ms) => ms !== undefined)
      ? times.reduce<number>((sum, ms) => sum + (ms ?? 0), 0)
      : undefined;
  } finally {
    await client.end();
  }
}

/** A measured round, with PostgreSQL's CPU µs per request for proposals' backends over it. */
type ServedRound = Measured & { serverCpuUs?: number };

/** `measure`'s round, with proposals' backends' CPU over it. */
async function withServerCpu(databaseUrl: string, measure: () => Promise<Measured>): Promise<ServedRound> {
  const before = await proposalsBackendsCpuMs(databaseUrl);
  const measured = await measure();
  const after = await proposalsBackendsCpuMs(databaseUrl);
  if (before === undefined || after === undefined || measured.requests === 0) return measured;
  return { ...measured, serverCpuUs: ((after - before) / measured.requests) * 1000 };
}

async function main(): Promise<number> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  // a draft publishes no event and waits for none: the consumers poll as on a real broker, not at the mock's
  // short wait (KAFKA_MAX_WAIT_MS=25 reproduces the platform of earlier runs)
  const platform = await startBenchPlatform({ waitsForEvents: false });
  const fetchWait = process.env.KAFKA_MAX_WAIT_MS
    ? `${process.env.KAFKA_MAX_WAIT_MS} ms`
    : "the service's default";
  try {
    const gateway = platform.gateways.apollo;
    const { adminToken, member } = await seedMember(gateway);
    const competitionId = await openCompetition(gateway, adminToken);
    const input = draftInput(competitionId, member.id);
    const save: Scenario = {
      name: 'gateway saveProposalDraft',
      url: gateway,
      query: SAVE_DRAFT,
      variables: { input },
      token: member.token,
      pid: platform.pids['gateway-apollo'],
      upstreamPid: platform.pids.proposals,
    };
    // the same mutation on proposals' own subgraph: what the service costs without the gateway's hop
    const saveDirect: Scenario = {
      ...save,
      name: 'subgraph saveProposalDraft',
      url: platform.subgraph('proposals'),
      pid: platform.pids.proposals,
      upstreamPid: undefined,
    };
    await checkScenario(save);
    await checkScenario(saveDirect);
    const template = await gqlOk<{ saveProposalDraft: { id: string } }>(
      gateway,
      SAVE_DRAFT,
      { input },
      member.token,
    );
    const script = path.join(ROOT, 'tmp', `writes-${process.pid}.sql`);
    writeFileSync(script, await pgbenchScript(platform.database('proposals'), template.saveProposalDraft.id));

    const database = platform.database('proposals');
    const http: ServedRound[] = [];
    const subgraph: ServedRound[] = [];
    const direct: Array<{ tps: number; latencyMs: number }> = [];
    for (let round = -1; round < rounds; round += 1) {
      const label = round < 0 ? 'warm-up' : `round ${round + 1}/${rounds}`;
      const length = round < 0 ? 2 : seconds;
      progress(`${label}: saveProposalDraft through the gateway`);
      const measured = await withServerCpu(database, () => runOnce(save, length, CLIENTS));
      progress(`${label}: saveProposalDraft on the proposals subgraph`);
      const measuredDirect = await withServerCpu(database, () => runOnce(saveDirect, length, CLIENTS));
      progress(`${label}: pgbench, the same inserts`);
      const bench = await pgbench(database, script, length);
      if (round >= 0) {
        http.push(measured);
        subgraph.push(measuredDirect);
        direct.push(bench);
      }
    }
    progressDone();
    const saveRps = median(http.map((r) => r.rps));
    const pgbenchTps = median(direct.map((r) => r.tps));
    const share = saveRps / pgbenchTps;
    const subgraphRps = median(subgraph.map((r) => r.rps));
    const failures = [...http, ...subgraph].reduce((sum, r) => sum + r.failures, 0);
    const cpu = (runs: ServedRound[], key: 'cpuUs' | 'upstreamCpuUs' | 'serverCpuUs') =>
      runs.every((r) => r[key] !== undefined) ? Math.round(median(runs.map((r) => r[key] ?? 0))) : null;
    const load = loadavg().map((value) => value.toFixed(1));
    process.stdout.write(
      `saveProposalDraft via gateway: ${saveRps.toFixed(0)} req/s, p50 ${median(http.map((r) => r.p50)).toFixed(2)} ms, ` +
        `p99 ${median(http.map((r) => r.p99)).toFixed(2)} ms, ${failures} failures; CPU per request: gateway ` +
        `${cpu(http, 'cpuUs')} µs, proposals ${cpu(http, 'upstreamCpuUs')} µs, PostgreSQL ${cpu(http, 'serverCpuUs')} µs\n` +
        `saveProposalDraft on the subgraph: ${subgraphRps.toFixed(0)} req/s, p50 ${median(subgraph.map((r) => r.p50)).toFixed(2)} ms, ` +
        `p99 ${median(subgraph.map((r) => r.p99)).toFixed(2)} ms; CPU per request: proposals ${cpu(subgraph, 'cpuUs')} µs, ` +
        `PostgreSQL ${cpu(subgraph, 'serverCpuUs')} µs\n` +
        `pgbench (state + outbox insert): ${pgbenchTps.toFixed(0)} tps, latency ${median(direct.map((r) => r.latencyMs)).toFixed(1)} ms\n` +
        `share of pgbench's rate: ${(share * 100).toFixed(0)} % (target >= 30 %); ` +
        `on the subgraph without the gateway: ${((subgraphRps / pgbenchTps) * 100).toFixed(0)} %\n` +
        `load average ${load.join(' ')} (2 cores, shared); consumers' idle fetch wait: ${fetchWait}\n`,
    );
    const ok = share >= 0.3 && failures === 0;
    process.stdout.write(
      `BENCH ${JSON.stringify({
        bench: 'writes',
        clients: CLIENTS,
        seconds,
        rounds,
        saveProposalDraftRps: Math.round(saveRps),
        saveProposalDraftP99Ms: Number(median(http.map((r) => r.p99)).toFixed(3)),
        gatewayCpuUs: cpu(http, 'cpuUs'),
        proposalsCpuUs: cpu(http, 'upstreamCpuUs'),
        postgresCpuUs: cpu(http, 'serverCpuUs'),
        subgraphPostgresCpuUs: cpu(subgraph, 'serverCpuUs'),
        subgraphSaveProposalDraftRps: Math.round(subgraphRps),
        subgraphShare: Number((subgraphRps / pgbenchTps).toFixed(3)),
        pgbenchTps: Math.round(pgbenchTps),
        share: Number(share.toFixed(3)),
        loadAverage: Number(load[0]),
        kafkaMaxWaitMs: process.env.KAFKA_MAX_WAIT_MS ? Number(process.env.KAFKA_MAX_WAIT_MS) : null,
        failures,
        ok,
      })}\n`,
    );
    return ok ? 0 : 1;
  } finally {
    await platform.stop();
  }
}

runBench('writes', main);
