import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSigningKeys } from '@praxis/platform/auth';
import {
  ensureDatabase,
  MOCK_KAFKA_ENV,
  resolveKafka,
  resolvePostgres,
  stopChild,
} from '@praxis/platform/local-infra';
import { generateRecipientKeys } from '@praxis/platform/messaging';
import { parsePortBase, SERVICES, servicePort, SUBGRAPHS, type ServiceEntry } from './services';

export interface LaunchOptions {
  root: string;
  env: NodeJS.ProcessEnv;
  /** Which services to run; all by default. */
  only?: string[];
  log: (line: string) => void;
  /** Where a child's output goes; by default prefixed lines on our stdout. */
  output?: (service: string, line: string) => void;
  /** How long each process may take to answer /health/live; else PRAXIS_READY_TIMEOUT_MS, else 120 s. */
  readyTimeoutMs?: number;
  /** Aborted while starting (Ctrl-C): stop what has started, start nothing more, reject with its reason. */
  signal?: AbortSignal;
}

export const DEFAULT_READY_TIMEOUT_MS = 120000;

/**
 * A service's environment before the launcher's own settings: on the mock broker its timings (MOCK_KAFKA_ENV) are
 * defaults, and a variable the caller set wins (a benchmark or test comparing fetch waits, a person tuning them).
 */
export function withBrokerDefaults(env: NodeJS.ProcessEnv, mock: boolean): NodeJS.ProcessEnv {
  return mock ? { ...MOCK_KAFKA_ENV, ...env } : { ...env };
}

/**
 * PRAXIS_READY_TIMEOUT_MS: how long the launcher waits for each process to become ready before it gives up
 * (a loaded machine starts the platform slowly). Unset or blank: the default; anything else must be a whole
 * number of milliseconds from 1000 to 3600000, else the launcher refuses to start, naming the variable.
 */
export function parseReadyTimeoutMs(value: string | undefined, variable = 'PRAXIS_READY_TIMEOUT_MS'): number {
  if (value === undefined || value.trim() === '') return DEFAULT_READY_TIMEOUT_MS;
  const timeoutMs = Number(value);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1000 || timeoutMs > 3600000)
    throw new Error(
      `${variable} must be an integer number of milliseconds from 1000 to 3600000 (got "${value}")`,
    );
  return timeoutMs;
}

export interface RunningPlatform {
  urls: Record<string, string>;
  brokers: string;
  postgresUrl: string;
  /** The bearer token every process's /metrics wants (METRICS_TOKEN, else one made for this run). */
  metricsToken: string;
  stop(): Promise<void>;
  /** Resolves with the first service that exits on its own. */
  exited: Promise<{ service: string; code: number | null }>;
}

async function signingKeys(
  dataDir: string,
  name = 'auth-keys.json',
): Promise<{ privateJwk: string; publicJwks: string }> {
  const file = path.join(dataDir, name);
  if (existsSync(file))
    return JSON.parse(readFileSync(file, 'utf8')) as { privateJwk: string; publicJwks: string };
  const keys = await generateSigningKeys();
  const stored = { privateJwk: JSON.stringify(keys.privateJwk), publicJwks: JSON.stringify(keys.publicJwks) };
  writeFileSync(file, JSON.stringify(stored), { mode: 0o600 });
  return stored;
}

