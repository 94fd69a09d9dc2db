import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { dropDatabase, MOCK_KAFKA_ENV, stopChild } from '@praxis/platform/local-infra';
import { testBrokers, testPostgresUrl, uniqueName } from '@praxis/platform/testing';
import { ensureBuild } from '@praxis/tools/build';
import { parsePortBase, serviceByName, servicePort, SERVICES } from '@praxis/tools/services';

const ROOT = path.resolve(__dirname, '../../../..');
/** What `npm start` runs once it has built: the compiled launcher, which runs the compiled services. */
const START = path.join(ROOT, 'dist', 'tools', 'start.js');

/**
 * System tests run the platform on their own port base (gateway on the base, service i on base + i), away from a
 * developer's `npm start` on 3001…/4000; give each checkout its own `PRAXIS_TEST_PORT_BASE` to run two side by side.
 */
export const TEST_PORT_BASE =
  parsePortBase(process.env.PRAXIS_TEST_PORT_BASE, 'PRAXIS_TEST_PORT_BASE') ?? 4100;

/** Where service `name` listens during the system tests, e.g. `serviceUrl('membership', '/health')`. */
export function serviceUrl(name: string, pathname = '/graphql', portBase = TEST_PORT_BASE): string {
  return `http://127.0.0.1:${servicePort(serviceByName(name), portBase)}${pathname}`;
}

export const GATEWAY = serviceUrl('gateway');
export const ADMIN = { email: 'admin@praxis.test', password: 'organiser passphrase 2026' };
/** The bearer token the platform's /metrics want in the system tests. */
export const METRICS_TOKEN = 'system-test-metrics-token-0123456789';

/**
 * How long each process may take to become ready (PRAXIS_READY_TIMEOUT_MS for the launcher): generous, since a
 * loaded 2-core machine running several suites starts the platform in minutes, not seconds.
 */
export const PLATFORM_READY_TIMEOUT_MS = 300000;

/** Ctrl-C for the launcher (it stops its services in order); SIGKILL only if it has not exited a minute later. */
const CTRL_C = { signal: 'SIGINT', graceMs: 60000 } as const;

/**
 * What every suite but sessions runs against: ONE platform for the whole run, started by the system tier's global
 * setup (support/global-setup.ts) with these settings and stopped by its global teardown, so the suites keep their
 * data apart (their own institutions, unique emails) and assert what they change, never counts from an empty
 * platform. The query limits are the defaults (the web client's queries need a depth of 10), community's and
 * funding's clocks may be moved by the suites that need them (each puts them back; the demo moves funding's), and membership encrypts demographic answers for a
 * key pair whose private half engagement and the membership suite hold.
 */
export const SHARED_PLATFORM_ENV = { COMMUNITY_TEST_CLOCK: 'true', FUNDING_TEST_CLOCK: 'true' } as const;

/** Where global setup hands the shared platform to the suites (jest runs them in its own process). */
const SHARED_PLATFORM_LOG = 'PRAXIS_E2E_PLATFORM_LOG';
const SHARED_PLATFORM_DEMOGRAPHICS_KEY = 'PRAXIS_E2E_DEMOGRAPHICS_PRIVATE_KEY';

export interface SharedPlatform {
  /** The launcher's output: every service's log lines, of every suite of the run. */
  logFile: string;
  /** The private half of the demographics key pair membership encrypts for (a JWK, as JSON). */
  demographicsPrivateJwk: string;
}

/** The platform the run shares (see SHARED_PLATFORM_ENV); fails clearly when it was not started. */
export function sharedPlatform(): SharedPlatform {
  const logFile = process.env[SHARED_PLATFORM_LOG];
  const demographicsPrivateJwk = process.env[SHARED_PLATFORM_DEMOGRAPHICS_KEY];
  if (!logFile || !demographicsPrivateJwk)
    throw new Error(
      `${SHARED_PLATFORM_LOG} is not set: the shared platform is started by the system tier's global setup; run the suite with \`npx jest -c jest.system.config.js <file>\``,
    );
  return { logFile, demographicsPrivateJwk };
}

