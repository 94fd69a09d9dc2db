import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { createTestDatabase, introspectionBehaviour, testBrokers } from '@praxis/platform/testing';
import { FundingAppModule } from './app.module';
import { loadFundingConfig } from './config';

/**
 * A subgraph (funding, through the shared `platformModules`) built in-process from a production environment:
 * `platformModules` turns introspection off, so the only schema a client learns is the committed supergraph.
 */
describe('subgraph introspection switch (NODE_ENV=production)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('introspection');
    const config = loadFundingConfig({
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testBrokers().join(','),
      AUTH_JWKS: JSON.stringify({ keys: [] }),
      EVENT_VERIFICATION_KEYS: JSON.stringify({
        keys: [{ kty: 'EC', crv: 'P-256', x: 'eA', y: 'eQ', kid: 'membership-events' }],
      }),
    });
    app = await NestFactory.create(FundingAppModule.forRoot(config, pino({ level: 'silent' })), {
      logger: false,
    });
    await app.listen(0, '127.0.0.1');
  }, 120000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('refuses introspection and still answers operations', async () => {
    expect(await introspectionBehaviour(app as INestApplication)).toEqual({
      introspection: [
        expect.stringMatching(/^GRAPHQL_VALIDATION_FAILED: GraphQL introspection is not allowed/),
      ],
      operation: 'Query',
    });
  });
});
