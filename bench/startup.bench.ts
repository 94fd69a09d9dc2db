/**
 * Start-up time, idle memory and idle CPU of the whole platform as `npm start` runs it (build when stale, the local
 * broker, every service in tools/services.ts, the gateway), through tools/measure-platform.sh.
 *
 *   npm run bench   (or: node -r @swc-node/register bench/startup.bench.ts)
 *
 * Targets: ready within 20 s of `npm start` (the membership issue's "starts quickly", once a timed system test)
 * and the whole platform idle under 1.5 GB resident (issue 7). BENCH_STARTUP_RUNS (1) runs, the median counts.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { progress, progressDone } from './support/load';

const START_TARGET_MS = 20_000;
const MEMORY_TARGET_MB = 1536;

function main(): number {
  const runs = process.env.BENCH_STARTUP_RUNS ?? '1';
  progress(`npm start × ${runs}, 10 s idle each`);
  const run = spawnSync('bash', [path.join(__dirname, '..', 'tools', 'measure-platform.sh'), runs, '10'], {
    encoding: 'utf8',
    env: { ...process.env, PRAXIS_PORT_BASE: process.env.BENCH_STARTUP_PORT_BASE ?? '12000' },
  });
  progressDone();
  process.stdout.write(run.stdout);
  const median = /median of \d+: ready after ([\d.]+) ms; idle RSS ([\d.]+) MB; idle CPU ([\d.]+) ms\/s/.exec(
    run.stdout,
  );
  if (run.status !== 0 || !median) {
    process.stderr.write(`measure-platform.sh failed (status ${run.status})\n${run.stderr}`);
    return 1;
  }
  const readyMs = Number(median[1]);
  const idleMb = Number(median[2]);
  // no target: what the idle platform's timers and broker fetches take from a busy machine, per second
  const idleCpuMsPerS = Number(median[3]);
  const pass = readyMs < START_TARGET_MS && idleMb < MEMORY_TARGET_MB;
  process.stdout.write(
    `BENCH ${JSON.stringify({
      name: 'platform.startup',
      readyMs,
      targetMs: START_TARGET_MS,
      idleMb,
      targetMb: MEMORY_TARGET_MB,
      idleCpuMsPerS,
      loadAverage: Number(loadavg()[0].toFixed(1)),
      pass,
    })}\n`,
  );
  return pass ? 0 : 1;
}

process.exit(main());
