import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { MemberRegisteredV1, type EventOf } from '@praxis/contracts';
import { generateSigningKeys } from '@praxis/platform/auth';
import { createServiceDataSource } from '@praxis/platform/database';
import {
  handle,
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  MessagingRuntime,
} from '@praxis/platform/messaging';
import { createLogger, startTracing } from '@praxis/platform/observability';
import {
  createTestDatabase,
  FAST_CONSUMER,
  testBrokers,
  uniqueName,
  waitFor,
} from '@praxis/platform/testing';
// apps have no import alias; tools may depend on apps (type:tooling), and this test boots two of them in-process
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startGateway } from '../apps/gateway/src/main';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startMembership } from '../apps/membership/src/main';

const ROOT = path.resolve(__dirname, '..');
// the build helper's port range
const MEMBERSHIP_PORT = 12030 + (process.pid % 20);
const GATEWAY_PORT = MEMBERSHIP_PORT + 20;
const ADMIN = { email: 'trace-admin@praxis.test', password: 'tracing organiser passphrase 2026' };

/**
 * One GraphQL request through the gateway to membership, whose registration writes an event to the outbox; the
 * relay publishes it to Kafka and a consumer applies it. With tracing on (in-memory exporter), all of that is
 * one trace: gateway server → subgraph call → membership server → outbox insert → Kafka publish → consume.
 */
