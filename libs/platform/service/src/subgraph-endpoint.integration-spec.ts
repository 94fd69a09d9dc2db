import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { request as httpRequest } from 'node:http';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import pino from 'pino';
import {
  AuthModule,
  CurrentPrincipal,
  generateSigningKeys,
  Public,
  TokenIssuer,
  type Principal,
} from '@praxis/platform/auth';
import {
  GraphQLErrorsModule,
  MAX_BODY_BYTES,
  subgraphModule,
  type SubgraphContext,
  type TrustProxy,
} from '@praxis/platform/graphql';
import { ObservabilityModule } from '@praxis/platform/observability';
import { configureExpress } from './service';

interface LogLine {
  msg: string;
  [field: string]: unknown;
}

const AUTH = { AUTH_ISSUER: 'praxis-lean', AUTH_AUDIENCE: 'praxis-lean', AUTH_ROLES_CLAIM: 'praxis_roles' };

@Resolver()
class ProbeResolver {
  @Public()
  @Query(() => String, { description: 'The client address resolvers see (`req.ip`)' })
  address(@Context() context: SubgraphContext): string {
    return context.req.ip ?? 'unknown';
  }

  @Query(() => String, { description: 'The signed-in caller, through the guard' })
  whoami(@CurrentPrincipal() principal: Principal): string {
    return principal.memberId;
  }

