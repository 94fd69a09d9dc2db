/**
 * Engagement rebuild throughput (issue 12): the projections replayed from the topics into fresh tables, against a
 * plain kafkajs consumer reading the same topics in the same run.
 *
 *   node -r @swc-node/register bench/engagement-rebuild.bench.ts     (part of npm run bench)
 *
 * BENCH_REBUILD_EVENTS (default 20000) events of engagement's synthetic history (members registering and
 * changing career stage, proposals submitted and withdrawn, mentoring relationships started and ended) are
 * produced to their topics on the local broker, in record batches of up to 500 as the outbox relay sends them.
 * Then, each in a consumer group of its own and timed from its first fetched batch to its last message: the plain
 * consumer (eachBatch, counting messages, no decoding) and `rebuildProjections`, the code behind
 * `npm run engagement:rebuild`, run as a command (contract checks, handlers, runs of events in one transaction with their inbox
 * rows) into a fresh engagement database, which it migrates first. Target: at least 20,000 events/s for the rebuild.
 * Beside the rates, each side's own CPU time per event over the same span (the neighbours' load stretches it
 * far less; PostgreSQL's and the broker's CPU is in neither).
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import type { EventContract, EventOf } from '@praxis/contracts';
import { spawn } from 'node:child_process';
import {
  MemberProfileUpdatedV1,
  MemberRegisteredV1,
  MentorshipRelationshipEndedV1,
  MentorshipRelationshipStartedV1,
  ProposalSubmittedV1,
  ProposalWithdrawnV1,
} from '@praxis/contracts';
import { dropDatabase, ensureDatabase, resolvePostgres, startMockKafka } from '@praxis/platform/local-infra';
import { createKafka } from '@praxis/platform/messaging';
import { createLogger } from '@praxis/platform/observability';
import { randomUUID } from 'node:crypto';
import { syntheticHistory } from '@praxis/platform/testing';
import { ROOT } from './support/bench-platform';
import { progress, progressDone } from './support/load';

const TARGET = 20000;
const FAST = { sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, maxWaitMs: 100 };
/** How long the plain consumer may read nothing before the run fails. */
const STALL_MS = 30000;

/** Runs `npm run engagement:rebuild`'s entry point and reads its summary line. */
function runRebuild(env: Record<string, string>): Promise<{
  replayed: number;
  replayRate: number;
  finishSeconds: number;
  cpuMicrosPerEvent: number;
  seconds: number;
}> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        // BENCH_CPU_PROF=<dir>: a CPU profile of the rebuild process (open it in Chrome's DevTools)
        ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
        '-r',
        '@swc-node/register',
        path.join(ROOT, 'apps/engagement/src/rebuild.ts'),
      ],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('exit', (code) => {
      const match =
        /(\d+) messages replayed \((\d+)\/s\).* roll-up and statistics ([\d.]+) s of the replay, (\d+) µs CPU per event, ([\d.]+) s$/m.exec(
          out,
        );
      if (code !== 0 || !match) return reject(new Error(`engagement:rebuild exited ${code}: ${out}`));
      resolve({
        replayed: Number(match[1]),
        replayRate: Number(match[2]),
        finishSeconds: Number(match[3]),
        cpuMicrosPerEvent: Number(match[4]),
        seconds: Number(match[5]),
      });
    });
  });
}

