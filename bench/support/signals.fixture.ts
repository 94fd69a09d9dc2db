/**
 * For signals.spec.ts: starts a long-lived child (as the bench platform starts services), prints its PID, and
 * stops it on SIGTERM/SIGINT through stopOnSignals, as startBenchPlatform does.
 */
import { spawn } from 'node:child_process';
import { stopChild } from '@praxis/platform/local-infra';
import { stopOnSignals } from './signals';

const service = spawn(process.execPath, ['-e', 'setInterval(() => undefined, 1000)'], { stdio: 'ignore' });
stopOnSignals(async () => {
  await stopChild(service, { graceMs: 5000 });
});
process.stdout.write(`${service.pid}\n`);
setInterval(() => undefined, 1000);
