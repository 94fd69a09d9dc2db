/**
 * The platform for benchmarks: subgraphs (membership, proposals and mentorship unless `subgraphs` names
 * others, e.g. membership and funding, or membership and engagement) and a gateway as `npm start` runs them (same entry points,
 * compiled by `npm run build`'s own function and run with plain node, same mock-broker timings), but on the
 * benchmark's own ports (`BENCH_PORT_BASE`, default 17000) and fresh databases, so a benchmark never collides
 * with the system tests or another checkout. BENCH_COMPILED=0 runs the TypeScript through the SWC register
 * hook instead (as the system tests do): that hook's source-map support makes every captured stack trace
 * expensive, which production never pays.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { transformFile } from '@swc/core';
import { build, swcOptions } from '@praxis/tools/build';
import { generateSigningKeys } from '@praxis/platform/auth';
import {
  dropDatabase,
  ensureDatabase,
  MOCK_KAFKA_ENV,
  resolvePostgres,
  startMockKafka,
  stopChild,
} from '@praxis/platform/local-infra';
import { stopOnSignals } from './signals';

export const ROOT = path.resolve(__dirname, '../..');
export const ADMIN = { email: 'admin@praxis.bench', password: 'bench organiser passphrase 2026' };

const SUBGRAPHS = [
  { name: 'membership', offset: 1, entry: 'apps/membership/src/main.ts' },
  { name: 'proposals', offset: 2, entry: 'apps/proposals/src/main.ts' },
  { name: 'mentorship', offset: 3, entry: 'apps/mentorship/src/main.ts' },
  { name: 'funding', offset: 4, entry: 'apps/funding/src/main.ts' },
  { name: 'engagement', offset: 5, entry: 'apps/engagement/src/main.ts' },
] as const;
const DEFAULT_SUBGRAPHS: readonly SubgraphName[] = ['membership', 'proposals', 'mentorship'];
export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export interface Gateway {
  name: string;
  /** Module started as `node -r @swc-node/register <entry>`, PORT and SUBGRAPH_<NAME>_URL in its environment. */
  entry: string;
  offset: number;
  /** Extra environment for this gateway alone. */
  env?: Record<string, string>;
}

export const APOLLO_GATEWAY: Gateway = { name: 'apollo', entry: 'apps/gateway/src/main.ts', offset: 0 };
/** The alternative, for comparison only (bench/support/hive-gateway.ts), as it comes: */
export const HIVE_GATEWAY: Gateway = { name: 'hive', entry: 'bench/support/hive-gateway.ts', offset: 9 };
/** Our Apollo Gateway and data source on a bare Node server, without Nest and Express (bare-gateway.ts): */
export const BARE_GATEWAY: Gateway = { name: 'bare', entry: 'bench/support/bare-gateway.ts', offset: 6 };
/**
 * and with its default merging of identical in-flight subgraph queries turned off: ten clients sending the same
 * query with the same token are then ten subgraph calls, as they are through our gateway.
 */
export const HIVE_GATEWAY_NO_DEDUPE: Gateway = {
  name: 'hive-nodedupe',
  entry: 'bench/support/hive-gateway.ts',
  offset: 8,
  env: { HIVE_DEDUPLICATE_INFLIGHT: 'false' },
};

