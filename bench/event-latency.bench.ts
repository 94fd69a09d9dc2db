/**
 * Event latency from commit in membership to applied in mentorship's member replica, on the local broker.
 *
 *   node -r @swc-node/register bench/event-latency.bench.ts     (part of npm run bench)
 *
 * Events are committed to an outbox (appendToOutbox, as the service does) at 200 a second for BENCH_SECONDS
 * (20), by each writer of BENCH_WRITER_PATHS (`service,replica`, commit-latency.ts): `service` writes from a
 * process that hosts the publishing relay (a service's own writes, woken in-process; the target's row),
 * `replica` from another process than membership's relay (a second replica's writes, woken by NOTIFY).
 * Latency = mentorship's inbox row (same transaction as the replica row) minus the outbox row, both stamped by
 * the one PostgreSQL clock. It splits into the relay's part (outbox row -> marked
 * sent after the broker's ack) and the consumer's part (sent -> applied: fetch wait, delivery, apply). Two
 * configurations run in the same bench: the launcher's KAFKA_MAX_WAIT_MS for the mock (25,
 * MOCK_KAFKA_ENV) and 10 (BENCH_MAX_WAITS, at least 10), to show the fetch wait.
 * Target (issue 7): p99 under 250 ms.
 */
import { loadavg } from 'node:os';
import {
  fetchWaitOf,
  latencyFigures,
  latencyTable,
  maxWaits,
  measureCommitToApplied,
} from './support/commit-latency';
import { runBench } from './support/load';

const RATE = 200;

async function main(): Promise<number> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 20);
  const results = [];
  for (const maxWaitMs of maxWaits()) {
    const measured = await measureCommitToApplied({
      subgraphs: ['mentorship'],
      consumer: { subgraph: 'mentorship', group: 'mentorship.member-replica' },
      maxWaitMs,
      seconds,
      rate: RATE,
    });
    // at once, so a later configuration that fails does not lose this one
    for (const result of measured) process.stderr.write(`${JSON.stringify(result)}\n`);
    results.push(...measured);
  }
  process.stdout.write(`${latencyTable(results)}\n`);
  const launcher = results[0];
  const fetchWait = fetchWaitOf(results);
  if (fetchWait)
    process.stdout.write(
      `fetch wait (${launcher.path} writer: consumer part at ${launcher.maxWaitMs} ms minus at the shortest wait): p50 ${fetchWait.p50Ms} ms, p99 ${fetchWait.p99Ms} ms\n`,
    );
  const load = loadavg().map((value) => value.toFixed(1));
  process.stdout.write(`load average ${load.join(' ')} (2 cores, shared)\n`);
  const ok = launcher.total.p99 < 250;
  process.stdout.write(
    `BENCH ${JSON.stringify({
      bench: 'event-latency',
      rate: RATE,
      seconds,
      loadAverage: Number(load[0]),
      results: results.map(latencyFigures),
      fetchWait,
      ok,
    })}\n`,
  );
  return ok ? 0 : 1;
}

runBench('event-latency', main);
