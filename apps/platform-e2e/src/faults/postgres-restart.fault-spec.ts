import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { generateSigningKeys } from '@praxis/platform/auth';
import { stopChild } from '@praxis/platform/local-infra';
import { testBrokers, waitFor } from '@praxis/platform/testing';

const ROOT = path.resolve(__dirname, '../../../..');
/** Our own PostgreSQL (never the shared server): its port and data directory. */
const PG_PORT = Number(process.env.FAULT_PG_PORT ?? 17432);
const PG_DIR = path.join(ROOT, 'tmp', `fault-pg-${process.pid}`);
const DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${PG_PORT}/fault_membership`;
const SERVICE_PORT = Number(process.env.FAULT_SERVICE_PORT ?? 17011);
const GRAPHQL = `http://127.0.0.1:${SERVICE_PORT}/graphql`;
const ADMIN = { email: 'admin@praxis.fault', password: 'fault organiser passphrase 2026' };
const LANES = 5;
const WRITES_PER_SECOND_PER_LANE = 4;

function startPostgres(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'libs/platform/local-infra/src/embedded-postgres.mjs'), PG_DIR, String(PG_PORT)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('READY')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code} before ready`)));
  });
}

interface Answer<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

async function gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<Answer<T>> {
  const response = await fetch(GRAPHQL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10000),
  });
  return (await response.json()) as Answer<T>;
}

describe('fault: PostgreSQL restarted under load', () => {
  let postgres: ChildProcess | null = null;
  let service: ChildProcess | null = null;
  let serviceExit: number | string | null = null;

  beforeAll(async () => {
    rmSync(PG_DIR, { recursive: true, force: true });
    mkdirSync(PG_DIR, { recursive: true });
    postgres = await startPostgres();
    const keys = await generateSigningKeys();
    const eventKeys = await generateSigningKeys();
    service = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join(ROOT, 'apps/membership/src/main.ts')],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
          PORT: String(SERVICE_PORT),
          DATABASE_URL,
          KAFKA_BROKERS: testBrokers().join(','),
          KAFKA_SESSION_TIMEOUT_MS: '6000',
          KAFKA_HEARTBEAT_INTERVAL_MS: '500',
          KAFKA_MAX_WAIT_MS: '100',
          OUTBOX_POLL_INTERVAL_MS: '1000',
          AUTH_SIGNING_KEY: JSON.stringify(keys.privateJwk),
          AUTH_JWKS: JSON.stringify(keys.publicJwks),
          EVENT_SIGNING_KEY: JSON.stringify(eventKeys.privateJwk),
          EVENT_VERIFICATION_KEYS: JSON.stringify(eventKeys.publicJwks),
          PRAXIS_ADMIN_EMAIL: ADMIN.email,
          PRAXIS_ADMIN_PASSWORD: ADMIN.password,
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    service.once('exit', (code, signal) => (serviceExit = code ?? signal));
    await waitFor(
      async () => {
        if (serviceExit !== null) throw new Error(`membership exited with ${serviceExit}`);
        return (await fetch(`http://127.0.0.1:${SERVICE_PORT}/health/live`)).ok;
      },
      { timeoutMs: 90000, intervalMs: 200, description: 'membership ready' },
    );
  });

  afterAll(async () => {
    if (service) await stopChild(service, { graceMs: 10000 });
    if (postgres) await stopChild(postgres, { graceMs: 15000 });
    rmSync(PG_DIR, { recursive: true, force: true });
  });

  it('recovers without a restart of the service and loses no acknowledged write', async () => {
    // the admin account is created just after the service starts listening
    const adminToken = await waitFor(
      async () =>
        (
          await gql<{ login: { token: string } }>(
            'mutation L($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
            ADMIN,
          )
        ).data?.login.token,
      { timeoutMs: 30000, intervalMs: 500, description: 'admin login' },
    );
    const institution = await gql<{ createInstitution: { id: string } }>(
      'mutation C($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }',
      { input: { name: 'Fault University', country: 'GB' } },
      adminToken,
    );
    const institutionId = institution.data?.createInstitution.id;
    if (!institutionId) throw new Error(`no institution: ${JSON.stringify(institution.errors)}`);

    // a few members, then each keeps changing its name (one request after another, as a person would):
    // every acknowledged change is a state change plus an outbox event in one transaction
    const members = await Promise.all(
      Array.from({ length: LANES }, async (_, lane) => {
        const result = await gql<{ register: { token: string; member: { id: string } } }>(
          'mutation R($input: RegisterInput!) { register(input: $input) { token member { id } } }',
          {
            input: {
              email: `lane${lane}.${Date.now()}@fault.example`,
              password: 'a long enough passphrase 7',
              displayName: `Lane ${lane} #0`,
              careerStage: 'RESIDENT',
              institutionId,
              interests: [],
            },
          },
        );
        const member = result.data?.register;
        if (!member) throw new Error(`registration failed: ${JSON.stringify(result.errors)}`);
        return { id: member.member.id, token: member.token };
      }),
    );
    const acknowledged: Array<{ lane: number; n: number; at: number }> = [];
    let refused = 0;
    /** Each refusal's error codes: while PostgreSQL is away the only one may be the retryable SERVICE_UNAVAILABLE. */
    const refusals = new Map<string, number>();
    let running = true;
    const lanes = members.map(async (member, lane) => {
      for (let n = 1; running; n += 1) {
        try {
          const result = await gql<{ updateMyProfile: { id: string } }>(
            'mutation U($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id } }',
            { input: { displayName: `Lane ${lane} #${n}` } },
            member.token,
          );
          if (result.data?.updateMyProfile.id) acknowledged.push({ lane, n, at: Date.now() });
          else {
            refused += 1;
            const codes = (result.errors ?? []).map((error) => error.extensions?.code ?? 'none').join(',');
            refusals.set(codes, (refusals.get(codes) ?? 0) + 1);
          }
        } catch {
          refused += 1;
          refusals.set('no answer', (refusals.get('no answer') ?? 0) + 1);
        }
        await new Promise((resolve) => setTimeout(resolve, 1000 / WRITES_PER_SECOND_PER_LANE));
      }
    });

    await waitFor(() => acknowledged.length >= 20, {
      timeoutMs: 30000,
      description: 'writes acknowledged before the restart',
    });
    const servicePid = service?.pid;
    const stoppedAt = Date.now();
    if (postgres) await stopChild(postgres, { graceMs: 15000 });
    postgres = await startPostgres();
    const backAt = Date.now();
    // the service finds its database again by itself
    const recovered = await waitFor(() => acknowledged.find((write) => write.at > backAt), {
      timeoutMs: 30000,
      intervalMs: 50,
      description: 'a write acknowledged after PostgreSQL returned',
    });
    await waitFor(() => acknowledged.filter((write) => write.at > backAt).length >= 20, {
      timeoutMs: 30000,
      description: '20 writes acknowledged after the restart',
    });
    running = false;
    await Promise.all(lanes);
    process.stderr.write(
      `[faults] PostgreSQL down ${backAt - stoppedAt} ms; first write acknowledged ${recovered.at - backAt} ms after it returned; ${acknowledged.length} writes acknowledged, ${refused} refused while it was away (${JSON.stringify(Object.fromEntries(refusals))})\n`,
    );
    // a write refused while the database was away is a retryable SERVICE_UNAVAILABLE, never an internal error
    expect([...refusals.keys()].filter((codes) => codes !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    expect(serviceExit).toBeNull();
    expect(service?.pid).toBe(servicePid);

    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      // every acknowledged change committed: its event is in the outbox, and the name is that one or a later one
      const events = await client.query<{ name: string }>(
        `SELECT envelope->'payload'->>'displayName' AS name FROM outbox WHERE message_key = ANY($1)`,
        [members.map((member) => member.id)],
      );
      const recorded = new Set(events.rows.map((row) => row.name));
      const lost = acknowledged.filter((write) => !recorded.has(`Lane ${write.lane} #${write.n}`));
      expect(lost).toEqual([]);
      const names = await client.query<{ id: string; display_name: string }>(
        'SELECT id, display_name FROM member WHERE id = ANY($1::uuid[])',
        [members.map((member) => member.id)],
      );
      for (const [lane, member] of members.entries()) {
        const stored = Number(names.rows.find((row) => row.id === member.id)?.display_name.split('#')[1]);
        const lastAcknowledged = Math.max(
          0,
          ...acknowledged.filter((write) => write.lane === lane).map((write) => write.n),
        );
        expect(stored).toBeGreaterThanOrEqual(lastAcknowledged);
      }
      // and the relay publishes again: nothing stays pending
      await waitFor(
        async () => {
          const pending = await client.query<{ count: number }>(
            `SELECT count(*)::int AS count FROM outbox WHERE status <> 'sent'`,
          );
          return pending.rows[0].count === 0;
        },
        { timeoutMs: 30000, description: 'the outbox relay publishing again after the restart' },
      );
    } finally {
      await client.end();
    }
    const ready = await fetch(`http://127.0.0.1:${SERVICE_PORT}/health`);
    expect(ready.status).toBe(200);
  });
});
