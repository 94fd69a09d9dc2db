import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { stopChild } from './child-process';

export interface RunningBroker {
  brokers: string;
  stop(): Promise<void>;
  pid: number | undefined;
}

/** Where the local Kafka-protocol broker came from, in the order they are tried. */
export type BrokerSource = 'env' | 'crab' | 'kcat';

export interface ResolvedBroker extends RunningBroker {
  source: BrokerSource;
  /** One line for a person: what broker this is and where it listens. */
  description: string;
  /** True for the librdkafka mock cluster (either carrier): in memory, no topic creation, see ARCHITECTURE.md. */
  mock: boolean;
}

/**
 * Consumer and relay timings for the librdkafka mock (ARCHITECTURE.md), which the launcher, the benchmarks and the
 * system tests give every service when the broker is the mock; a real cluster keeps the services' defaults.
 * - The mock holds an empty fetch for the whole `KAFKA_MAX_WAIT_MS` even when data arrives meanwhile (a real broker
 *   answers as soon as `minBytes` are there), so that wait adds up to itself to an event's latency: 25 ms keeps
 *   commit -> applied under issue 7's 250 ms at the 99th percentile (bench/event-latency.bench.ts gives the
 *   fetch wait's share), at the cost of an idle consumer asking 40 times a second.
 * - The mock answers a fetch with one record batch per partition whatever the backlog, so a consumer keeps up with
 *   a steady stream only if the relay's batches are big enough: under load the relay publishes at most every 50 ms.
 */
export const MOCK_KAFKA_ENV: Readonly<Record<string, string>> = {
  KAFKA_SESSION_TIMEOUT_MS: '6000',
  KAFKA_HEARTBEAT_INTERVAL_MS: '500',
  KAFKA_MAX_WAIT_MS: '25',
  OUTBOX_LINGER_MS: '50',
};

export const NO_LOCAL_BROKER_MESSAGE =
  'No Kafka broker: KAFKA_BROKERS is not set and no local Kafka-protocol broker could be started.\n' +
  '  - On Linux x64 (glibc) `npm install` brings kafka-crab-js-linux-x64-gnu, whose librdkafka mock cluster is\n' +
  '    started automatically; check that node_modules/kafka-crab-js-linux-x64-gnu exists.\n' +
  '  - Elsewhere, install kcat (e.g. `apt-get install kcat`, `brew install kcat`), which carries the same mock,\n' +
  '  - or point Praxis at a real broker with KAFKA_BROKERS=host:9092 (e.g. `docker compose up kafka`).';

/** kafka-crab-js ships its prebuilt librdkafka for Linux x64 with glibc only. */
export function crabAvailable(): boolean {
  if (process.platform !== 'linux' || process.arch !== 'x64') return false;
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  if (!report?.header?.glibcVersionRuntime) return false;
  try {
    require.resolve('kafka-crab-js-linux-x64-gnu');
    return true;
  } catch {
    return false;
  }
}

export function kcatAvailable(): boolean {
  const probe = spawnSync('kcat', ['-V'], { stdio: 'ignore' });
  return probe.error === undefined;
}

export interface BrokerProbes {
  crabAvailable(): boolean;
  kcatAvailable(): boolean;
  startCrab(): Promise<RunningBroker>;
  startKcat(): Promise<RunningBroker>;
}

const defaultProbes: BrokerProbes = {
  crabAvailable,
  kcatAvailable,
  startCrab: () => startCrabBroker(),
  startKcat: () => startKcatBroker(),
};

/**
 * The broker, in ARCHITECTURE.md's order: `KAFKA_BROKERS` if set, else the librdkafka mock cluster carried by
 * kafka-crab-js (Linux x64), else the same mock through `kcat` where it is installed, else a clear message. A local
 * broker runs in a child process and is stopped (by its pid) with `stop()`.
 */
export async function resolveKafka(
  options: { kafkaBrokers?: string; probes?: Partial<BrokerProbes> } = {},
): Promise<ResolvedBroker> {
  const probes = { ...defaultProbes, ...options.probes };
  if (options.kafkaBrokers && options.kafkaBrokers.trim() !== '') {
    return {
      brokers: options.kafkaBrokers,
      pid: undefined,
      stop: async () => undefined,
      source: 'env',
      description: `Kafka at ${options.kafkaBrokers} (from KAFKA_BROKERS)`,
      mock: false,
    };
  }
  if (probes.crabAvailable()) {
    const broker = await probes.startCrab();
    return {
      ...broker,
      source: 'crab',
      description: `local mock broker at ${broker.brokers} (librdkafka mock cluster from kafka-crab-js, in memory)`,
      mock: true,
    };
  }
  if (probes.kcatAvailable()) {
    const broker = await probes.startKcat();
    return {
      ...broker,
      source: 'kcat',
      description: `local mock broker at ${broker.brokers} (librdkafka mock cluster from kcat, in memory)`,
      mock: true,
    };
  }
  throw new Error(NO_LOCAL_BROKER_MESSAGE);
}

/** A local mock broker whatever KAFKA_BROKERS says (benchmarks want their own): kafka-crab-js, else kcat. */
export function startMockKafka(probes?: Partial<BrokerProbes>): Promise<ResolvedBroker> {
  return resolveKafka({ probes });
}

/** Waits for `pattern` on a child's stream, then keeps draining it so the pipe never fills and blocks the broker. */
function announced(
  child: ChildProcess,
  stream: NodeJS.ReadableStream | null,
  pattern: RegExp,
  what: string,
  timeoutMs: number,
): Promise<RunningBroker> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} did not report its address within ${timeoutMs} ms`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('utf8');
      const match = pattern.exec(buffer);
      if (!match) return;
      clearTimeout(timer);
      buffer = '';
      stream?.off('data', onData);
      stream?.resume();
      child.off('exit', onExit);
      resolve({
        brokers: match[1],
        pid: child.pid,
        stop: async () => {
          await stopChild(child);
        },
      });
    };
    const onExit = (code: number | null): void => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with code ${code} before it was ready`));
    };
    stream?.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', onExit);
  });
}

/**
 * Starts the librdkafka mock cluster from kafka-crab-js in a child process (`crab-mock-broker.cjs`). The child
 * exits when its stdin closes, so it dies with the process that started it even when that one is killed.
 */
export function startCrabBroker(
  options: { brokers?: number; timeoutMs?: number } = {},
): Promise<RunningBroker> {
  const child = spawn(
    process.execPath,
    [path.join(__dirname, 'crab-mock-broker.cjs'), String(options.brokers ?? 1)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  return announced(
    child,
    child.stdout,
    /PRAXIS_MOCK_BROKERS=(\S+)/,
    'the kafka-crab-js mock broker',
    options.timeoutMs ?? 15000,
  );
}

/** Starts the librdkafka mock cluster through kcat; it lives as long as the kcat process. */
export function startKcatBroker(
  options: { brokers?: number; timeoutMs?: number } = {},
): Promise<RunningBroker> {
  const child: ChildProcess = spawn(
    'kcat',
    [
      '-X',
      `test.mock.num.brokers=${options.brokers ?? 1}`,
      '-d',
      'mock',
      '-b',
      'dummy',
      '-C',
      '-t',
      '__praxis_keepalive',
      '-o',
      'end',
      '-q',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return announced(
    child,
    child.stderr,
    /bootstrap\.servers=(\S+)/,
    'the kcat mock broker',
    options.timeoutMs ?? 10000,
  );
}
