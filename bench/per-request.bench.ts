/**
 * Per-request cost of the platform: 10 concurrent clients on membership's subgraph and through the gateway.
 *
 *   npm run bench   (or: node -r @swc-node/register bench/per-request.bench.ts)
 *
 * Targets (issue 7): an authenticated single-record query (`{ me { id } }`) on a subgraph at >= 60 % of that
 * subgraph's `{ __typename }` rate; the gateway adding <= 25 % to the median latency of the direct call.
 * Scenarios run interleaved in rounds (the median round counts), on ports from BENCH_PORT_BASE (17000).
 * BENCH_SECONDS / BENCH_ROUNDS shorten or lengthen a run. The same rounds run the same Apollo Gateway and data source
 * on a bare Node server (bench/support/bare-gateway.ts): what our handler around Apollo costs per request.
 */
import { loadavg } from 'node:os';
import { runBench, runInterleaved, table, type Scenario } from './support/load';
import {
  APOLLO_GATEWAY,
  BARE_GATEWAY,
  HIVE_GATEWAY,
  HIVE_GATEWAY_NO_DEDUPE,
  seedMember,
  startBenchPlatform,
} from './support/bench-platform';
import { hiveRuntimeInstalled } from './support/hive-gateway';

const TYPENAME = '{ __typename }';
/** A latency in ms to the microsecond, for the JSON line. */
const ms = (value: number) => Number(value.toFixed(3));
const cpu = (measured: { cpuUs?: number }) =>
  measured.cpuUs === undefined ? null : Math.round(measured.cpuUs);
const ME = '{ me { id } }';