/** The demographics recipient's key pair (membership encrypts for engagement), generated once like the others. */
async function demographicsKeys(dataDir: string): Promise<{ publicJwk: string; privateJwk: string }> {
  const file = path.join(dataDir, 'demographics-keys.json');
  if (existsSync(file))
    return JSON.parse(readFileSync(file, 'utf8')) as { publicJwk: string; privateJwk: string };
  const keys = await generateRecipientKeys();
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

/**
 * The services run the way the launcher itself runs: compiled (`npm start` builds first, then runs dist/ with
 * plain node, as production does) or as TypeScript through the SWC register hook (system tests, tools).
 */
export function serviceCommand(root: string, entry: string): string[] {
  if (path.extname(__filename) === '.js') {
    const outDir = path.resolve(__dirname, '..');
    return [path.join(outDir, entry.replace(/\.ts$/, '.js'))];
  }
  return ['-r', '@swc-node/register', path.join(root, entry)];
}

/** A random secret generated once into `.praxis/<name>` (owner-only) and reused by later starts. */
function localSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    signal.throwIfAborted();
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`exited with ${child.exitCode ?? child.signalCode} before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`not ready within ${timeoutMs} ms (${url})`);
}

/**
 * The embedded default: PostgreSQL (DATABASE_URL, else 127.0.0.1:5432, else embedded), Kafka (KAFKA_BROKERS,
 * else a local mock broker started here, see resolveKafka), signing keys for the built-in issuer, then every service.
 * If anything fails (a process not ready in time, one that exits) or `options.signal` aborts, the services still
 * starting stop where they are, nothing more is spawned, and every process started is stopped before it rejects.
 */
export async function launchPlatform(options: LaunchOptions): Promise<RunningPlatform> {
  const { root, env, log } = options;
  // validated before anything starts
  const readyTimeoutMs = options.readyTimeoutMs ?? parseReadyTimeoutMs(env.PRAXIS_READY_TIMEOUT_MS);
  const dataDir = path.join(root, '.praxis');
  mkdirSync(dataDir, { recursive: true });
  const cleanups: Array<() => Promise<void>> = [];
  const children = new Map<string, ChildProcess>();
  // aborted by the first failure or by the caller: the other starts stop waiting and spawn nothing more
  const halt = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, halt.signal]) : halt.signal;
  let starting: Array<Promise<void>> = [];
  const stopAll = async () => {
    await Promise.all([...children.values()].map((child) => stopChild(child, { graceMs: 10000 })));
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const postgres = await resolvePostgres({
      databaseUrl: env.DATABASE_URL,
      dataDir: path.join(dataDir, 'pg'),
      log,
    });
    cleanups.push(postgres.stop);
    signal.throwIfAborted();
    log(`PostgreSQL: ${postgres.source} (${new URL(postgres.url).host})`);

    const broker = await resolveKafka({ kafkaBrokers: env.KAFKA_BROKERS });
    cleanups.push(broker.stop);
    signal.throwIfAborted();
    const brokers = broker.brokers;
    log(`Kafka: ${broker.description}${broker.mock ? '; see docs/architecture.md for its limits' : ''}`);

    const portBase = parsePortBase(env.PRAXIS_PORT_BASE);
    const portOf = (service: ServiceEntry) => servicePort(service, portBase);
    if (portBase !== undefined) log(`ports from PRAXIS_PORT_BASE=${portBase}`);
    const keys = await signingKeys(dataDir);
    // membership signs role events with its own key; the consuming services verify with its public half
    const eventKeys = await signingKeys(dataDir, 'event-keys.json');
    const recipientKeys = await demographicsKeys(dataDir);
    const prefix = env.PRAXIS_DB_PREFIX ?? 'praxis';
    // /metrics answers only a scraper with the token, locally too; one per run unless the caller names one
    const metricsToken = env.METRICS_TOKEN?.trim() || randomBytes(24).toString('base64url');
    const selected = SERVICES.filter((service) => !options.only || options.only.includes(service.name));
    const urls: Record<string, string> = {};
    let resolveExit!: (value: { service: string; code: number | null }) => void;
    const exited = new Promise<{ service: string; code: number | null }>(
      (resolve) => (resolveExit = resolve),
    );

    const start = async (service: ServiceEntry) => {
      const serviceEnv: NodeJS.ProcessEnv = {
        ...withBrokerDefaults(env, broker.mock),
        PORT: String(portOf(service)),
        KAFKA_BROKERS: brokers,
        AUTH_JWKS: keys.publicJwks,
        EVENT_VERIFICATION_KEYS: eventKeys.publicJwks,
        OUTBOX_POLL_INTERVAL_MS: env.OUTBOX_POLL_INTERVAL_MS ?? '1000',
        METRICS_TOKEN: metricsToken,
      };
      if (service.database)
        serviceEnv.DATABASE_URL = await ensureDatabase(postgres.url, `${prefix}_${service.name}`);
      else delete serviceEnv.DATABASE_URL;
      // stopping meanwhile: spawn nothing that stopAll, already under way, would not see
      signal.throwIfAborted();
      if (service.name === 'community')
        serviceEnv.COMMUNITY_REFLECTION_SECRET =
          env.COMMUNITY_REFLECTION_SECRET ?? localSecret(dataDir, 'community-reflection-secret');
      if (service.name === 'membership') {
        serviceEnv.AUTH_SIGNING_KEY = keys.privateJwk;
        serviceEnv.EVENT_SIGNING_KEY = eventKeys.privateJwk;
        serviceEnv.DEMOGRAPHICS_RECIPIENT_PUBLIC_KEY ??= recipientKeys.publicJwk;
      }
      if (service.name === 'engagement')
        serviceEnv.DEMOGRAPHICS_RECIPIENT_PRIVATE_KEY ??= recipientKeys.privateJwk;
      // the supergraph records the fixed ports; the gateway is pointed at wherever the subgraphs listen now
      if (service.name === 'gateway')
        for (const subgraph of SUBGRAPHS)
          serviceEnv[`SUBGRAPH_${subgraph.name.toUpperCase()}_URL`] =
            `http://127.0.0.1:${portOf(subgraph)}/graphql`;
      const child = spawn(process.execPath, serviceCommand(root, service.entry), {
        cwd: root,
        env: serviceEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.set(service.name, child);
      const emit =
        options.output ?? ((name: string, line: string) => process.stdout.write(`[${name}] ${line}\n`));
      for (const stream of [child.stdout, child.stderr]) {
        let buffered = '';
        stream?.on('data', (chunk: Buffer) => {
          buffered += chunk.toString('utf8');
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          for (const line of lines) if (line) emit(service.name, line);
        });
      }
      child.once('exit', (code) => resolveExit({ service: service.name, code }));
      await waitForHealth(
        `http://127.0.0.1:${portOf(service)}/health/live`,
        child,
        readyTimeoutMs,
        signal,
      ).catch((error: Error) => {
        throw new Error(`${service.name}: ${error.message}`);
      });
      urls[service.name] = `http://localhost:${portOf(service)}/graphql`;
    };
    starting = selected.map((service) =>
      start(service).catch((error: unknown) => {
        halt.abort(error);
        throw error;
      }),
    );
    await Promise.all(starting);
    return { urls, brokers, postgresUrl: postgres.url, metricsToken, stop: stopAll, exited };
  } catch (error) {
    halt.abort(error);
    // every start settles quickly once halted; only then is every child it spawned in `children`
    await Promise.allSettled(starting);
    await stopAll();
    throw error;
  }
}
