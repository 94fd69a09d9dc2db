/**
 * Per-request cost of the platform: 10 concurrent clients on membership's subgraph and through the gateway.
 *
 *   npm run bench   (or: node -r @swc-node/register bench/per-request.bench.ts)
 *
 * Targets (issue 7): an authenticated single-record query (`{ me { id } }`) on a subgraph at >= 60 % of that
 * subgraph's `{ __typename }` rate; the gateway adding <= 25 % to the median latency of the direct call.
 * Scenarios run interleaved in rounds (the median round counts), on ports from BENCH_PORT_BASE (17000).
 * BENCH_SECONDS / BENCH_ROUNDS shorten or lengthen a run; BENCH_OPEN_RATE sets the open-loop pair's rate
 * (OPEN_RATE). The same rounds run the same Apollo Gateway and data source on a bare Node server
 * (bench/support/bare-gateway.ts): what our handler around Apollo costs per request.
 */
import { loadavg } from 'node:os';
import { runBench, runInterleaved, table, type Scenario } from './support/load';
import { openLoopTable, runOpenLoop, type OpenLoopResult, type OpenLoopScenario } from './support/open-loop';
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
/**
 * The closed loop's 10 clients keep the machine saturated, where a median is the round trip of the whole queue
 * (10 / rate) and the gateway's share is its share of the machine's CPU. Beside it, the same `me` at a fixed rate
 * well below saturation (BENCH_OPEN_RATE, 100/s), at most 10 in flight like the closed loop's clients: the time
 * the extra hop adds to one request. (With no cap, a loaded machine's stall let requests pile up on new sockets
 * and the gateway's median ran to seconds: a picture of the neighbours, not of the hop.)
 */
const OPEN_RATE = Number(process.env.BENCH_OPEN_RATE ?? 100);
const OPEN_IN_FLIGHT = 10;

/** Open-loop scenarios run in alternating rounds like runInterleaved's; each figure the median round's. */
async function openLoopMedians(
  scenarios: OpenLoopScenario[],
  options: { rate: number; seconds: number; rounds: number },
): Promise<OpenLoopResult[]> {
  const runs: OpenLoopResult[][] = scenarios.map(() => []);
  const load = { rate: options.rate, maxInFlight: OPEN_IN_FLIGHT };
  for (const scenario of scenarios) await runOpenLoop(scenario, { ...load, seconds: 1 });
  for (let round = 0; round < options.rounds; round += 1)
    for (const [index, scenario] of scenarios.entries())
      runs[index].push(await runOpenLoop(scenario, { ...load, seconds: options.seconds }));
  return runs.map((rounds) => {
    const byP50 = [...rounds].sort((a, b) => a.p50 - b.p50);
    return byP50[Math.floor((byP50.length - 1) / 2)];
  });
}

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
    // no request here waits for an event: the consumers poll as on a real broker (see startBenchPlatform)
    waitsForEvents: false,
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
    const open = await openLoopMedians(
      [
        { name: 'open loop: subgraph { me { id } }', url: membership, query: ME, token: member.token },
        { name: 'open loop: gateway { me { id } }', url: gateway, query: ME, token: member.token },
      ],
      { rate: OPEN_RATE, seconds, rounds },
    );
    process.stdout.write(`${openLoopTable(open)}\n`);
    const [openDirect, openGateway] = open;
    const openAdds = openGateway.p50 / openDirect.p50 - 1;
    const authenticatedShare = me.rps / typename.rps;
    const gatewayAdds = gatewayMe.p50 / me.p50 - 1;
    const failures = scenarios.reduce((sum, scenario) => sum + results[scenario.name].failures, 0);
    process.stdout.write(
      `subgraph me/typename rate: ${(authenticatedShare * 100).toFixed(0)} % (target >= 60 %)\n` +
        `gateway adds to the median: ${(gatewayAdds * 100).toFixed(0)} % (target <= 25 %)\n` +
        `below saturation (open loop, ${OPEN_RATE}/s): the gateway adds ${(openAdds * 100).toFixed(0)} % to the median ` +
        `(${openDirect.p50.toFixed(2)} -> ${openGateway.p50.toFixed(2)} ms)\n` +
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
        openLoopRate: OPEN_RATE,
        openLoopSubgraphMeP50Ms: ms(openDirect.p50),
        openLoopGatewayMeP50Ms: ms(openGateway.p50),
        openLoopGatewayAddsToMedian: Number(openAdds.toFixed(3)),
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
