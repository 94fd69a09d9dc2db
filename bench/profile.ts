/**
 * CPU profiles of the services under one benchmark scenario (not part of `npm run bench`):
 *
 *   node -r @swc-node/register bench/profile.ts <scenario> [seconds]
 *
 * Scenarios: gateway-me, subgraph-me, subgraph-typename (membership), gateway-draft, subgraph-draft (a new
 * `saveProposalDraft` each request, through the gateway or on proposals' subgraph).
 *
 * Starts the bench platform with bench/support/cpu-profile.cjs preloaded, drives 10 clients for `seconds` (10)
 * after a warm-up, and prints each process's CPU time per request and, for the gateway and the service the
 * scenario calls (membership or proposals), the functions and packages with the most self and inclusive time.
 * Profiles are kept in tmp/prof/.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadavg } from 'node:os';
import { cpuMs, runOnce, type Scenario } from './support/load';
import { ROOT, seedMember, startBenchPlatform } from './support/bench-platform';
import { draftInput, openCompetition, SAVE_DRAFT } from './support/drafts';
import { summariseProfile } from './support/profile-summary';

/** CPU milliseconds of each process so far. */
function cpuTimes(pids: Record<string, number | undefined>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) {
    const ms = cpuMs(pid);
    if (ms !== undefined) out[name] = ms;
  }
  return out;
}

const PROFILE_DIR = path.join(ROOT, 'tmp', 'prof');

async function main(): Promise<void> {
  const which = process.argv[2] ?? 'gateway-me';
  const seconds = Number(process.argv[3] ?? 10);
  rmSync(PROFILE_DIR, { recursive: true, force: true });
  const platform = await startBenchPlatform({
    nodeArgs: ['-r', path.join(ROOT, 'bench/support/cpu-profile.cjs')],
    env: { CPU_PROFILE_DIR: PROFILE_DIR },
    // the profiled requests wait for no event: consumers poll as on a real broker, not at the mock's short wait
    waitsForEvents: false,
  });
  try {
    const gateway = platform.gateways.apollo;
    const { adminToken, member } = await seedMember(gateway);
    const draft = {
      query: SAVE_DRAFT,
      variables: { input: draftInput(await openCompetition(gateway, adminToken), member.id) },
      token: member.token,
    };
    const scenarios: Record<string, Scenario> = {
      'gateway-me': { name: which, url: gateway, query: '{ me { id } }', token: member.token },
      'subgraph-me': {
        name: which,
        url: platform.subgraph('membership'),
        query: '{ me { id } }',
        token: member.token,
      },
      'subgraph-typename': { name: which, url: platform.subgraph('membership'), query: '{ __typename }' },
      'gateway-draft': { name: which, url: gateway, ...draft },
      'subgraph-draft': { name: which, url: platform.subgraph('proposals'), ...draft },
    };
    const service = which.endsWith('-draft') ? 'proposals' : 'membership';
    const scenario = scenarios[which];
    if (!scenario) throw new Error(`unknown scenario ${which}`);
    await runOnce(scenario, 2, 10);
    // restart the profiles after the warm-up: SIGWINCH writes and starts again (writing the start-up's profile
    // holds each process for a few seconds on a loaded machine)
    for (const pid of Object.values(platform.pids)) if (pid) process.kill(pid, 'SIGWINCH');
    await new Promise((resolve) => setTimeout(resolve, 5000));
    rmSync(PROFILE_DIR, { recursive: true, force: true });
    const before = cpuTimes(platform.pids);
    const measured = await runOnce(scenario, seconds, 10);
    const after = cpuTimes(platform.pids);
    if (measured.requests === 0) throw new Error(`${which}: no request answered in ${seconds} s`);
    for (const pid of Object.values(platform.pids)) if (pid) process.kill(pid, 'SIGWINCH');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    process.stdout.write(
      `${which}: ${measured.rps.toFixed(0)} req/s, p50 ${measured.p50} ms; load ${loadavg()[0].toFixed(1)}\n`,
    );
    for (const [name, ms] of Object.entries(after))
      process.stdout.write(
        `${name}: ${(((ms - (before[name] ?? 0)) / measured.requests) * 1000).toFixed(0)} µs CPU per request\n`,
      );
    const names = Object.fromEntries(Object.entries(platform.pids).map(([name, pid]) => [String(pid), name]));
    for (const file of readdirSync(PROFILE_DIR)) {
      const pid = /-(\d+)\.cpuprofile$/.exec(file)?.[1] ?? '';
      const name = names[pid] ?? file;
      if (!['gateway-apollo', service].includes(name)) continue;
      const profile = JSON.parse(readFileSync(path.join(PROFILE_DIR, file), 'utf8'));
      process.stdout.write(`\n== ${name} (${file}), per request: ${measured.requests} requests\n`);
      process.stdout.write(`${summariseProfile(profile, measured.requests)}\n`);
    }
  } finally {
    await platform.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`profile failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
