import 'reflect-metadata';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import {
  Catch,
  Injectable,
  Module,
  UseGuards,
  type CanActivate,
  type ExceptionFilter,
  type INestApplication,
} from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { GraphQLError } from 'graphql';
import { Client, type Pool } from 'pg';
import pino from 'pino';
import { register } from 'prom-client';
import {
  Column,
  DataSource,
  Entity,
  PrimaryColumn,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { openServiceDatabase, poolQuery, serviceDataSourceOptions } from '@praxis/platform/database';
import { PinoNestLogger } from '@praxis/platform/observability';
import { createTestDatabase, waitFor } from '@praxis/platform/testing';
import { GraphQLErrorsModule, publicError, subgraphModule } from '@praxis/platform/graphql';

/**
 * A service whose PostgreSQL goes away (restarting, refusing connections, terminating them) answers each operation
 * that needed it with a retryable SERVICE_UNAVAILABLE, logged once as a warning, and serves the next one when the
 * database is back, in the platform's real subgraph pipeline: its exception filters, `formatErrorFor`, a data
 * source opened as services open theirs, over HTTP.
 */

const APPLICATION = 'praxis-dbdown-test';

/**
 * A TCP proxy in front of the real PostgreSQL that plays its restart: `starting` answers every new connection as
 * PostgreSQL does while it starts ("the database system is starting up", SQLSTATE 57P03, FATAL), `cut` drops every
 * open connection, `stop` stops listening (connections refused) and `start` listens again on the same port.
 */
class PostgresProxy {
  mode: 'forward' | 'starting' = 'forward';
  port = 0;
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    const server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.cut();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get listening(): boolean {
    return this.server !== null;
  }

  cut(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => this.sockets.delete(socket));
  }

  private accept(client: Socket): void {
    this.track(client);
    if (this.mode === 'starting') {
      // the client's startup message first, then PostgreSQL's refusal and the end of the connection
      client.once('data', () => client.end(startingUpResponse()));
      return;
    }
    const upstream = connect(this.target.port, this.target.host);
    this.track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}

/** An ErrorResponse message ('E'): severity, SQLSTATE and message fields, as a starting PostgreSQL sends it. */
function startingUpResponse(): Buffer {
  const fields = Buffer.concat([
    ...[
      ['S', 'FATAL'],
      ['V', 'FATAL'],
      ['C', '57P03'],
      ['M', 'the database system is starting up'],
    ].map(([type, value]) => Buffer.from(`${type}${value}\0`, 'utf8')),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

@Entity({ name: 'item' })
class ItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;
}

class CreateItem1700000000000 implements MigrationInterface {
  name = 'CreateItem1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE item (id uuid PRIMARY KEY, name text NOT NULL)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE item');
  }
}

@ObjectType()
class Item {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

/** A domain refusal with its own filter, as each service has: the platform's filter must not shadow it. */
class TestRefusal extends Error {}

@Catch(TestRefusal)
class TestRefusalFilter implements ExceptionFilter {
  catch(error: TestRefusal): GraphQLError {
    return publicError('FORBIDDEN', error.message);
  }
}

/** A guard that reads the database, as the auth guard reads the caller's account through the pool. */
@Injectable()
class ReadingGuard implements CanActivate {
  constructor(private readonly dataSource: DataSource) {}
  async canActivate(): Promise<boolean> {
    await poolQuery(this.dataSource, 'SELECT 1 AS one', []);
    return true;
  }
}

const ITEM_ID = '6d1f3a0e-3c52-4a55-9b1e-0f4c6c1d2a01';

@Resolver(() => Item)
class ItemResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => Int)
  itemCount(): Promise<number> {
    return this.dataSource.getRepository(ItemEntity).count();
  }

  @Query(() => Int)
  async itemCountByPool(): Promise<number> {
    const rows = await poolQuery<{ n: number }>(this.dataSource, 'SELECT count(*)::int AS n FROM item', []);
    return rows[0].n;
  }

  @Query(() => Boolean)
  @UseGuards(ReadingGuard)
  guarded(): boolean {
    return true;
  }

  @Mutation(() => Item)
  renameItem(@Args('name') name: string): Promise<Item> {
    return this.dataSource.transaction(async (manager) => {
      const item = await manager.findOneByOrFail(ItemEntity, { id: ITEM_ID });
      item.name = name;
      return manager.save(item);
    });
  }

  @Query(() => Int)
  broken(): number {
    throw new Error('a bug, not the database');
  }

  @Query(() => Int)
  refused(): number {
    throw new TestRefusal('not for you');
  }
}

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  };
}

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