async function main(): Promise<number> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const withHive = hiveRuntimeInstalled();
  if (!withHive)
    process.stderr.write(
      'Hive Gateway not compared: @graphql-hive/gateway-runtime is not installed (see bench/support/hive-gateway.ts)\n',
    );
  const platform = await startBenchPlatform({
    gateways: [APOLLO_GATEWAY, BARE_GATEWAY, ...(withHive ? [HIVE_GATEWAY, HIVE_GATEWAY_NO_DEDUPE] : [])],
  });
  try {
    const gateway = platform.gateways.apollo;
    const { member } = await seedMember(gateway);
    const membership = platform.subgraph('membership');
    // CPU per request is the serving process's: membership's for the direct calls, the gateway's through it
    const {
      membership: membershipPid,
      'gateway-apollo': gatewayPid,
      'gateway-hive': hivePid,
      'gateway-hive-nodedupe': hiveNoDedupePid,
      'gateway-bare': barePid,
    } = platform.pids;
    const scenarios: Scenario[] = [
      { name: 'subgraph { __typename }', url: membership, query: TYPENAME, pid: membershipPid },
      { name: 'subgraph { me { id } }', url: membership, query: ME, token: member.token, pid: membershipPid },
      { name: 'gateway { __typename }', url: gateway, query: TYPENAME, pid: gatewayPid },
      {
        name: 'gateway { me { id } }',
        url: gateway,
        query: ME,
        token: member.token,
        pid: gatewayPid,
        upstreamPid: membershipPid,
      },
    ];
    const comparisons: Scenario[] = [
      { name: 'bare gateway { __typename }', url: platform.gateways.bare, query: TYPENAME, pid: barePid },
      {
        name: 'bare gateway { me { id } }',
        url: platform.gateways.bare,
        query: ME,
        token: member.token,
        pid: barePid,
        upstreamPid: membershipPid,
      },
    ];
    const hive = platform.gateways.hive;
    if (hive)
      scenarios.push({
        name: 'hive gateway { me { id } }',
        url: hive,
        query: ME,
        token: member.token,
        pid: hivePid,
        upstreamPid: membershipPid,
      });
    const hiveNoDedupe = platform.gateways['hive-nodedupe'];
    if (hiveNoDedupe)
      scenarios.push({
        name: 'hive, no in-flight dedupe { me { id } }',
        url: hiveNoDedupe,
        query: ME,
        token: member.token,
        pid: hiveNoDedupePid,
        upstreamPid: membershipPid,
      });
    const results = await runInterleaved([...scenarios, ...comparisons], {
      rounds,
      seconds,
      connections: 10,
      warmupSeconds: 2,
    });
    const [typename, me, , gatewayMe, hiveMe, hiveNoDedupeMe] = scenarios.map(
      (scenario) => results[scenario.name],
    );
    process.stdout.write(
      `${table([...scenarios, ...comparisons].map((scenario) => results[scenario.name]))}\n`,
    );
    const [bareTypename, bareMe] = comparisons.map((scenario) => results[scenario.name]);
    const authenticatedShare = me.rps / typename.rps;
    const gatewayAdds = gatewayMe.p50 / me.p50 - 1;
    const failures = scenarios.reduce((sum, scenario) => sum + results[scenario.name].failures, 0);
    process.stdout.write(
      `subgraph me/typename rate: ${(authenticatedShare * 100).toFixed(0)} % (target >= 60 %)\n` +
        `gateway adds to the median: ${(gatewayAdds * 100).toFixed(0)} % (target <= 25 %)\n` +
        (hiveMe
          ? `Hive Gateway adds to the median: ${((hiveMe.p50 / me.p50 - 1) * 100).toFixed(0)} %, ${hiveMe.rps.toFixed(0)} req/s\n`
          : '') +
        (hiveNoDedupeMe
          ? `Hive Gateway without in-flight dedupe adds: ${((hiveNoDedupeMe.p50 / me.p50 - 1) * 100).toFixed(0)} %, ${hiveNoDedupeMe.rps.toFixed(0)} req/s\n`
          : '') +
        `load average ${loadavg()
          .map((value) => value.toFixed(1))
          .join(' ')} (2 cores, shared)\n`,
    );
    const ok = authenticatedShare >= 0.6 && gatewayAdds <= 0.25 && failures === 0;
    process.stdout.write(
      `BENCH ${JSON.stringify({
        bench: 'per-request',
        connections: 10,
        seconds,
        rounds,
        subgraphTypenameRps: Math.round(typename.rps),
        subgraphMeRps: Math.round(me.rps),
        subgraphMeP50Ms: ms(me.p50),
        subgraphMeCpuUs: me.cpuUs === undefined ? null : Math.round(me.cpuUs),
        subgraphTypenameCpuUs: typename.cpuUs === undefined ? null : Math.round(typename.cpuUs),
        gatewayMeCpuUs: gatewayMe.cpuUs === undefined ? null : Math.round(gatewayMe.cpuUs),
        gatewayMeRps: Math.round(gatewayMe.rps),
        gatewayMeP50Ms: ms(gatewayMe.p50),
        authenticatedShare: Number(authenticatedShare.toFixed(3)),
        gatewayAddsToMedian: Number(gatewayAdds.toFixed(3)),
        ...(hiveMe
          ? {
              hiveMeRps: Math.round(hiveMe.rps),
              hiveMeP50Ms: ms(hiveMe.p50),
              hiveAddsToMedian: Number((hiveMe.p50 / me.p50 - 1).toFixed(3)),
              hiveMeCpuUs: hiveMe.cpuUs === undefined ? null : Math.round(hiveMe.cpuUs),
            }
          : {}),
        ...(hiveNoDedupeMe
          ? {
              hiveNoDedupeMeRps: Math.round(hiveNoDedupeMe.rps),
              hiveNoDedupeMeP50Ms: ms(hiveNoDedupeMe.p50),
              hiveNoDedupeAddsToMedian: Number((hiveNoDedupeMe.p50 / me.p50 - 1).toFixed(3)),
              hiveNoDedupeMeCpuUs:
                hiveNoDedupeMe.cpuUs === undefined ? null : Math.round(hiveNoDedupeMe.cpuUs),
            }
          : {}),
        gatewayTypenameCpuUs: cpu(results['gateway { __typename }']),
        bareTypenameCpuUs: cpu(bareTypename),
        bareMeCpuUs: cpu(bareMe),
        bareMeP50Ms: ms(bareMe.p50),
        bareAddsToMedian: Number((bareMe.p50 / me.p50 - 1).toFixed(3)),
        loadAverage: Number(loadavg()[0].toFixed(1)),
        failures,
        ok,
      })}\n`,
    );
    return ok ? 0 : 1;
  } finally {
    await platform.stop();
  }
}

runBench('per-request', main);
