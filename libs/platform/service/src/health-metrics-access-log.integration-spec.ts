import type { INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { openServiceDatabase, serviceDataSourceOptions } from '@praxis/platform/database';
import {
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  MessagingModule,
  MessagingRuntime,
} from '@praxis/platform/messaging';
import { ObservabilityModule } from '@praxis/platform/observability';
import { createTestDatabase, uniqueName } from '@praxis/platform/testing';

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

@Module({})
class ProbeAppModule {}

const METRICS_TOKEN = 'metrics-token-for-the-scraper-0123456789';
const scraper = { headers: { authorization: `Bearer ${METRICS_TOKEN}` } };

/**
 * A service's plumbing (database, messaging, observability) with its broker away: readiness follows the
 * database only, the broker's absence shows in the metrics, and every request leaves one access log line.
 */
describe('health, metrics and access logs of a service whose broker is away', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: INestApplication;
  let base: string;
  const lines: LogLine[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('obs');
    const logger = pino(
      { level: 'debug' },
      { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
    );
    const database = { url: db.url, entities: MESSAGING_ENTITIES, migrations: MESSAGING_MIGRATIONS };
    app = await NestFactory.create(
      {
        module: ProbeAppModule,
        imports: [
          TypeOrmModule.forRootAsync({
            useFactory: () => serviceDataSourceOptions(database),
            dataSourceFactory: async () => openServiceDatabase(database),
          }),
          MessagingModule.forRootAsync({
            inject: [DataSource],
            useFactory: (dataSource: DataSource) =>
              new MessagingRuntime({
                service: uniqueName('obs'),
                // nothing listens on the build helper's port 12098
                settings: {
                  brokers: ['127.0.0.1:12098'],
                  clientId: uniqueName('obs'),
                  sessionTimeoutMs: 6000,
                  heartbeatIntervalMs: 500,
                  maxWaitMs: 100,
                  replicationFactor: 1,
                  consumerMaxAttempts: 3,
                },
                dataSource,
                databaseUrl: db.url,
                logger: pino({ level: 'silent' }),
                produces: [],
              }),
          }),
          ObservabilityModule.forRoot({
            service: 'obs-test',
            database: true,
            logger,
            metricsToken: METRICS_TOKEN,
          }),
        ],
      },
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await db.drop();
  });

  it('is ready while the database answers, without the broker', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; details: Record<string, { status: string }> };
    expect(body.status).toBe('ok');
    expect(Object.keys(body.details)).toEqual(['database']);
  });

  it('serves metrics only to a scraper with the metrics token, never to anonymous callers', async () => {
    const refused: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer wrong-token' },
      { authorization: METRICS_TOKEN },
    ];
    for (const headers of refused) {
      const response = await fetch(`${base}/metrics`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await response.text()).not.toContain('praxis_');
    }
    const scraped = await fetch(`${base}/metrics`, scraper);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('praxis_broker_up');
  });

  it('exposes broker reachability and the outbox backlog as metrics', async () => {
    const dataSource = app.get(DataSource);
    await dataSource.query(
      `INSERT INTO "outbox" ("event_id", "topic", "message_key", "envelope", "created_at")
       VALUES (gen_random_uuid(), 't', 'k', '{}', now() - interval '45 seconds')`,
    );
    await dataSource.query(
      `INSERT INTO "outbox" ("event_id", "topic", "message_key", "envelope", "status")
       VALUES (gen_random_uuid(), 't', 'k', '{}', 'failed'), (gen_random_uuid(), 't', 'k', '{}', 'failed')`,
    );
    const text = await (await fetch(`${base}/metrics`, scraper)).text();
    const value = (name: string) =>
      Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('praxis_broker_up')).toBe(0);
    expect(value('praxis_outbox_oldest_pending_seconds')).toBeGreaterThanOrEqual(45);
    expect(value('praxis_outbox_failed_rows')).toBe(2);
    expect(text).toContain('# TYPE praxis_consumer_lag gauge');
  });

  it('logs each request once with method, path, status, duration and correlation id, and no query or body', async () => {
    lines.length = 0;
    const response = await fetch(`${base}/nowhere?token=secret-token`, {
      method: 'POST',
      headers: {
        'x-correlation-id': 'probe-123',
        'content-type': 'application/json',
        authorization: 'Bearer abc',
      },
      body: JSON.stringify({ password: 'hunter2-hunter2' }),
    });
    expect(response.status).toBe(404);
    await fetch(`${base}/health`, { headers: { 'x-correlation-id': 'probe-124' } });
    const access = lines.filter((line) => line.msg === 'request');
    expect(access).toHaveLength(2);
    expect(access[0]).toMatchObject({
      correlationId: 'probe-123',
      method: 'POST',
      path: '/nowhere',
      status: 404,
    });
    expect(access[0].level).toBe(30);
    expect(typeof access[0].durationMs).toBe('number');
    // probes are logged, but at debug level
    expect(access[1]).toMatchObject({ correlationId: 'probe-124', path: '/health', status: 200, level: 20 });
    const logged = JSON.stringify(lines);
    for (const secret of ['secret-token', 'hunter2', 'Bearer abc']) expect(logged).not.toContain(secret);
  });
});
