/**
 * npm run bench: runs every bench/*.bench.ts in its own process (so one benchmark's heap and JIT state do not
 * colour another's), prints their output, and a summary of the BENCH lines. Exit code 1 if any missed a target.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = __dirname;
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();
const summary: Array<Record<string, unknown>> = [];
let failed = false;
for (const file of files) {
  process.stdout.write(`\n=== ${file}\n`);
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', path.join(dir, file)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(run.stdout);
  const line = run.stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (line) summary.push(JSON.parse(line.slice(6)) as Record<string, unknown>);
  if (run.status !== 0) failed = true;
}
process.stdout.write('\n=== summary\n');
for (const result of summary) process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(failed ? 1 : 0);
