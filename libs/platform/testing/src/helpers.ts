import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@praxis/platform/local-infra';
import type { DataSource } from 'typeorm';

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`.toLowerCase();
}

export function testPostgresUrl(): string {
  const url = process.env.PRAXIS_TEST_POSTGRES_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('no test PostgreSQL: run through the integration jest config (global setup)');
  return url;
}

export function testBrokers(): string[] {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('no test broker: run through the integration jest config (global setup)');
  return brokers.split(',');
}

/** A fresh database for one suite; `drop` removes it. */
export async function createTestDatabase(
  prefix = 't',
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const server = testPostgresUrl();
  const name = uniqueName(prefix.replace(/[^a-z0-9_]/gi, '_'));
  const url = await ensureDatabase(server, name);
  return { url, name, drop: () => dropDatabase(server, name) };
}

/**
 * Polls `probe` until it returns a value other than undefined/false (or stops throwing), then returns it.
 * Fails with the last error and the given description after `timeoutMs`.
 */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  options: { timeoutMs?: number; intervalMs?: number; description?: string } = {},
): Promise<Exclude<T, false | undefined>> {
  const timeoutMs = options.timeoutMs ?? 15000;
  const intervalMs = options.intervalMs ?? 50;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value as Exclude<T, false | undefined>;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${options.description ?? 'condition'}${detail}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Counts the SQL statements a piece of work sends through a data source (every repository, query builder and
 * `query()` call goes through a query runner; `poolQuery` goes to the pg pool's own `query`, which query
 * runners never call), so a test can show that a page of N rows costs the same number of queries as a page of
 * 1: no N+1.
 */
export async function countQueries<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
): Promise<{ result: T; queries: string[] }> {
  const original = dataSource.createQueryRunner.bind(dataSource);
  const queries: string[] = [];
  dataSource.createQueryRunner = (mode) => {
    const runner = original(mode);
    const query = runner.query.bind(runner);
    runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) => {
      queries.push(sql);
      return query(sql, parameters, structured as true);
    }) as typeof runner.query;
    return runner;
  };
  const pool = (dataSource.driver as unknown as { master?: { query: (...args: unknown[]) => unknown } })
    .master;
  const poolQuery = pool?.query;
  if (pool && poolQuery) {
    pool.query = (...args: unknown[]) => {
      // a statement's text, or a query config's (a named, prepared statement: poolQuery's `prepare`)
      const [first] = args;
      if (typeof first === 'string') queries.push(first);
      else if (
        typeof first === 'object' &&
        first !== null &&
        'text' in first &&
        typeof first.text === 'string'
      )
        queries.push(first.text);
      return poolQuery.apply(pool, args);
    };
  }
  try {
    return { result: await work(), queries };
  } finally {
    dataSource.createQueryRunner = original;
    if (pool && poolQuery) pool.query = poolQuery;
  }
}

/** Posts `query` to a listening Nest app's /graphql as an anonymous client would, and returns the JSON answer. */
export async function postGraphQL(
  app: INestApplication,
  query: string,
): Promise<{
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}> {
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as Awaited<ReturnType<typeof postGraphQL>>;
}

/**
 * How a listening GraphQL server treats introspection: `'answered'`, or its errors as `CODE: message`; and what
 * it answers to a plain `{ __typename }` (so a refusal is the switch, not a server that answers nothing).
 */
export async function introspectionBehaviour(
  app: INestApplication,
): Promise<{ introspection: 'answered' | string[]; operation: unknown }> {
  const probe = await postGraphQL(app, '{ __schema { queryType { name } } }');
  const plain = await postGraphQL(app, '{ __typename }');
  return {
    introspection:
      probe.data?.['__schema'] !== undefined
        ? 'answered'
        : (probe.errors ?? []).map((error) => `${error.extensions?.code}: ${error.message}`),
    operation: plain.data?.['__typename'],
  };
}

/**
 * A value a test goes on with only if it is there (an operation's data, a row it found): fails with `what` when it
 * is null or undefined, where a non-null assertion would fail later with a TypeError about something else.
 */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
}