const UNAVAILABLE = {
  code: 'SERVICE_UNAVAILABLE',
  message: expect.stringMatching(/database is briefly unavailable.*retry/i),
};

async function unavailableCount(reason: string): Promise<number> {
  const metric = register.getSingleMetric('praxis_graphql_database_unavailable_total');
  if (!metric) return 0;
  const values = (await metric.get()).values;
  return values
    .filter((value) => value.labels.reason === reason)
    .reduce((sum, value) => sum + value.value, 0);
}

describe('a subgraph whose PostgreSQL is briefly unavailable', () => {
  const lines: LogLine[] = [];
  let proxy: PostgresProxy;
  let app: INestApplication;
  let base: string;
  let database: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('dbdown');
    const direct = new URL(database.url);
    proxy = new PostgresProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    await proxy.start();
    const viaProxy = new URL(database.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const databaseOptions = {
      url: viaProxy.toString(),
      entities: [ItemEntity],
      migrations: [CreateItem1700000000000],
      applicationName: APPLICATION,
      logger: logger.child({ component: 'database' }),
    };
    @Module({
      providers: [ItemResolver, ReadingGuard, { provide: APP_FILTER, useClass: TestRefusalFilter }],
    })
    class ItemModule {}
    @Module({
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => serviceDataSourceOptions(databaseOptions),
          dataSourceFactory: async () => openServiceDatabase(databaseOptions),
        }),
        subgraphModule({ logger }),
        GraphQLErrorsModule,
        ItemModule,
      ],
    })
    class Root {}
    app = await NestFactory.create(Root, { logger: new PinoNestLogger(logger) });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    dataSource = app.get(DataSource);
    await dataSource.query('INSERT INTO item (id, name) VALUES ($1, $2)', [ITEM_ID, 'first']);
  }, 60000);

  afterAll(async () => {
    await app?.close();
    await proxy?.stop();
    await database?.drop();
  });

  beforeEach(() => {
    lines.length = 0;
  });

  afterEach(async () => {
    // PostgreSQL back for the next test, whatever this one left
    proxy.mode = 'forward';
    if (!proxy.listening) await proxy.start();
  });

  async function post(query: string): Promise<Answer> {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  /** Until the pool has dropped the connections the proxy cut (pg removes an idle client when its socket ends). */
  async function poolEmptied(): Promise<void> {
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    await waitFor(() => pool.totalCount === 0, {
      timeoutMs: 5000,
      description: 'the pool dropping cut connections',
    });
  }

  const OPERATIONS = {
    itemCount: '{ itemCount }',
    itemCountByPool: '{ itemCountByPool }',
    guarded: '{ guarded }',
    renameItem: 'mutation { renameItem(name: "second") { id name } }',
  };

  function expectUnavailable(answer: Answer, field: string): void {
    // 200, as for any refusal in the body: a 5xx would reach the gateway as "503: Service Unavailable", code lost
    expect(answer.status).toBe(200);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors).toEqual([
      {
        message: UNAVAILABLE.message,
        locations: [expect.any(Object)],
        path: [field],
        extensions: { code: UNAVAILABLE.code, retryAfterSeconds: 2 },
      },
    ]);
  }

  /** One warning per failed operation with the reason, no error-level line (Nest's or the database logger's). */
  function expectLoggedAsWarnings(reason: string, operations: number): void {
    const warnings = lines.filter(
      (line) => line.msg === 'database unavailable: answered SERVICE_UNAVAILABLE',
    );
    expect(warnings).toHaveLength(operations);
    expect(warnings.every((line) => line.level === 40 && line.reason === reason)).toBe(true);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  }

  it('answers every kind of read and write with SERVICE_UNAVAILABLE while PostgreSQL starts up (57P03), then serves again', async () => {
    expect((await post(OPERATIONS.itemCount)).body).toEqual({ data: { itemCount: 1 } });
    const before = await unavailableCount('57P03');
    proxy.mode = 'starting';
    proxy.cut();
    await poolEmptied();

    for (const [field, query] of Object.entries(OPERATIONS)) expectUnavailable(await post(query), field);
    expectLoggedAsWarnings('57P03', 4);
    expect((await unavailableCount('57P03')) - before).toBe(4);

    proxy.mode = 'forward';
    expect((await post(OPERATIONS.itemCount)).body).toEqual({ data: { itemCount: 1 } });
    expect((await post(OPERATIONS.renameItem)).body).toEqual({
      data: { renameItem: { id: ITEM_ID, name: 'second' } },
    });
  });

  it('answers SERVICE_UNAVAILABLE while PostgreSQL refuses connections (ECONNREFUSED), then serves again', async () => {
    await proxy.stop();
    await poolEmptied();

    expectUnavailable(await post(OPERATIONS.itemCount), 'itemCount');
    // not through poolQuery here: under jest, the socket's error comes from Node's realm, not the test's, so
    // poolQuery's `instanceof Error` fails and it keeps only the message (a service runs in one realm)
    expectUnavailable(await post(OPERATIONS.renameItem), 'renameItem');
    expectLoggedAsWarnings('ECONNREFUSED', 2);

    await proxy.start();
    expect((await post(OPERATIONS.itemCountByPool)).body).toEqual({ data: { itemCountByPool: 1 } });
  });

  it('answers SERVICE_UNAVAILABLE when PostgreSQL terminates the connection under a statement (57P01), then serves again', async () => {
    expect((await post(OPERATIONS.itemCount)).body).toEqual({ data: { itemCount: 1 } });
    const direct = new Client({ connectionString: database.url });
    await direct.connect();
    try {
      // hold the row, so the mutation's UPDATE waits on it while its backend is terminated
      await direct.query('BEGIN');
      await direct.query('SELECT id FROM item WHERE id = $1 FOR UPDATE', [ITEM_ID]);
      const pending = post('mutation { renameItem(name: "third") { id name } }');
      const waiting = await waitFor(
        async () =>
          (
            await direct.query<{ pid: number }>(
              `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
              [APPLICATION],
            )
          ).rows[0],
        { timeoutMs: 10000, description: 'the mutation waiting on the held row' },
      );
      await direct.query('SELECT pg_terminate_backend($1)', [waiting.pid]);
      expectUnavailable(await pending, 'renameItem');
      expectLoggedAsWarnings('57P01', 1);
      await direct.query('ROLLBACK');
    } finally {
      await direct.end();
    }
    expect((await post('mutation { renameItem(name: "fourth") { id name } }')).body).toEqual({
      data: { renameItem: { id: ITEM_ID, name: 'fourth' } },
    });
  });

  it('still answers a bug as INTERNAL_SERVER_ERROR, logged with its stack, and a domain refusal through its own filter', async () => {
    const broken = await post('{ broken }');
    expect(broken.body.errors?.map((error) => error.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(
      lines.some((line) => line.level === 50 && line.msg === 'unhandled error in GraphQL operation'),
    ).toBe(true);
    const refused = await post('{ refused }');
    expect(refused.body.errors).toEqual([
      {
        message: 'not for you',
        locations: [{ line: 1, column: 3 }],
        path: ['refused'],
        extensions: { code: 'FORBIDDEN' },
      },
    ]);
  });
});