/** Hands the platform global setup started to the suites, which read it with sharedPlatform(). */
export function announceSharedPlatform(shared: SharedPlatform): void {
  process.env[SHARED_PLATFORM_LOG] = shared.logFile;
  process.env[SHARED_PLATFORM_DEMOGRAPHICS_KEY] = shared.demographicsPrivateJwk;
}

export interface StartPlatformOptions {
  /**
   * Where the platform listens (gateway on the base, service i on base + i): TEST_PORT_BASE by default; a suite
   * that needs settings of its own (sessions) starts beside the shared platform on another base.
   */
  portBase?: number;
  /**
   * The launcher starts a broker of its own instead of the run's: a second platform on the run's broker would
   * join its services' consumer groups, which the mock broker refuses (docs/architecture.md).
   */
  ownBroker?: boolean;
  /** PRAXIS_READY_TIMEOUT_MS for the launcher: how long each process may take to become ready. */
  readyTimeoutMs?: number;
  /** How long to wait for the launcher to say it is ready before stopping it; by default a little longer than
   * readyTimeoutMs, so that the launcher's own timeout is what a slow start reports. */
  waitMs?: number;
  /** Aborting gives up waiting as a timeout does: the launcher is stopped and startPlatform rejects. */
  signal?: AbortSignal;
}

export interface StartedPlatform {
  readyInMs: number;
  logFile: string;
  stop(): Promise<number | null>;
}

/**
 * The mock holds an idle consumer's fetch for the whole wait (ARCHITECTURE.md), so the launcher's 25 ms (kept for
 * issue 7's event latency) has every idle consumer ask 40 times a second: the idle platform then spent 642 ms of
 * CPU a second, against 336 ms at 100 ms (`KAFKA_MAX_WAIT_MS=… tools/measure-platform.sh 1 30`, 2026-12-02). The
 * system tier is CPU-bound on two cores, and an event waits at most 75 ms longer per hop.
 */
const SYSTEM_KAFKA_MAX_WAIT_MS = '100';

/**
 * Starts the platform the way a person does (`npm start`: the build in dist/, run with plain node) against the
 * test's PostgreSQL and broker, with fresh databases, and stops it with SIGINT like Ctrl-C. The first start of
 * a run builds dist/ (about 3 s); later ones find it current unless a source changed meanwhile. Compiled, each
 * start costs about a fifth less CPU than through the SWC register hook, which compiles every file again.
 */
