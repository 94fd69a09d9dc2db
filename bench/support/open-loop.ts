/**
 * Open-loop HTTP load: requests leave on a fixed schedule (`rate` a second) whether or not earlier ones have
 * answered, and each latency is measured from the moment its request was due, so a server that falls behind
 * shows its queue in the percentiles instead of slowing the client down (autocannon's closed loop does the
 * latter: a slow answer delays the next request of its connection, hiding the wait). A cap on requests in flight
 * keeps a saturated server from exhausting the client's sockets: a request due while the cap is reached is not
 * sent and counts as `dropped`.
 */
import { Agent, request } from 'node:http';
import { cpuMs, progress, progressDone } from './load';
import { percentile } from './stats';

export interface OpenLoopScenario {
  name: string;
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  token?: string;
  /** The serving process: its CPU time per answered request is reported. */
  pid?: number;
}

export interface OpenLoopResult {
  name: string;
  /** Requests a second the schedule asked for. */
  targetRate: number;
  /** Answered (200 without GraphQL errors) a second, over the time from the first due request to the last answer. */
  achievedRate: number;
  p50: number;
  p99: number;
  max: number;
  answered: number;
  failures: number;
  dropped: number;
  cpuUs?: number;
}

export async function runOpenLoop(
  scenario: OpenLoopScenario,
  options: { rate: number; seconds: number; maxInFlight?: number; timeoutMs?: number },
): Promise<OpenLoopResult> {
  const maxInFlight = options.maxInFlight ?? 512;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agent = new Agent({ keepAlive: true, maxSockets: maxInFlight });
  const target = new URL(scenario.url);
  const body = Buffer.from(JSON.stringify({ query: scenario.query, variables: scenario.variables ?? {} }));
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': body.length,
    ...(scenario.token ? { authorization: `Bearer ${scenario.token}` } : {}),
  };
  const latencies: number[] = [];
  let failures = 0;
  let dropped = 0;
  let inFlight = 0;
  let lastAnswer = 0;
  const total = Math.round(options.rate * options.seconds);
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      inFlight += 1;
      const done = (ok: boolean) => {
        inFlight -= 1;
        const now = performance.now();
        lastAnswer = Math.max(lastAnswer, now);
        if (ok) latencies.push(now - due);
        else failures += 1;
        resolve();
      };
      const outgoing = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers,
          timeout: timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            done(response.statusCode === 200 && !Buffer.concat(chunks).includes('"errors"')),
          );
          response.on('error', () => done(false));
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
      outgoing.on('error', () => done(false));
      outgoing.end(body);
    });
  const cpuBefore = cpuMs(scenario.pid);
  const started = performance.now();
  const requests: Array<Promise<void>> = [];
  let shown = started;
  // a tick every millisecond or so sends every request that has fallen due (timers are coarse under load)
  for (let sent = 0; sent < total;) {
    const now = performance.now();
    const dueCount = Math.min(total, Math.floor(((now - started) / 1000) * options.rate) + 1);
    for (; sent < dueCount; sent += 1) {
      const due = started + (sent * 1000) / options.rate;
      if (inFlight >= maxInFlight) dropped += 1;
      else requests.push(send(due));
    }
    if (now - shown >= 1000) {
      shown = now;
      progress(`${scenario.name} at ${options.rate}/s: ${sent}/${total} due, ${inFlight} in flight`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(requests);
  progressDone();
  const cpuAfter = cpuMs(scenario.pid);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const elapsed = (Math.max(lastAnswer, started + 1) - started) / 1000;
  return {
    name: scenario.name,
    targetRate: options.rate,
    achievedRate: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.length ? latencies[latencies.length - 1] : Number.NaN,
    answered: latencies.length,
    failures,
    dropped,
    ...(cpuBefore !== undefined && cpuAfter !== undefined && latencies.length > 0
      ? { cpuUs: ((cpuAfter - cpuBefore) / latencies.length) * 1000 }
      : {}),
  };
}

export function openLoopTable(rows: OpenLoopResult[]): string {
  const number = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
  return [
    'scenario                                  target/s  achieved/s   p50 ms   p99 ms   max ms  failed  dropped  CPU µs/req',
    ...rows.map(
      (row) =>
        `${row.name.padEnd(40)} ${String(row.targetRate).padStart(9)} ${number(row.achievedRate, 0).padStart(11)} ${number(row.p50).padStart(8)} ${number(row.p99).padStart(8)} ${number(row.max).padStart(8)} ${String(row.failures).padStart(7)} ${String(row.dropped).padStart(8)} ${(row.cpuUs === undefined ? '' : row.cpuUs.toFixed(0)).padStart(11)}`,
    ),
  ].join('\n');
}