async function main(): Promise<number> {
  const count = Number(process.env.BENCH_REBUILD_EVENTS ?? 20000);
  const logger = createLogger('bench-rebuild', 'warn');
  const postgres = await resolvePostgres({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: path.join(ROOT, 'tmp', 'bench-pg'),
    log: () => undefined,
  });
  const broker = await startMockKafka();
  const database = `praxis_bench_rebuild_${process.pid}`;
  try {
    const kafka = createKafka(
      {
        brokers: broker.brokers.split(','),
        clientId: 'bench-rebuild',
        ...FAST,
        replicationFactor: 1,
        consumerMaxAttempts: 3,
      },
      logger,
    );
    // the topics the synthetic history is produced to (all consumed by engagement's projections)
    const topics = [
      MemberRegisteredV1,
      MemberProfileUpdatedV1,
      ProposalSubmittedV1,
      ProposalWithdrawnV1,
      MentorshipRelationshipStartedV1,
      MentorshipRelationshipEndedV1,
    ].map((contract) => contract.topic);
    const producer = kafka.producer({ allowAutoTopicCreation: true });
    await producer.connect();
    const institutions = Array.from({ length: 8 }, () => randomUUID());
    for (let sent = 0; sent < count;) {
      const chunk: Array<EventOf<EventContract>> = syntheticHistory(
        Math.min(10000, count - sent),
        institutions,
      );
      const byTopic = new Map<string, Array<{ key: string; value: string }>>();
      for (const event of chunk) {
        const topic = `${event.type}.v${event.version}`;
        const list = byTopic.get(topic) ?? [];
        list.push({ key: event.aggregateId, value: JSON.stringify(event) });
        byTopic.set(topic, list);
      }
      for (const [topic, messages] of byTopic)
        for (let at = 0; at < messages.length; at += 500)
          await producer.send({ topic, acks: -1, messages: messages.slice(at, at + 500) });
      sent += chunk.length;
      progress(`produced ${sent}/${count} events`);
    }
    await producer.disconnect();
    progressDone();
    // the local broker (librdkafka's mock cluster) keeps at most 5 MiB or 100,000 record batches per partition and
    // drops the oldest batches beyond that: a history that does not fit would be read, and rebuilt, short (at
    // 100,000 events the plain consumer read 95,105)
    const admin = kafka.admin();
    await admin.connect();
    try {
      for (const topic of topics)
        for (const { partition, low } of await admin.fetchTopicOffsets(topic))
          if (Number(low) > 0)
            throw new Error(
              `${topic} [${partition}] now starts at offset ${low}: the local broker dropped its oldest record ` +
                `batches (it keeps 5 MiB per partition); run with fewer BENCH_REBUILD_EVENTS`,
            );
    } finally {
      await admin.disconnect();
    }

    // the plain consumer: kafkajs reading every topic from the beginning, nothing done with the messages
    const plain = kafka.consumer({
      groupId: `bench.plain.${process.pid}`,
      sessionTimeout: FAST.sessionTimeoutMs,
      heartbeatInterval: FAST.heartbeatIntervalMs,
      maxWaitTimeInMs: FAST.maxWaitMs,
    });
    let read = 0;
    let firstAt = 0;
    let lastAt = 0;
    let cpuAtFirst: NodeJS.CpuUsage | null = null;
    let plainCpu = null as NodeJS.CpuUsage | null;
    await plain.connect();
    await plain.subscribe({ topics, fromBeginning: true });
    await plain.run({
      partitionsConsumedConcurrently: 4,
      eachBatch: async ({ batch }) => {
        firstAt ||= Date.now();
        cpuAtFirst ??= process.cpuUsage();
        read += batch.messages.length;
        lastAt = Date.now();
        if (read >= count) plainCpu = process.cpuUsage(cpuAtFirst);
      },
    });
    // a consumer that stops short fails the run after 30 s without a message rather than waiting for ever
    for (let seen = read, since = Date.now(); read < count;) {
      progress(`plain consumer: ${read}/${count} messages`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (read !== seen) [seen, since] = [read, Date.now()];
      else if (Date.now() - since > STALL_MS)
        throw new Error(
          `plain consumer stalled at ${read} of ${count} messages (nothing for ${STALL_MS / 1000} s)`,
        );
    }
    progressDone();
    await plain.disconnect();
    const plainRate = read / ((lastAt - firstAt) / 1000);
    const plainCpuMicros = plainCpu ? (plainCpu.user + plainCpu.system) / read : 0;

    const url = await ensureDatabase(postgres.url, database);
    // the command itself, as an operator runs it (the progress bar goes to this terminal)
    const summary = await runRebuild({
      DATABASE_URL: url,
      KAFKA_BROKERS: broker.brokers,
      KAFKA_SESSION_TIMEOUT_MS: String(FAST.sessionTimeoutMs),
      KAFKA_HEARTBEAT_INTERVAL_MS: String(FAST.heartbeatIntervalMs),
      KAFKA_MAX_WAIT_MS: String(FAST.maxWaitMs),
      LOG_LEVEL: 'warn',
    });
    const ratio = summary.replayRate / plainRate;
    const load = loadavg().map((value) => value.toFixed(1));
    process.stdout.write(
      `events ${count}: rebuild ${Math.round(summary.replayRate)} events/s (${summary.replayed} replayed, the ` +
        `roll-up and statistics after the last run ${summary.finishSeconds.toFixed(2)} s of it; ` +
        `${summary.seconds.toFixed(1)} s with migrations, join and swap), plain kafkajs consumer ` +
        `${Math.round(plainRate)} messages/s, rebuild / plain ${ratio.toFixed(2)}; CPU per event: rebuild ` +
        `process ${Math.round(summary.cpuMicrosPerEvent)} µs, plain consumer ${Math.round(plainCpuMicros)} µs\n`,
    );
    process.stdout.write(`load average ${load.join(' ')} (2 cores, shared)\n`);
    const ok = summary.replayRate >= TARGET;
    process.stdout.write(
      `BENCH ${JSON.stringify({
        bench: 'engagement-rebuild',
        events: count,
        rebuildPerSecond: Math.round(summary.replayRate),
        plainPerSecond: Math.round(plainRate),
        rebuildCpuMicrosPerEvent: Math.round(summary.cpuMicrosPerEvent),
        plainCpuMicrosPerEvent: Math.round(plainCpuMicros),
        ratio: Number(ratio.toFixed(2)),
        target: TARGET,
        met: ok,
        loadAverage: Number(load[0]),
      })}\n`,
    );
    return ok ? 0 : 1;
  } finally {
    await dropDatabase(postgres.url, database).catch(() => undefined);
    await broker.stop();
    await postgres.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