describe('one request, one connected trace (gateway → subgraph → database/outbox → Kafka → consumer)', () => {
  const exporter = new InMemorySpanExporter();
  const apps: INestApplication[] = [];
  const drops: Array<() => Promise<void>> = [];
  let consumer: MessagingRuntime | undefined;
  const consumed: Array<{ event: EventOf<typeof MemberRegisteredV1> }> = [];

  beforeAll(async () => {
    await startTracing({ service: 'praxis-trace-test', exporter });
    const keys = await generateSigningKeys();
    const eventKeys = await generateSigningKeys();
    const membershipDb = await createTestDatabase('trace_membership');
    drops.push(membershipDb.drop);
    const consumerDb = await createTestDatabase('trace_consumer');
    drops.push(consumerDb.drop);
    const brokers = testBrokers().join(',');
    // each service reads its validated config from the environment at start
    Object.assign(process.env, {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      KAFKA_BROKERS: brokers,
      KAFKA_SESSION_TIMEOUT_MS: String(FAST_CONSUMER.sessionTimeout),
      KAFKA_HEARTBEAT_INTERVAL_MS: String(FAST_CONSUMER.heartbeatInterval),
      KAFKA_MAX_WAIT_MS: String(FAST_CONSUMER.maxWaitTimeInMs),
      AUTH_JWKS: JSON.stringify(keys.publicJwks),
      AUTH_SIGNING_KEY: JSON.stringify(keys.privateJwk),
      EVENT_SIGNING_KEY: JSON.stringify(eventKeys.privateJwk),
      EVENT_VERIFICATION_KEYS: JSON.stringify(eventKeys.publicJwks),
      PRAXIS_ADMIN_EMAIL: ADMIN.email,
      PRAXIS_ADMIN_PASSWORD: ADMIN.password,
      OUTBOX_POLL_INTERVAL_MS: '1000',
      DATABASE_URL: membershipDb.url,
      PORT: String(MEMBERSHIP_PORT),
    });
    apps.push(await startMembership());
    Object.assign(process.env, {
      PORT: String(GATEWAY_PORT),
      SUPERGRAPH_PATH: path.join(ROOT, 'infra/supergraph.graphql'),
      SUBGRAPH_MEMBERSHIP_URL: `http://127.0.0.1:${MEMBERSHIP_PORT}/graphql`,
    });
    apps.push(await startGateway());

    const dataSource = createServiceDataSource({
      url: consumerDb.url,
      entities: MESSAGING_ENTITIES,
      migrations: MESSAGING_MIGRATIONS,
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    drops.unshift(() => dataSource.destroy());
    consumer = new MessagingRuntime({
      service: uniqueName('trace_consumer'),
      settings: {
        brokers: testBrokers(),
        clientId: uniqueName('trace'),
        sessionTimeoutMs: FAST_CONSUMER.sessionTimeout,
        heartbeatIntervalMs: FAST_CONSUMER.heartbeatInterval,
        maxWaitMs: FAST_CONSUMER.maxWaitTimeInMs,
        replicationFactor: 1,
        consumerMaxAttempts: 3,
      },
      dataSource,
      databaseUrl: consumerDb.url,
      logger: createLogger('trace-consumer', 'silent'),
      produces: [],
      consumers: [
        {
          groupId: uniqueName('trace.replica'),
          handlers: [handle(MemberRegisteredV1, async (event) => void consumed.push({ event }))],
        },
      ],
    });
    consumer.start();
    await consumer.ready();
  }, 90000);

  afterAll(async () => {
    await consumer?.stop();
    for (const app of apps.reverse()) await app.close();
    for (const drop of drops) await drop();
  });

  async function gateway<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`http://127.0.0.1:${GATEWAY_PORT}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown };
    if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  it('links every hop of a registration into one trace with one root', async () => {
    const { institutions } = await gateway<{ institutions: { edges: Array<{ node: { id: string } }> } }>(
      '{ institutions(first: 1) { edges { node { id } } } }',
    );
    const email = `${uniqueName('traced')}@example.org`;
    const { register } = await gateway<{ register: { member: { id: string } } }>(
      `mutation R($input: RegisterInput!) { register(input: $input) { member { id } } }`,
      {
        input: {
          email,
          password: 'a long enough passphrase 7',
          displayName: 'Traced Member',
          careerStage: 'MEDICAL_STUDENT',
          institutionId: institutions.edges[0].node.id,
          interests: [],
        },
      },
    );
    const memberId = register.member.id;
    const topic = MemberRegisteredV1.topic;

    const processed = await waitFor(
      () =>
        exporter
          .getFinishedSpans()
          .find(
            (span) =>
              span.name === `process ${topic}` &&
              span.attributes['messaging.message.id'] === consumedIdOf(memberId),
          ),
      { timeoutMs: 30000, description: 'the consumer span of the registration event' },
    );
    const traceId = processed.spanContext().traceId;
    const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const parentOf = (span: ReadableSpan) => byId.get(span.parentSpanContext?.spanId ?? '');

    // connected: one root, and every other span's parent is in the same trace
    const roots = spans.filter((span) => !span.parentSpanContext);
    expect(roots).toHaveLength(1);
    for (const span of spans) if (span !== roots[0]) expect(parentOf(span)).toBeDefined();

    // the chain, hop by hop
    const publish = parentOf(processed);
    expect(processed.kind).toBe(SpanKind.CONSUMER);
    expect(publish).toMatchObject({ name: `publish ${topic}`, kind: SpanKind.PRODUCER });
    const append = parentOf(publish as ReadableSpan);
    expect(append?.name).toBe(`outbox append ${topic}`);
    expect(append?.attributes['db.system.name']).toBe('postgresql');
    let hop = parentOf(append as ReadableSpan);
    while (hop && hop.kind !== SpanKind.SERVER) hop = parentOf(hop);
    expect(hop).toMatchObject({ name: 'POST /graphql', attributes: { 'praxis.service': 'membership' } });
    const call = parentOf(hop as ReadableSpan);
    expect(call).toMatchObject({ name: 'subgraph membership', kind: SpanKind.CLIENT });
    // between the gateway's server span and its subgraph call sit Apollo Gateway's own spans (plan, execute)
    let root = parentOf(call as ReadableSpan);
    while (root && root.kind !== SpanKind.SERVER) root = parentOf(root);
    expect(root).toBe(roots[0]);
    expect(root).toMatchObject({ name: 'POST /graphql', attributes: { 'praxis.service': 'gateway' } });
    expect(root?.attributes['http.response.status_code']).toBe(200);
  }, 60000);

  function consumedIdOf(memberId: string): string | undefined {
    return consumed.find(({ event }) => event.aggregateId === memberId)?.event.eventId;
  }
});