  @Public()
  @Query(() => String, { description: 'A cookie the caller sent' })
  cookie(@Context() context: SubgraphContext): string {
    return context.req.headers.cookie ?? '';
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Sets one cookie and clears another, as membership’s sessions do' })
  rotate(@Context() context: SubgraphContext): boolean {
    context.res?.cookie('praxis_refresh', 'r2/+=', {
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      path: '/graphql',
      expires: new Date(Date.UTC(2030, 0, 1)),
    });
    context.res?.clearCookie('old', { httpOnly: true, secure: false, sameSite: 'strict', path: '/graphql' });
    return true;
  }

  @Public()
  @Query(() => String, { description: 'Fails unexpectedly' })
  fails(): string {
    throw new Error('the probe failed');
  }
}

@Controller('other')
class OtherController {
  @Get()
  other(): { route: string } {
    return { route: 'express' };
  }
}

@Module({ providers: [ProbeResolver], controllers: [OtherController] })
class ProbeFeatureModule {}

@Module({})
class ProbeServiceModule {}

interface Probe {
  app: INestApplication;
  base: string;
  lines: LogLine[];
}

/** A subgraph as `platformModules` composes it (lean `/graphql` unless `lean` is false), without a database. */
async function startProbe(lean: boolean, trustProxy: TrustProxy, publicJwks: object): Promise<Probe> {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const app = await NestFactory.create(
    {
      module: ProbeServiceModule,
      imports: [
        AuthModule.forRoot({ ...AUTH, AUTH_JWKS: JSON.stringify(publicJwks) }),
        subgraphModule({
          logger,
          introspection: false,
          ...(lean ? { http: { service: 'probe', trustProxy } } : {}),
        }),
        { module: GraphQLErrorsModule },
        ObservabilityModule.forRoot({ service: 'probe', database: false, logger }),
        { module: ProbeFeatureModule },
      ],
    },
    { logger: false },
  );
  configureExpress(app.getHttpAdapter().getInstance(), trustProxy);
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}`, lines };
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  setCookie: string[];
  body: string;
}

/** One request, and what came back but for the headers that differ by time or request. */
async function send(base: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(base + path, init);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!['date', 'x-correlation-id', 'set-cookie'].includes(name)) headers[name] = value;
  });
  return {
    status: response.status,
    headers,
    setCookie: response.headers.getSetCookie(),
    body: await response.text(),
  };
}

const JSON_TYPE = { 'content-type': 'application/json' };
const post = (query: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { ...JSON_TYPE, ...headers },
  body: JSON.stringify({ query }),
});

/**
 * A subgraph's `/graphql` served ahead of Nest and Express (`subgraphModule`'s `http`, as `platformModules` sets
 * it): every answer as Nest's driver on Express gave it, with the context resolvers, the guard and membership's
 * cookies read (headers, `req.ip` under TRUST_PROXY, Set-Cookie), the access line and correlation id, CSRF
 * prevention and the body limit; every other route still reaches Express.
 */
describe('a subgraph’s lean /graphql', () => {
  let issuer: TokenIssuer;
  let lean: Probe;
  let express: Probe;
  let untrusting: Probe;

  beforeAll(async () => {
    const { privateJwk, publicJwks } = await generateSigningKeys();
    issuer = await TokenIssuer.fromJwk(privateJwk, {
      issuer: AUTH.AUTH_ISSUER,
      audience: AUTH.AUTH_AUDIENCE,
      ttlSeconds: 600,
      rolesClaim: AUTH.AUTH_ROLES_CLAIM,
    });
    [lean, express, untrusting] = await Promise.all([
      startProbe(true, 'loopback', publicJwks),
      startProbe(false, 'loopback', publicJwks),
      startProbe(true, false, publicJwks),
    ]);
  }, 60000);

  afterAll(async () => {
    await Promise.all([lean?.app.close(), express?.app.close(), untrusting?.app.close()]);
  });

  beforeEach(() => {
    for (const probe of [lean, express, untrusting]) probe.lines.length = 0;
  });

  it('answers every request as Nest’s driver on Express did: status, headers, cookies and body', async () => {
    // the third element marks a body Express's parser refused
    const requests: Array<[string, RequestInit, 'refused body'?]> = [
      ['/graphql', post('{ address }', { 'x-forwarded-for': '203.0.113.9' })],
      ['/graphql', post('mutation { rotate }')],
      ['/graphql', post('{ whoami }')],
      ['/graphql', post('{ whoami }', { authorization: 'Bearer not-a-token' })],
      ['/graphql', post('{ fails }')],
      ['/graphql', post('{ address ')],
      ['/graphql', post('{ nowhere }')],
      ['/graphql', { method: 'POST', headers: JSON_TYPE, body: '{"query": ' }, 'refused body'],
      ['/graphql', { method: 'POST', headers: JSON_TYPE, body: '"{ address }"' }, 'refused body'],
      ['/graphql', { method: 'POST', headers: JSON_TYPE, body: ' \n' }, 'refused body'],
      ['/graphql', { method: 'POST', headers: JSON_TYPE, body: '' }],
      ['/graphql', { method: 'POST', headers: JSON_TYPE, body: '[{"query":"{ address }"}]' }],
      ['/graphql', { method: 'POST', headers: JSON_TYPE, body: '\ufeff{"query":"{ address }"}' }],
      [
        '/graphql',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=UTF-8' },
          body: '{"query":"{ address }"}',
        },
      ],
      ['/graphql', post(`{ address } #${'x'.repeat(MAX_BODY_BYTES)}`), 'refused body'],
      ['/graphql', post(`{ address } #${'x'.repeat(MAX_BODY_BYTES - 100)}`)],
      [
        '/graphql',
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ address }"}' },
      ],
      [
        '/graphql',
        {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'apollo-require-preflight': 'true',
          },
          body: 'query=%7B%20address%20%7D',
        },
      ],
      [`/graphql?query=${encodeURIComponent('{ address }')}`, {}],
      [
        `/graphql?query=${encodeURIComponent('{ address }')}`,
        { headers: { 'apollo-require-preflight': 'true' } },
      ],
      [
        `/graphql/?query=${encodeURIComponent('mutation { rotate }')}`,
        { headers: { 'x-apollo-operation-name': 'a' } },
      ],
      ['/graphql', { headers: { accept: 'text/html' } }],
      ['/graphql', { method: 'PUT', headers: JSON_TYPE, body: '{"query":"{ address }"}' }],
      ['/graphql', { method: 'OPTIONS' }],
      ['/graphql/deeper', post('{ address }')],
      ['/other', {}],
      ['/nowhere', {}],
    ];
    const answered: string[] = [];
    for (const [path, init] of requests) {
      const [was, is] = [await send(express.base, path, init), await send(lean.base, path, init)];
      expect({ path, init: init.body?.toString().slice(0, 60), ...is }).toEqual({
        path,
        init: init.body?.toString().slice(0, 60),
        ...was,
      });
      answered.push(`${init.method ?? 'GET'} ${path.split('?')[0]} ${is.status}`);
    }
    // one access line per request on the lean path; Express's body parser refused bad and oversized bodies before
    // the correlation middleware ran, so those had none there (nor a correlation id)
    const statuses = (probe: Probe) =>
      probe.lines
        .filter((line) => line.msg === 'request')
        .map((line) => `${line.method} ${line.path} ${line.status}`);
    expect(statuses(lean)).toEqual(answered);
    expect(statuses(express)).toEqual(answered.filter((_line, index) => requests[index][2] === undefined));
  });

  it('gives resolvers and the guard the caller’s headers and cookie, sets cookies, and keeps the correlation id', async () => {
    const token = await issuer.issue({ memberId: 'member-7', roles: [] });
    const response = await fetch(`${lean.base}/graphql`, {
      ...post('{ whoami cookie }', {
        authorization: `Bearer ${token}`,
        cookie: 'praxis_refresh=r1; other=2',
        'x-correlation-id': 'corr-lean-1',
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBe('corr-lean-1');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      data: { whoami: 'member-7', cookie: 'praxis_refresh=r1; other=2' },
    });

    const rotated = await fetch(`${lean.base}/graphql`, post('mutation { rotate }'));
    expect(rotated.headers.getSetCookie()).toEqual([
      'praxis_refresh=r2%2F%2B%3D; Path=/graphql; Expires=Tue, 01 Jan 2030 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict',
      'old=; Path=/graphql; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict',
    ]);

    const access = lean.lines.filter((line) => line.msg === 'request');
    expect(access).toEqual([
      expect.objectContaining({
        correlationId: 'corr-lean-1',
        method: 'POST',
        path: '/graphql',
        status: 200,
      }),
      expect.objectContaining({ method: 'POST', path: '/graphql', status: 200 }),
    ]);
    // no header, body or query in the access line
    expect(JSON.stringify(access)).not.toMatch(/praxis_refresh|whoami|Bearer/);
  });

  it('reads the client address as Express’s req.ip does, with and without a trusted proxy', async () => {
    const address = async (probe: Probe, forwardedFor?: string) => {
      const response = await fetch(
        `${probe.base}/graphql`,
        post('{ address }', forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      );
      return ((await response.json()) as { data: { address: string } }).data.address;
    };
    // the loopback proxy in front (here the test itself) is trusted: its X-Forwarded-For names the client
    expect(await address(lean, '198.51.100.4, 203.0.113.9')).toBe('203.0.113.9');
    expect(await address(lean)).toBe('127.0.0.1');
    // nothing trusted: the socket's address, whatever the header claims
    expect(await address(untrusting, '203.0.113.9')).toBe('127.0.0.1');
  });

  it('keeps CSRF prevention, the body limit and the connection after a refused body', async () => {
    const simplePost = await fetch(`${lean.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ address }' }),
    });
    expect(simplePost.status).toBe(400);
    expect(await simplePost.text()).toMatch(/CSRF/);
    const get = await fetch(`${lean.base}/graphql?query=${encodeURIComponent('{ address }')}`);
    expect(get.status).toBe(400);

    // a body over the limit is read to its end and refused with 413; the same connection answers the next request
    const big = JSON.stringify({ query: `{ address } #${'x'.repeat(MAX_BODY_BYTES)}` });
    const answers = await twoOnOneConnection(lean.base, big, JSON.stringify({ query: '{ address }' }));
    expect(answers.map((answer) => answer.status)).toEqual([413, 200]);
    expect(JSON.parse(answers[0].body)).toEqual({ statusCode: 413, message: 'request entity too large' });
    expect(answers[0].sockets).toBe(1);
  });

  it('leaves every other route to Express, with its access line and correlation id', async () => {
    const response = await fetch(`${lean.base}/other`, { headers: { 'x-correlation-id': 'corr-other' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ route: 'express' });
    expect(response.headers.get('x-correlation-id')).toBe('corr-other');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(lean.lines.filter((line) => line.msg === 'request')).toEqual([
      expect.objectContaining({ correlationId: 'corr-other', method: 'GET', path: '/other', status: 200 }),
    ]);
  });
});

/** Two POSTs on one kept-alive connection; how many sockets carried them. */
async function twoOnOneConnection(
  base: string,
  first: string,
  second: string,
): Promise<Array<{ status: number; body: string; sockets: number }>> {
  const { Agent } = await import('node:http');
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const sockets = new Set<unknown>();
  const one = (body: string) =>
    new Promise<{ status: number; body: string; sockets: number }>((resolve, reject) => {
      const req = httpRequest(
        `${base}/graphql`,
        { method: 'POST', agent, headers: { ...JSON_TYPE, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              sockets: sockets.size,
            }),
          );
        },
      );
      req.on('socket', (socket) => sockets.add(socket));
      req.on('error', reject);
      req.end(body);
    });
  try {
    const answers = [await one(first), await one(second)];
    return answers.map((answer) => ({ ...answer, sockets: sockets.size }));
  } finally {
    agent.destroy();
  }
}
