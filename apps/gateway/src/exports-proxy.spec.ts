import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { exportsProxy, subgraphBaseUrl } from './exports-proxy';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

describe('the gateway’s export downloads (/exports/<service>/<table>)', () => {
  let service: Server;
  let gateway: Server;
  let gatewayPort: number;
  const seen: Array<{ url?: string; headers: IncomingHttpHeaders }> = [];

  beforeAll(async () => {
    service = createServer((req, res) => {
      seen.push({ url: req.url, headers: req.headers });
      res.writeHead(req.headers.authorization ? 200 : 401, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="engagement-funnel.csv"',
        'set-cookie': 'leak=1',
      });
      res.end('bucket,count\r\n2026-Q1,12\r\n');
    });
    const servicePort = await listen(service);
    const app = express();
    app.use(exportsProxy({ engagement: `http://127.0.0.1:${servicePort}` }));
    app.use((_req, res) => res.status(418).end());
    gateway = createServer(app);
    gatewayPort = await listen(gateway);
  });

  afterAll(async () => {
    await new Promise((resolve) => gateway.close(resolve));
    await new Promise((resolve) => service.close(resolve));
  });

  it('passes the table, the query string and the caller’s token to the service, and its CSV back', async () => {
    const answer = await fetch(
      `http://127.0.0.1:${gatewayPort}/exports/engagement/funnel?from=2026-01-01T00:00:00Z&granularity=YEAR`,
      { headers: { authorization: 'Bearer abc', cookie: 'refresh=secret', 'x-forwarded-for': '1.2.3.4' } },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="engagement-funnel.csv"');
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(await answer.text()).toBe('bucket,count\r\n2026-Q1,12\r\n');
    const forwarded = seen.at(-1);
    expect(forwarded?.url).toBe('/exports/funnel?from=2026-01-01T00:00:00Z&granularity=YEAR');
    expect(forwarded?.headers.authorization).toBe('Bearer abc');
    // nothing else of the caller's reaches the service: no cookie, no identity headers it could trust
    expect(forwarded?.headers.cookie).toBeUndefined();
    expect(forwarded?.headers['x-forwarded-for']).toBeUndefined();
  });

  it('passes the service’s refusal through, answers 404 for a service with no exports, and leaves other paths alone', async () => {
    expect((await fetch(`http://127.0.0.1:${gatewayPort}/exports/engagement/funnel`)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${gatewayPort}/exports/membership/members`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${gatewayPort}/graphql`)).status).toBe(418);
  });

  it('finds a subgraph’s base URL in the supergraph, an override first', () => {
    const sdl = '  ENGAGEMENT @join__graph(name: "engagement", url: "http://localhost:3006/graphql")';
    expect(subgraphBaseUrl(sdl, 'engagement')).toBe('http://localhost:3006');
    expect(subgraphBaseUrl(sdl, 'engagement', 'http://127.0.0.1:9006/graphql')).toBe('http://127.0.0.1:9006');
    expect(subgraphBaseUrl(sdl, 'funding')).toBeUndefined();
  });
});
