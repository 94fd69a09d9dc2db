import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { introspectionBehaviour } from '@praxis/platform/testing';
import { loadGatewayConfig } from './config';
import { GatewayModule } from './gateway.module';

/** The gateway as `main.ts` builds it, in-process, with the environment's NODE_ENV deciding introspection. */
async function startGateway(nodeEnv: 'production' | 'development'): Promise<INestApplication> {
  const config = loadGatewayConfig({ NODE_ENV: nodeEnv });
  const app = await NestFactory.create(GatewayModule.forRoot(config, pino({ level: 'silent' })), {
    logger: false,
  });
  await app.listen(0, '127.0.0.1');
  return app;
}

describe('gateway introspection switch (NODE_ENV)', () => {
  const apps: INestApplication[] = [];

  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('refuses introspection when the production config says so, and still answers operations', async () => {
    const app = await startGateway('production');
    apps.push(app);
    expect(await introspectionBehaviour(app)).toEqual({
      introspection: [
        expect.stringMatching(/^GRAPHQL_VALIDATION_FAILED: GraphQL introspection is not allowed/),
      ],
      operation: 'Query',
    });
  }, 120000);

  it('answers introspection outside production (development tools use it)', async () => {
    const app = await startGateway('development');
    apps.push(app);
    expect(await introspectionBehaviour(app)).toEqual({ introspection: 'answered', operation: 'Query' });
  }, 120000);
});
