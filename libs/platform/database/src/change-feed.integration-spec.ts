import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { ChangeFeed } from './change-feed';
import type { StructuredLogger } from './database.logger';
import { dropDatabase, ensureDatabase } from './ensure-database';

const CHANNEL = 'feed_spec';

// platform-testing depends on this library, so the test makes its database itself
async function createTestDatabase() {
  const server = process.env.PRAXIS_TEST_POSTGRES_URL ?? process.env.DATABASE_URL;
  if (!server) throw new Error('no test PostgreSQL: run through the integration jest config');
  const name = `feed_${randomBytes(4).toString('hex')}`;
  return { url: await ensureDatabase(server, name), drop: () => dropDatabase(server, name) };
}

async function eventually(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('ChangeFeed (real PostgreSQL)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let pool: Pool;
  const warnings: string[] = [];
  const logger: StructuredLogger = {
    error: () => undefined,
    warn: (_details, message) => warnings.push(message),
    info: () => undefined,
    debug: () => undefined,
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new Pool({ connectionString: database.url, max: 4 });
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  function feed(): ChangeFeed {
    return new ChangeFeed(() => ({ connectionString: database.url }), {
      channel: CHANNEL,
      retryMs: 100,
      logger,
    });
  }

  it('delivers what commits notify, in commit order, and nothing of a rollback', async () => {
    const changes = feed();
    const seen: string[] = [];
    changes.onChange((payload) => seen.push(payload));
    await changes.start();
    try {
      expect(changes.isLive).toBe(true);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_notify($1, $2)', [CHANNEL, 'rolled back']);
        await client.query('ROLLBACK');
        for (const payload of ['first', 'second']) {
          await client.query('BEGIN');
          await client.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
          await client.query('COMMIT');
        }
      } finally {
        client.release();
      }
      // settle resolves only after every earlier commit's notification has reached the listeners
      await changes.settle();
      expect(seen).toEqual(['first', 'second']);
      // many at once (every request of a busy process): coalesced, one statement at a time on the connection
      await pool.query('SELECT pg_notify($1, $2)', [CHANNEL, 'third']);
      await Promise.all(Array.from({ length: 10 }, () => changes.settle()));
      expect(seen).toEqual(['first', 'second', 'third']);
      expect(changes.isLive).toBe(true);
    } finally {
      await changes.stop();
    }
  });

  it('says when it stops listening, logs it once, and listens again on its own', async () => {
    warnings.length = 0;
    const changes = feed();
    const states: boolean[] = [];
    changes.onLive((live) => states.push(live));
    await changes.start();
    try {
      const terminate = () =>
        pool.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND query ILIKE 'LISTEN%'`,
        );
      await terminate();
      await eventually(() => states.length >= 3);
      expect(states).toEqual([true, false, true]);
      expect(warnings).toEqual(['change feed not listening: caches it feeds are off until it reconnects']);
      const seen: string[] = [];
      changes.onChange((payload) => seen.push(payload));
      await pool.query('SELECT pg_notify($1, $2)', [CHANNEL, 'after the return']);
      await eventually(() => seen.length === 1);
      expect(seen).toEqual(['after the return']);
    } finally {
      await changes.stop();
    }
    expect(states.at(-1)).toBe(false);
  });

  it('without a database to listen on it is not live and keeps trying, quietly after the first warning', async () => {
    warnings.length = 0;
    const nowhere = new ChangeFeed(() => ({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 500 }), {
      channel: CHANNEL,
      retryMs: 50,
      logger,
    });
    await nowhere.start();
    expect(nowhere.isLive).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await nowhere.settle();
    await nowhere.stop();
    expect(warnings).toHaveLength(1);
  });
});
