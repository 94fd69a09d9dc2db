import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Module } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '@praxis/platform/auth';
import { startSubgraphHarness, type SubgraphHarness } from '@praxis/platform/testing';
import { configureExpress } from './service';

@Resolver()
class ProbeResolver {
  @Public()
  @Query(() => String, { description: 'A field for the probe to ask' })
  probe(): string {
    return 'answered';
  }
}

@Module({ providers: [ProbeResolver] })
class ProbeFeatureModule {}

/**
 * A subgraph's GraphQL answer over HTTP, through Nest's Apollo driver and Express as bootstrapService sets them
 * up (configureExpress): Express would hash every answer's body for an ETag no client revalidates.
 */
describe('a subgraph answer over HTTP', () => {
  let subgraph: SubgraphHarness;
  let url: string;

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'etag_probe',
      database: { entities: [], migrations: [] },
      feature: () => ({ module: ProbeFeatureModule }),
    });
    configureExpress(subgraph.app.getHttpAdapter().getInstance(), undefined);
    await subgraph.app.listen(0, '127.0.0.1');
    const { port } = (subgraph.app.getHttpServer() as Server).address() as AddressInfo;
    url = `http://127.0.0.1:${port}/graphql`;
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('carries no ETag and no X-Powered-By', async () => {
    const response = await fetch(url, {
      method: 'POST',
      // Apollo's CSRF prevention wants a JSON content type on a POST
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ probe }' }),
    });
    expect(await response.json()).toEqual({ data: { probe: 'answered' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
