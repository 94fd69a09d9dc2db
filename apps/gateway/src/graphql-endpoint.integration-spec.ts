import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { DATABASE_UNAVAILABLE_MESSAGE, MAX_BODY_BYTES } from '@praxis/platform/graphql';
import { loadGatewayConfig } from './config';
import { GatewayModule } from './gateway.module';

interface LogLine {
  msg: string;
  [field: string]: unknown;
}

const ROOT = path.resolve(__dirname, '../../..');

/**
 * `/graphql` served by the lean handler ahead of Nest and Express, with a stand-in membership subgraph: what the
 * Nest/Express path did must still hold (headers passed on, cookies, correlation id, access log, CSRF
 * prevention, limits), and every other route still reaches Express.
 */
describe('the gateway’s /graphql handler', () => {
  const lines: LogLine[] = [];
  const seen: Array<{ headers: IncomingHttpHeaders; body: { query?: string } }> = [];
  const ANSWER = { data: { me: { id: 'm1' } } };
  /** What the stand-in membership answers next: a body, or a status with no GraphQL, or a dropped connection. */
  let answer: unknown = ANSWER;
  let failure: { status: number } | 'drop' | null = null;
  /** A port nothing listens on, for a subgraph that is down. */
  let closedPort = 0;
  let subgraph: Server;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    subgraph = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        if (failure === 'drop') {
          req.socket.destroy();
          return;
        }
        if (failure) {
          res.writeHead(failure.status, { 'content-type': 'text/plain' });
          res.end('no healthy instance');
          return;
        }
        res.writeHead(200, {
          'content-type': 'application/json',
          'set-cookie': ['praxis_refresh=r2; HttpOnly; Path=/graphql', 'second=2'],
        });
        res.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => subgraph.listen(0, '127.0.0.1', resolve));
    const subgraphPort = (subgraph.address() as AddressInfo).port;
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const config = loadGatewayConfig({
      NODE_ENV: 'test',
      SUPERGRAPH_PATH: path.join(ROOT, 'infra/supergraph.graphql'),
      SUBGRAPH_MEMBERSHIP_URL: `http://127.0.0.1:${subgraphPort}/graphql`,
      SUBGRAPH_MENTORSHIP_URL: `http://127.0.0.1:${closedPort}/graphql`,
      TRUST_PROXY: 'loopback',
      MAX_QUERY_BYTES: '2000',
    });
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    app = await NestFactory.create(GatewayModule.forRoot(config, logger), { logger: false });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  }, 120000);

  afterAll(async () => {
    await app?.close();
    await new Promise<void>((resolve) => subgraph.close(() => resolve()));
  });

  beforeEach(() => {
    seen.length = 0;
    lines.length = 0;
    answer = ANSWER;
    failure = null;
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('passes the caller’s token, cookie, address and correlation id on, and membership’s cookies back', async () => {
    const response = await post(JSON.stringify({ query: '{ me { id } }' }), {
      authorization: 'Bearer t0k3n',
      cookie: 'praxis_refresh=r1',
      'x-correlation-id': 'corr-123',
      // the gateway trusts a loopback proxy here, which says the client is 203.0.113.9
      'x-forwarded-for': '203.0.113.9',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { me: { id: 'm1' } } });
    expect(response.headers.get('x-correlation-id')).toBe('corr-123');
    expect(response.headers.getSetCookie()).toEqual([
      'praxis_refresh=r2; HttpOnly; Path=/graphql',
      'second=2',
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0].headers).toMatchObject({
      authorization: 'Bearer t0k3n',
      cookie: 'praxis_refresh=r1',
      'x-correlation-id': 'corr-123',
      'x-forwarded-for': '203.0.113.9',
    });
    const access = lines.filter((line) => line.msg === 'request');
    expect(access).toEqual([
      expect.objectContaining({ correlationId: 'corr-123', method: 'POST', path: '/graphql', status: 200 }),
    ]);
    // no header, body or query string in the access line
    expect(JSON.stringify(access)).not.toMatch(/t0k3n|praxis_refresh|me \{ id/);
  });

  it('answers SERVICE_UNAVAILABLE naming the service when a subgraph cannot answer, logs the outage once, and its end', async () => {
    const unavailable = (service: string) => [
      expect.objectContaining({
        message: `The ${service} service is briefly unavailable; retry in a few seconds.`,
        extensions: expect.objectContaining({
          code: 'SERVICE_UNAVAILABLE',
          retryAfterSeconds: 2,
          serviceName: service,
        }),
      }),
    ];
    const errorsOf = async (query: string) => {
      const response = await post(JSON.stringify({ query }));
      expect(response.status).toBe(200);
      return ((await response.json()) as { errors?: unknown[] }).errors;
    };
    // nothing listens where mentorship should be
    expect(await errorsOf('{ myMentorProfile { capacity } }')).toEqual(unavailable('mentorship'));
    expect(await errorsOf('{ myMentorProfile { capacity } }')).toEqual(unavailable('mentorship'));
    // membership drops the connection, then a proxy in front of it has no healthy instance
    failure = 'drop';
    expect(await errorsOf('{ me { id } }')).toEqual(unavailable('membership'));
    for (const status of [502, 503, 504]) {
      failure = { status };
      expect(await errorsOf('{ me { id } }')).toEqual(unavailable('membership'));
    }
    failure = null;
    expect(await errorsOf('{ me { id } }')).toBeUndefined();
    const outages = lines.filter((line) => line.msg.startsWith('subgraph unreachable'));
    expect(outages.map((line) => line.subgraph)).toEqual(['mentorship', 'membership']);
    expect(
      lines.filter((line) => line.msg === 'subgraph answers again').map((line) => line.subgraph),
    ).toEqual(['membership']);
    expect(lines.filter((line) => line.msg === 'unhandled error in GraphQL operation')).toEqual([]);
  });

  it('passes a subgraph’s SERVICE_UNAVAILABLE (its database away) to the client as it came, not as an internal error', async () => {
    // a subgraph answers it with 200, as any refusal in the body (a 5xx would become "503: Service Unavailable")
    answer = {
      data: null,
      errors: [
        {
          message: DATABASE_UNAVAILABLE_MESSAGE,
          path: ['me'],
          extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 },
        },
      ],
    };
    const response = await post(JSON.stringify({ query: '{ me { id } }' }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { errors: Array<Record<string, unknown>> };
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: DATABASE_UNAVAILABLE_MESSAGE,
        path: ['me'],
        extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 }),
      }),
    ]);
    // the subgraph logged it; the gateway has nothing to add
    expect(lines.filter((line) => line.msg === 'unhandled error in GraphQL operation')).toEqual([]);
  });

  it('keeps Apollo’s CSRF prevention: a simple request without a preflight header is refused', async () => {
    const simplePost = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(simplePost.status).toBe(400);
    expect(await simplePost.text()).toMatch(/CSRF/);
    const get = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    const preflighted = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { __typename: 'Query' } });
    expect(seen).toHaveLength(0);
  });

  it('refuses bad bodies and oversized queries before any subgraph is called', async () => {
    const malformed = await post('{"query": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });

    const oversizedBody = await post(
      JSON.stringify({ query: `{ __typename } #${'x'.repeat(MAX_BODY_BYTES)}` }),
    );
    expect(oversizedBody.status).toBe(413);

    const oversizedQuery = await post(JSON.stringify({ query: `{ me { id } } #${'x'.repeat(2000)}` }));
    expect(oversizedQuery.status).toBe(413);
    expect(await oversizedQuery.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_REQUEST', limit: 'maxBytes' } }],
    });

    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ');
    const tooManyAliases = await post(JSON.stringify({ query: `{ ${aliases} }` }));
    expect(tooManyAliases.status).toBe(400);
    expect(await tooManyAliases.json()).toMatchObject({
      errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxAliases' } }],
    });
    expect(seen).toHaveLength(0);
    expect(lines.filter((line) => line.msg === 'request').map((line) => line.status)).toEqual([
      400, 413, 413, 400,
    ]);
  });

  it('leaves every other route to Express: health, the exports proxy, the web client', async () => {
    const live = await fetch(`${base}/health/live`);
    expect(live.status).toBe(200);
    expect(live.headers.get('x-correlation-id')).toBeTruthy();
    const unknownExport = await fetch(`${base}/exports/nowhere/members.csv`);
    expect(unknownExport.status).toBe(404);
    const page = await fetch(`${base}/journeys`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });
});