export async function startPlatform(
  extraEnv: Record<string, string> = {},
  {
    readyTimeoutMs = PLATFORM_READY_TIMEOUT_MS,
    waitMs = readyTimeoutMs + 30000,
    signal,
    portBase = TEST_PORT_BASE,
    ownBroker = false,
  }: StartPlatformOptions = {},
): Promise<StartedPlatform> {
  const prefix = uniqueName('e2e');
  const logDir = path.join(ROOT, 'tmp', 'e2e-logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${prefix}.log`);
  const log = createWriteStream(logFile);
  const started = Date.now();
  await ensureBuild(ROOT, path.join(ROOT, 'dist'));
  const { KAFKA_BROKERS: _runBroker, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, [START], {
    cwd: ROOT,
    env: {
      ...inherited,
      DATABASE_URL: testPostgresUrl(),
      ...(ownBroker ? {} : { KAFKA_BROKERS: testBrokers().join(',') }),
      // the local broker is the mock (jest.setup-infra.js): the launcher's timings for it, but for the fetch wait
      ...MOCK_KAFKA_ENV,
      KAFKA_MAX_WAIT_MS: SYSTEM_KAFKA_MAX_WAIT_MS,
      PRAXIS_DB_PREFIX: prefix,
      PRAXIS_PORT_BASE: String(portBase),
      PRAXIS_ADMIN_EMAIL: ADMIN.email,
      PRAXIS_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'info',
      // every suite signs in and registers from 127.0.0.1; the sessions suite sets tight limits and its own
      // client addresses (the gateway trusts X-Forwarded-For from loopback, as from a load balancer)
      THROTTLE_SIGN_IN_PER_ADDRESS_PER_MINUTE: '10000',
      THROTTLE_SIGN_IN_PER_ACCOUNT_PER_MINUTE: '1000',
      THROTTLE_REGISTER_PER_ADDRESS_PER_HOUR: '10000',
      THROTTLE_RESET_PER_ADDRESS_PER_HOUR: '10000',
      TRUST_PROXY: 'loopback',
      METRICS_TOKEN,
      PRAXIS_READY_TIMEOUT_MS: String(readyTimeoutMs),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => log.write(chunk));
  child.stderr?.on('data', (chunk: Buffer) => log.write(chunk));
  try {
    await launcherReady(child, { waitMs, signal, logFile });
  } catch (error) {
    // a platform that never became ready must not keep its ports (the next suite would find them taken) nor
    // its databases: Ctrl-C makes the launcher stop whatever it has started so far, then exit
    await stopChild(child, CTRL_C);
    log.end();
    await dropDatabases(prefix);
    throw error;
  }
  const readyInMs = Date.now() - started;
  return {
    readyInMs,
    logFile,
    stop: async () => {
      const code = await stopChild(child, CTRL_C);
      log.end();
      await dropDatabases(prefix);
      return code;
    },
  };
}

async function dropDatabases(prefix: string): Promise<void> {
  for (const { name } of SERVICES.filter((service) => service.database))
    await dropDatabase(testPostgresUrl(), `${prefix}_${name}`);
}

/**
 * Resolves when the launcher prints that it is ready; rejects as soon as it exits, after `waitMs`, or when
 * `signal` aborts (the launcher itself gives up after PRAXIS_READY_TIMEOUT_MS and exits, reported at once).
 */
export function launcherReady(
  child: ChildProcess,
  { waitMs, signal, logFile }: { waitMs: number; signal?: AbortSignal; logFile: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const settle = (error?: Error) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const onData = (chunk: Buffer) => {
      // only the tail can hold a line split across chunks
      output = output.slice(-200) + chunk.toString();
      if (output.includes('[praxis] ready in')) settle();
    };
    const onExit = (code: number | null, exitSignal: NodeJS.Signals | null) =>
      settle(new Error(`npm start exited with ${code ?? exitSignal}; see ${logFile}`));
    const onAbort = () => settle(new Error(`gave up waiting for platform ready (log: ${logFile})`));
    const timer = setTimeout(
      () => settle(new Error(`timed out after ${waitMs} ms waiting for platform ready (log: ${logFile})`)),
      waitMs,
    );
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    if (child.exitCode !== null || child.signalCode !== null) onExit(child.exitCode, child.signalCode);
  });
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{
    message: string;
    path?: string[];
    extensions?: {
      code?: string;
      retryAfterSeconds?: number;
      fields?: Array<{ field: string; rule: string; message: string }>;
    };
  }>;
}

export interface HttpResult<T> {
  body: GraphQLResponse<T>;
  setCookies: string[];
}

/**
 * Where a call gets its bearer token: a token, or a session that hands out a current one. The access tokens live 5
 * minutes (AUTH_ACCESS_TOKEN_TTL_SECONDS), shorter than a suite on a loaded machine, so a suite holds the admin as
 * `adminSession()`, never as a token taken once in beforeAll.
 */
export type Bearer = string | TokenSource;

export interface TokenSource {
  /** A token with at least a minute left (signs in again when the last one has less). */
  token(): Promise<string>;
}

/** The token a call sends for `bearer`. */
export function bearerToken(bearer: Bearer): Promise<string> {
  return typeof bearer === 'string' ? Promise.resolve(bearer) : bearer.token();
}

/** When a JWT expires (its `exp` claim, in ms since the epoch); undefined when it is not a JWT or has no `exp`. */
export function tokenExpiresAt(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A session that signs in with `signIn` when first asked for a token and again whenever the token it holds has
 * less than `marginMs` left (a token whose expiry it cannot read is used once). Callers asking at the same time
 * share one sign-in.
 */
export function signedInSession(
  signIn: () => Promise<string>,
  { marginMs = 60_000, now = Date.now }: { marginMs?: number; now?: () => number } = {},
): TokenSource {
  let current: { token: string; refreshAt: number } | undefined;
  let signingIn: Promise<string> | undefined;
  return {
    token() {
      if (current && now() < current.refreshAt) return Promise.resolve(current.token);
      signingIn ??= signIn()
        .then((token) => {
          current = { token, refreshAt: (tokenExpiresAt(token) ?? 0) - marginMs };
          return token;
        })
        .finally(() => {
          signingIn = undefined;
        });
      return signingIn;
    },
  };
}

const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;

/** GraphQL through the gateway at `gateway`: the shared platform's (the exports below) or a suite's own. */
export function gatewayClient(gateway: string) {
  /** A GraphQL call that also returns the response's Set-Cookie headers (the refresh-token cookie). */
  async function gqlHttp<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> {
    const response = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return {
      body: (await response.json()) as GraphQLResponse<T>,
      setCookies: response.headers.getSetCookie(),
    };
  }

  async function gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    bearer?: Bearer,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const token = bearer === undefined ? undefined : await bearerToken(bearer);
    const response = await fetch(gateway, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** Data of a response that must succeed; otherwise fails with the errors. */
  async function gqlOk<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    bearer?: Bearer,
  ): Promise<T> {
    const result = await gql<T>(query, variables, bearer);
    if (result.errors?.length || !result.data)
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  return { gql, gqlHttp, gqlOk };
}

export const { gql, gqlHttp, gqlOk } = gatewayClient(GATEWAY);

/** The platform's admin (ADMIN) as a session on the shared platform: a current token at every use. */
export function adminSession(): TokenSource {
  return signedInSession(async () => (await gqlOk<{ login: { token: string } }>(LOGIN, ADMIN)).login.token);
}

/**
 * Confirms a new member's institution and career stage as an admin (or a lead of the institution) does: until
 * then they do not count for a competition's eligibility. A no-op for a member already confirmed.
 */
export async function confirmRegistration(memberId: string, adminToken: Bearer): Promise<void> {
  const { member } = await gqlOk<{
    member: { registrationConfirmation: { id: string; status: string } | null } | null;
  }>(
    'query($id: ID!) { member(id: $id) { registrationConfirmation { id status } } }',
    { id: memberId },
    adminToken,
  );
  const confirmation = member?.registrationConfirmation;
  if (confirmation?.status === 'PENDING')
    await gqlOk(
      'mutation($id: ID!) { confirmRegistration(id: $id) { status } }',
      { id: confirmation.id },
      adminToken,
    );
}

/**
 * Whether a submission's eligibility failures may only mean that proposals has not yet heard of a member's
 * registration or of its confirmation (events on their way): worth asking again, unlike any other failure.
 */
export function awaitingReplication(failures: ReadonlyArray<{ rule: string; message?: string }>): boolean {
  return failures.some(
    (failure) => failure.rule === 'UNKNOWN_MEMBER' || /not confirmed yet/.test(failure.message ?? ''),
  );
}

/**
 * Moves community's clock (`/testing/clock` on its own port; the platform must have been started with
 * `COMMUNITY_TEST_CLOCK: 'true'`): to `at`, from where it runs on, or back to the system time with null.
 */
export async function setCommunityClock(adminToken: Bearer, at: Date | null): Promise<void> {
  const response = await fetch(serviceUrl('community', '/testing/clock'), {
    method: at ? 'PUT' : 'DELETE',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await bearerToken(adminToken)}` },
    ...(at ? { body: JSON.stringify({ at: at.toISOString() }) } : {}),
  });
  if (!response.ok) throw new Error(`community clock: ${response.status} ${await response.text()}`);
}

/** A Relay connection as every list that can grow is served (`edges { node { … } }`). */
export interface Page<T> {
  edges: Array<{ node: T }>;
}

/** The nodes of one page, in the order served. */
export function nodes<T>(page: Page<T>): T[] {
  return page.edges.map((edge) => edge.node);
}