export interface BenchPlatform {
  /** URLs of the subgraphs started (those `subgraphs` named). */
  subgraphs: Partial<Record<SubgraphName, string>>;
  gateways: Record<string, string>;
  brokers: string;
  postgresUrl: string;
  databases: Partial<Record<SubgraphName, string>>;
  /** A started subgraph's URL; throws for one the platform did not start. */
  subgraph(name: SubgraphName): string;
  /** A started subgraph's database URL; throws for one the platform did not start. */
  database(name: SubgraphName): string;
  pids: Record<string, number | undefined>;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Compiles the workspace (and the benchmark's own gateway entries) into a directory of this run, as
 * `npm run build` does into dist/, so the services run as production runs them.
 */
async function compileWorkspace(outDir: string, extraEntries: string[]): Promise<void> {
  await build(ROOT, outDir);
  const options = swcOptions(ROOT);
  for (const entry of extraEntries) {
    const source = path.join(ROOT, entry);
    const target = path.join(outDir, entry.replace(/\.ts$/, '.js'));
    mkdirSync(path.dirname(target), { recursive: true });
    const output = await transformFile(source, { ...options, filename: source, outputPath: target });
    await writeFile(target, output.code);
  }
}

export function portBase(): number {
  const value = Number(process.env.BENCH_PORT_BASE ?? 17000);
  if (!Number.isInteger(value) || value < 1024 || value > 65000) throw new Error('BENCH_PORT_BASE: a port');
  return value;
}

/**
 * A port still held (say by a service of a benchmark that crashed before stopping it) would answer the
 * readiness probe for the new service, and the benchmark would then write to a database nobody had migrated.
 */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `port ${port} is in use (a service of an earlier benchmark still running?): stop it first`,
            )
          : error,
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: exited with code ${child.exitCode} before ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url}: not ready within ${timeoutMs} ms`);
}

export async function startBenchPlatform(
  options: {
    gateways?: Gateway[];
    /** The subgraphs to start (membership always; default membership, proposals and mentorship). */
    subgraphs?: readonly SubgraphName[];
    /** Extra environment for every service (e.g. KAFKA_MAX_WAIT_MS). */
    env?: Record<string, string>;
    /** Node flags for every service (e.g. --cpu-prof). */
    nodeArgs?: string[];
    /** Run the compiled output with plain node (default, unless BENCH_COMPILED=0). */
    compiled?: boolean;
    /**
     * false: the benchmark waits for no event, so consumers keep the service's own idle fetch wait (as on a real
     * broker) instead of the mock's short one, which only event delivery needs (ARCHITECTURE.md: the mock holds
     * an empty fetch for the whole wait) and which costs the idle platform about a third of a core.
     */
    waitsForEvents?: boolean;
  } = {},
): Promise<BenchPlatform> {
  const base = portBase();
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=tmp/prof") profiles every service of a run
  const nodeArgs = options.nodeArgs ?? (process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) || []);
  const prefix = `bench_${process.pid}_${Date.now().toString(36)}`;
  const logDir = path.join(ROOT, 'tmp', 'bench-logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${prefix}.log`);
  const log = createWriteStream(logFile);
  const children = new Map<string, ChildProcess>();
  const cleanups: Array<() => Promise<void>> = [];
  const compiled = options.compiled ?? process.env.BENCH_COMPILED !== '0';
  const outDir = path.join(ROOT, 'tmp', `${prefix}-dist`);
  const databases: Partial<Record<SubgraphName, string>> = {};
  const started = SUBGRAPHS.filter(
    (subgraph) =>
      subgraph.name === 'membership' || (options.subgraphs ?? DEFAULT_SUBGRAPHS).includes(subgraph.name),
  );
  // Ctrl-C or `timeout` stops the services (by PID), drops the databases and removes the build, as stop() does
  let release: () => void = () => undefined;
  const stop = async () => {
    release();
    await Promise.all([...children.values()].map((child) => stopChild(child, { graceMs: 10000 })));
    for (const cleanup of cleanups.reverse()) await cleanup();
    log.end();
  };
  release = stopOnSignals(stop);
  try {
    if (compiled) {
      cleanups.push(() => rm(outDir, { recursive: true, force: true }));
      const benchEntries = (options.gateways ?? [APOLLO_GATEWAY])
        .map((gateway) => gateway.entry)
        .filter((entry) => entry.startsWith('bench/'));
      await compileWorkspace(outDir, [...new Set(benchEntries)]);
    }
    const postgres = await resolvePostgres({
      databaseUrl: process.env.DATABASE_URL,
      dataDir: path.join(ROOT, 'tmp', 'bench-pg'),
      log: () => undefined,
    });
    cleanups.push(postgres.stop);
    const broker = await startMockKafka();
    cleanups.push(broker.stop);
    const keys = await generateSigningKeys();
    // membership signs role events; the other services verify them with the public half
    const eventKeys = await generateSigningKeys();
    const common: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      // where an optional benchmark-only package was installed outside the workspace (see hive-gateway.ts)
      ...(process.env.NODE_PATH ? { NODE_PATH: process.env.NODE_PATH } : {}),
      // BENCH_NODE_ARGS="-r bench/support/cpu-profile.cjs" profiles any benchmark's services (SIGWINCH writes)
      ...(process.env.CPU_PROFILE_DIR ? { CPU_PROFILE_DIR: process.env.CPU_PROFILE_DIR } : {}),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      KAFKA_BROKERS: broker.brokers,
      ...mockBrokerEnv(options.waitsForEvents ?? true),
      OUTBOX_POLL_INTERVAL_MS: '1000',
      // the mock's timings are defaults: a KAFKA_* or OUTBOX_* variable set for the benchmark wins, as in the launcher
      ...callerBrokerEnv(process.env),
      AUTH_JWKS: JSON.stringify(keys.publicJwks),
      EVENT_VERIFICATION_KEYS: JSON.stringify(eventKeys.publicJwks),
      ...options.env,
    };
    const spawnService = (name: string, entry: string, env: Record<string, string>, nodeArgs: string[]) => {
      const child = spawn(
        process.execPath,
        compiled
          ? [...nodeArgs, path.join(outDir, entry.replace(/\.ts$/, '.js'))]
          : [...nodeArgs, '-r', '@swc-node/register', path.join(ROOT, entry)],
        {
          cwd: ROOT,
          env: { ...common, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      children.set(name, child);
      child.stdout?.on('data', (chunk: Buffer) => log.write(`[${name}] ${chunk.toString()}`));
      child.stderr?.on('data', (chunk: Buffer) => log.write(`[${name}] ${chunk.toString()}`));
      return child;
    };
    const subgraphs: Partial<Record<SubgraphName, string>> = {};
    await Promise.all(
      started.map(async (subgraph) => {
        const database = `${prefix}_${subgraph.name}`;
        const url = await ensureDatabase(postgres.url, database);
        databases[subgraph.name] = url;
        cleanups.push(() => dropDatabase(postgres.url, database));
        const port = base + subgraph.offset;
        await assertPortFree(port);
        const env: Record<string, string> = { PORT: String(port), DATABASE_URL: url };
        if (subgraph.name === 'membership') {
          env.AUTH_SIGNING_KEY = JSON.stringify(keys.privateJwk);
          env.EVENT_SIGNING_KEY = JSON.stringify(eventKeys.privateJwk);
          env.PRAXIS_ADMIN_EMAIL = ADMIN.email;
          env.PRAXIS_ADMIN_PASSWORD = ADMIN.password;
        }
        const child = spawnService(subgraph.name, subgraph.entry, env, nodeArgs);
        await waitForHttp(`http://127.0.0.1:${port}/health/live`, child, 90000);
        subgraphs[subgraph.name] = `http://127.0.0.1:${port}/graphql`;
      }),
    );
    const subgraphEnv = Object.fromEntries(
      started.map((subgraph) => [
        `SUBGRAPH_${subgraph.name.toUpperCase()}_URL`,
        subgraphs[subgraph.name] as string,
      ]),
    );
    const gateways: Record<string, string> = {};
    for (const gateway of options.gateways ?? [APOLLO_GATEWAY]) {
      const port = base + gateway.offset;
      await assertPortFree(port);
      const child = spawnService(
        `gateway-${gateway.name}`,
        gateway.entry,
        { PORT: String(port), ...subgraphEnv, ...gateway.env },
        nodeArgs,
      );
      const url = `http://127.0.0.1:${port}/graphql`;
      await waitForHttp(`${url}?query=%7B__typename%7D`, child, 90000);
      gateways[gateway.name] = url;
    }
    const pids = Object.fromEntries([...children].map(([name, child]) => [name, child.pid]));
    const startedUrl = (urls: Partial<Record<SubgraphName, string>>, name: SubgraphName) => {
      const url = urls[name];
      if (url === undefined)
        throw new Error(`${name} was not started (startBenchPlatform's subgraphs option)`);
      return url;
    };
    return {
      subgraphs,
      subgraph: (name) => startedUrl(subgraphs, name),
      database: (name) => startedUrl(databases, name),
      gateways,
      brokers: broker.brokers,
      postgresUrl: postgres.url,
      databases,
      pids,
      logFile,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** A request whose data the benchmark needs: errors throw (the shared client of the tools, see tools/graphql-client.ts). */
import { graphqlRequest as gqlOk } from '@praxis/tools/graphql-client';

export { gqlOk };

/** An admin token, an institution and a freshly registered member with their token. */
export async function seedMember(gateway: string): Promise<{
  adminToken: string;
  institutionId: string;
  member: { id: string; token: string };
}> {
  const login = await gqlOk<{ login: { token: string } }>(
    gateway,
    'mutation L($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    ADMIN,
  );
  const adminToken = login.login.token;
  const institution = await gqlOk<{ createInstitution: { id: string } }>(
    gateway,
    'mutation C($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }',
    { input: { name: `Bench University ${Date.now()}`, country: 'GB' } },
    adminToken,
  );
  const member = await registerMember(gateway, institution.createInstitution.id, 'bench');
  return { adminToken, institutionId: institution.createInstitution.id, member };
}

export const REGISTER =
  'mutation R($input: RegisterInput!) { register(input: $input) { token member { id } } }';

export async function registerMember(
  gateway: string,
  institutionId: string,
  name: string,
  careerStage = 'RESIDENT',
): Promise<{ id: string; token: string }> {
  const result = await gqlOk<{ register: { token: string; member: { id: string } } }>(gateway, REGISTER, {
    input: registrationInput(institutionId, name, careerStage),
  });
  return { id: result.register.member.id, token: result.register.token };
}

export function registrationInput(institutionId: string, name: string, careerStage = 'RESIDENT') {
  return {
    email: `${name}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@bench.example`,
    password: 'a long enough passphrase 7',
    displayName: `${name} Bench`,
    careerStage,
    institutionId,
    interests: [],
  };
}

function mockBrokerEnv(waitsForEvents: boolean): Record<string, string> {
  if (waitsForEvents) return { ...MOCK_KAFKA_ENV };
  const { KAFKA_MAX_WAIT_MS: _mockWait, ...rest } = MOCK_KAFKA_ENV;
  return rest;
}

/** The broker and outbox timings set in the benchmark's own environment. */
function callerBrokerEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    [...Object.keys(MOCK_KAFKA_ENV), 'OUTBOX_POLL_INTERVAL_MS'].flatMap((key) => {
      const value = env[key];
      return value === undefined ? [] : [[key, value]];
    }),
  );
}
