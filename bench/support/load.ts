/**
 * HTTP load with autocannon, interleaved so that every scenario sees the same machine: on a shared 2-core box
 * the load of the neighbours drifts, so scenarios run in alternating rounds and each figure is the median round.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { median, percentile } from './stats';

export interface Scenario {
  name: string;
  url: string;
  /** GraphQL query and variables; for a POST body that changes per request use `body`. */
  query?: string;
  variables?: Record<string, unknown>;
  token?: string;
  /** A fresh body per request (e.g. a write with its own id). */
  body?: () => string;
  /** The process that serves the scenario: its CPU time per request is reported (Linux /proc). */
  pid?: number;
  /** The process behind it (the subgraph behind a gateway): its CPU per request shows merged or extra calls. */
  upstreamPid?: number;
}

export interface Measured {
  name: string;
  rps: number;
  /** Latency percentiles of the 2xx answers, in ms with microsecond precision. */
  p50: number;
  p99: number;
  requests: number;
  failures: number;
  /** User + system CPU of the scenario's `pid` per request, in µs: what the machine's load cannot stretch. */
  cpuUs?: number;
  /** The same for the scenario's `upstreamPid`. */
  upstreamCpuUs?: number;
}

/** CPU milliseconds a process has used so far (user + system, in clock ticks of 10 ms), or undefined. */
export function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** A progress line on stderr (the terminal), rewritten in place; stdout keeps only the report. */
export function progress(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line}`);
  else process.stderr.write(`${line}\n`);
}

export function progressDone(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
}

function requestOf(scenario: Scenario) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (scenario.token) headers.authorization = `Bearer ${scenario.token}`;
  const fixed = JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {} });
  const make = scenario.body;
  return {
    method: 'POST' as const,
    headers,
    body: fixed,
    ...(make ? { setupRequest: (request: { body?: string }) => ({ ...request, body: make() }) } : {}),
  };
}

/** One request outside the load: fails loudly if the scenario does not answer data without errors. */
export async function checkScenario(scenario: Scenario): Promise<void> {
  const request = requestOf(scenario);
  const response = await fetch(scenario.url, {
    method: 'POST',
    headers: request.headers,
    body: scenario.body ? scenario.body() : request.body,
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) {
    throw new Error(`${scenario.name}: ${response.status} ${text.slice(0, 300)}`);
  }
}

export async function runOnce(scenario: Scenario, seconds: number, connections: number): Promise<Measured> {
  const cpuBefore = cpuMs(scenario.pid);
  const upstreamBefore = cpuMs(scenario.upstreamPid);
  // autocannon's histogram keeps whole milliseconds, too coarse for a 3 ms call: keep each answer's own time
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: scenario.url, connections, duration: seconds, ...requestOf(scenario) },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    name: scenario.name,
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    ...cpuPerRequest(cpuBefore, cpuMs(scenario.pid), result.requests.total),
    ...renamed(cpuPerRequest(upstreamBefore, cpuMs(scenario.upstreamPid), result.requests.total)),
  };
}

function cpuPerRequest(before: number | undefined, after: number | undefined, requests: number) {
  if (before === undefined || after === undefined || requests === 0) return {};
  return { cpuUs: ((after - before) / requests) * 1000 };
}

function renamed(cpu: { cpuUs?: number }): { upstreamCpuUs?: number } {
  return cpu.cpuUs === undefined ? {} : { upstreamCpuUs: cpu.cpuUs };
}

/** Warm-up, then `rounds` interleaved rounds; the median of each figure over the rounds. */
export async function runInterleaved(
  scenarios: Scenario[],
  options: { rounds: number; seconds: number; connections: number; warmupSeconds: number },
): Promise<Record<string, Measured>> {
  for (const scenario of scenarios) await checkScenario(scenario);
  const rounds: Measured[][] = scenarios.map(() => []);
  const total = scenarios.length * (options.rounds + 1);
  let done = 0;
  for (let round = -1; round < options.rounds; round += 1) {
    for (const [index, scenario] of scenarios.entries()) {
      done += 1;
      const label = round < 0 ? 'warm-up' : `round ${round + 1}/${options.rounds}`;
      progress(`[${done}/${total}] ${label}: ${scenario.name}`);
      const measured = await runOnce(
        scenario,
        round < 0 ? options.warmupSeconds : options.seconds,
        options.connections,
      );
      if (round >= 0) rounds[index].push(measured);
    }
  }
  progressDone();
  const out: Record<string, Measured> = {};
  for (const [index, scenario] of scenarios.entries()) {
    const runs = rounds[index];
    out[scenario.name] = {
      name: scenario.name,
      rps: median(runs.map((run) => run.rps)),
      p50: median(runs.map((run) => run.p50)),
      p99: median(runs.map((run) => run.p99)),
      requests: runs.reduce((sum, run) => sum + run.requests, 0),
      failures: runs.reduce((sum, run) => sum + run.failures, 0),
      ...(runs.every((run) => run.cpuUs !== undefined)
        ? { cpuUs: median(runs.map((run) => run.cpuUs ?? 0)) }
        : {}),
      ...(runs.every((run) => run.upstreamCpuUs !== undefined)
        ? { upstreamCpuUs: median(runs.map((run) => run.upstreamCpuUs ?? 0)) }
        : {}),
    };
  }
  return out;
}

export function table(rows: Measured[]): string {
  const lines = [
    'scenario                                   req/s     p50 ms   p99 ms   failures   CPU µs/req   upstream µs/req',
  ];
  for (const row of rows) {
    lines.push(
      `${row.name.padEnd(40)} ${row.rps.toFixed(0).padStart(7)} ${row.p50.toFixed(2).padStart(9)} ${row.p99
        .toFixed(2)
        .padStart(
          8,
        )} ${String(row.failures).padStart(10)} ${(row.cpuUs === undefined ? '' : row.cpuUs.toFixed(0)).padStart(12)} ${(row.upstreamCpuUs === undefined ? '' : row.upstreamCpuUs.toFixed(0)).padStart(17)}`,
    );
  }
  return lines.join('\n');
}

/**
 * A source of something short-lived (an access token lasts five minutes) that obtains it again only once the last
 * one is `maxAgeMs` old: signing in before every block of requests trips the sign-in rate limit.
 */
export function renewing<T>(obtain: () => Promise<T>, maxAgeMs = 60_000): () => Promise<T> {
  let current: { value: T; at: number } | undefined;
  return async () => {
    if (!current || performance.now() - current.at > maxAgeMs)
      current = { value: await obtain(), at: performance.now() };
    return current.value;
  };
}

/** Runs a benchmark's `main` (its exit code: 1 when a target was missed) and exits with it, or 1 on an error. */
export function runBench(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${name} bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
