import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Supergraph } from '@apollo/federation-internals';
import { graphql, GraphQLError, type GraphQLSchema } from 'graphql';
import pino from 'pino';
import { must } from '@praxis/platform/testing';
import { loadGatewayConfig } from './config';
import { GatewayModule } from './gateway.module';

const ROOT = path.resolve(__dirname, '../../..');
const SUPERGRAPH_PATH = path.join(ROOT, 'infra/supergraph.graphql');

interface Seen {
  subgraph: string;
  headers: IncomingHttpHeaders;
  body: { query: string; variables?: Record<string, unknown>; operationName?: string };
}

const member = (id: string) => ({
  id,
  displayName: `Member ${id}`,
  careerStage: 'EARLY_CAREER',
  institutionId: 'i1',
  interests: ['ecology'],
  roles: [],
  // a nullable field whose resolver fails: the answer keeps the member with `email: null` and an error
  email: () => {
    throw new GraphQLError('email is private', { extensions: { code: 'FORBIDDEN' } });
  },
  specialty: () => {
    // an error with no code: the gateway masks it (DOWNSTREAM_SERVICE_ERROR is not a public code)
    throw new Error('specialty lookup failed');
  },
  joinedAt: '2026-01-02T03:04:05.000Z',
  institutionConfirmed: true,
  careerStageConfirmed: false,
});

/** membership's and mentorship's schemas as the supergraph records them, run by graphql-js with stand-in data. */
function standInRoot(subgraph: string, headers: IncomingHttpHeaders): Record<string, unknown> {
  const signedIn = headers.authorization === 'Bearer ok';
  const mustSignIn = () => {
    if (!signedIn) throw new GraphQLError('sign in first', { extensions: { code: 'UNAUTHENTICATED' } });
  };
  if (subgraph === 'mentorship')
    return {
      myMentorProfile: () => {
        mustSignIn();
        return { capacity: 3, activeMentees: 1, paused: false };
      },
    };
  return {
    me: () => {
      mustSignIn();
      return member('m1');
    },
    member: ({ id }: { id: string }) => {
      if (id === 'missing') throw new GraphQLError('no such member', { extensions: { code: 'NOT_FOUND' } });
      return member(id);
    },
    members: () => {
      throw new GraphQLError('admins only', { extensions: { code: 'FORBIDDEN' } });
    },
    updateMyProfile: ({ input }: { input: { displayName?: string } }) => {
      mustSignIn();
      return { ...member('m1'), displayName: input.displayName ?? 'unchanged' };
    },
    login: ({ email }: { email: string }) => ({
      token: `token-for-${email}`,
      tokenExpiresAt: '2026-12-02T15:00:00.000Z',
      refreshToken: null,
      refreshTokenExpiresAt: '2026-12-30T15:00:00.000Z',
      member: member('m1'),
    }),
  };
}

/**
 * The single-fetch path against the full path: two gateways on one supergraph, `GATEWAY_SINGLE_FETCH` on and
 * off, in front of stand-in membership and mentorship subgraphs that execute the real subgraph schemas
 * (extracted from the committed supergraph) with graphql-js. Every operation of the matrix must get the same
 * status, headers that matter and body from both; the subgraph must receive the same headers.
 */
describe('the gateway’s single-fetch path', () => {
  const seen: Seen[] = [];
  let subgraphs: Server;
  const gateways: Record<'fast' | 'full', { app: INestApplication; base: string }> = {} as never;

  beforeAll(async () => {
    const supergraph = Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8'));
    const schemas = new Map<string, GraphQLSchema>();
    for (const name of ['membership', 'mentorship'])
      schemas.set(
        name,
        must(supergraph.subgraphs().get(name), `subgraph ${name}`).schema.toGraphQLJSSchema(),
      );
    subgraphs = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const subgraph = (req.url ?? '').split('/')[1];
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Seen['body'];
        seen.push({ subgraph, headers: req.headers, body });
        if (req.headers.authorization === 'Bearer drop') {
          req.socket.destroy();
          return;
        }
        if (req.headers.authorization === 'Bearer expired') {
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: 'token expired' }] }));
          return;
        }
        void graphql({
          schema: must(schemas.get(subgraph), `subgraph ${subgraph}`),
          source: body.query,
          variableValues: body.variables,
          operationName: body.operationName,
          rootValue: standInRoot(subgraph, req.headers),
        }).then((result) => {
          const headers: Record<string, string | string[]> = {
            'content-type': 'application/json; charset=utf-8',
            // what a subgraph says about caching can only restrict the gateway's answer
            'cache-control': /institutionId/.test(body.query) ? 'max-age=30, private' : 'no-store',
          };
          if (/login/.test(body.query))
            headers['set-cookie'] = ['praxis_refresh=r2; HttpOnly; Path=/graphql'];
          res.writeHead(200, headers);
          res.end(JSON.stringify(result));
        });
      });
    });
    await new Promise<void>((resolve) => subgraphs.listen(0, '127.0.0.1', resolve));
    const port = (subgraphs.address() as AddressInfo).port;
    for (const [name, enabled] of [
      ['fast', 'true'],
      ['full', 'false'],
    ] as const) {
      const config = loadGatewayConfig({
        NODE_ENV: 'test',
        SUPERGRAPH_PATH,
        SUBGRAPH_MEMBERSHIP_URL: `http://127.0.0.1:${port}/membership/graphql`,
        SUBGRAPH_MENTORSHIP_URL: `http://127.0.0.1:${port}/mentorship/graphql`,
        GATEWAY_SINGLE_FETCH: enabled,
        MAX_QUERY_COST: '50',
      });
      const logger = pino({ level: 'silent' });
      const app = await NestFactory.create(GatewayModule.forRoot(config, logger), { logger: false });
      await app.listen(0, '127.0.0.1');
      gateways[name] = {
        app,
        base: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`,
      };
    }
  }, 120000);

  afterAll(async () => {
    for (const gateway of Object.values(gateways)) await gateway.app.close();
    await new Promise<void>((resolve) => subgraphs.close(() => resolve()));
  });

  interface Answer {
    status: number;
    headers: Record<string, string | string[] | null>;
    body: string;
    /** What the subgraphs received for it. */
    sent: Seen[];
  }

  const send = async (
    gateway: 'fast' | 'full',
    body: Record<string, unknown>,
    headers: Record<string, string>,
  ): Promise<Answer> => {
    seen.length = 0;
    const response = await fetch(`${gateways[gateway].base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'corr-1', ...headers },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: {
        'content-type': response.headers.get('content-type'),
        'cache-control': response.headers.get('cache-control'),
        'set-cookie': response.headers.getSetCookie(),
        'x-correlation-id': response.headers.get('x-correlation-id'),
      },
      body: await response.text(),
      sent: [...seen],
    };
  };

  /** What a subgraph request carries that the client decides (the query text aside). */
  const passedOn = (sent: Seen[]) =>
    sent.map(({ subgraph, headers }) => ({
      subgraph,
      authorization: headers.authorization,
      cookie: headers.cookie,
      correlationId: headers['x-correlation-id'],
      forwardedFor: headers['x-forwarded-for'],
    }));

  /**
   * The same request to both gateways; the fast one twice (its first request of a document takes the full path
   * and records the route). Returns both answers and whether the second fast request was forwarded as written.
   */
  const compare = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const full = await send('full', body, headers);
    await send('fast', body, headers);
    const fast = await send('fast', body, headers);
    expect(fast.status).toBe(full.status);
    expect(fast.headers).toEqual(full.headers);
    expect(fast.body).toBe(full.body);
    expect(passedOn(fast.sent)).toEqual(passedOn(full.sent));
    const forwarded = fast.sent.length === 1 && fast.sent[0].body.query === body.query;
    return { full, fast, forwarded, json: JSON.parse(full.body) as Record<string, unknown> };
  };

  const signedIn = { authorization: 'Bearer ok', cookie: 'praxis_refresh=r1' };

  it('answers a single-subgraph query identically, forwarded as the client wrote it', async () => {
    const { forwarded, json, full } = await compare({ query: '{ me { id displayName } }' }, signedIn);
    expect(forwarded).toBe(true);
    expect(json).toEqual({ data: { me: { id: 'm1', displayName: 'Member m1' } } });
    expect(full.headers['cache-control']).toBe('no-store');
    // Apollo Client 4's Accept, and one the fast path leaves to Apollo's negotiation
    const client = await compare(
      { query: '{ me { id displayName } }' },
      { ...signedIn, accept: 'application/graphql-response+json,application/json;q=0.9' },
    );
    expect(client.forwarded).toBe(true);
    expect(client.full.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
    const other = await compare(
      { query: '{ me { id displayName } }' },
      { ...signedIn, accept: 'application/graphql-response+json' },
    );
    expect(other.forwarded).toBe(false);
  });

  it('keeps field errors, partial nulls and masked internal errors identical', async () => {
    const partial = await compare(
      {
        query: 'query Who($id: ID!) { member(id: $id) { id email specialty } }',
        operationName: 'Who',
        variables: { id: 'm2' },
      },
      signedIn,
    );
    expect(partial.forwarded).toBe(true);
    expect(partial.json).toMatchObject({
      data: { member: { id: 'm2', email: null, specialty: null } },
      errors: [
        {
          message: 'email is private',
          path: ['member', 'email'],
          extensions: { code: 'FORBIDDEN', serviceName: 'membership' },
        },
        { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ],
    });
    const missing = await compare({ query: '{ member(id: "missing") { id } }' }, signedIn);
    expect(missing.forwarded).toBe(true);
    expect(missing.json).toMatchObject({
      data: { member: null },
      errors: [{ extensions: { code: 'NOT_FOUND' } }],
    });
  });

  it('keeps a refused authorization identical: a non-null root field’s error, a 401 from the subgraph, a forbidden list', async () => {
    const anonymous = await compare({ query: '{ me { id } }' });
    expect(anonymous.forwarded).toBe(true);
    expect(anonymous.json).toMatchObject({
      data: null,
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const expired = await compare({ query: '{ me { id } }' }, { authorization: 'Bearer expired' });
    expect(expired.json).toMatchObject({ data: null, errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    const forbidden = await compare({ query: '{ members(first: 5) { totalCount } }' }, signedIn);
    expect(forbidden.json).toMatchObject({ data: null, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
  });

  it('answers a bad variable, an over-cost operation and a validation error on the full path, identically', async () => {
    const missingVariable = await compare(
      { query: 'query($id: ID!) { member(id: $id) { id } }', variables: {} },
      signedIn,
    );
    expect(missingVariable.fast.sent).toEqual([]);
    expect(missingVariable.json).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    const wrongType = await compare(
      {
        query: 'mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id } }',
        variables: { input: { displayName: 5 } },
      },
      signedIn,
    );
    expect(wrongType.fast.sent).toEqual([]);
    // the cost depends on the variables: under the limit with 2, over it with 100
    const page = 'query($n: Int) { members(first: $n) { edges { node { id displayName interests } } } }';
    const small = await compare({ query: page, variables: { n: 2 } }, signedIn);
    expect(small.forwarded).toBe(true);
    const large = await compare({ query: page, variables: { n: 100 } }, signedIn);
    expect(large.fast.sent).toEqual([]);
    expect(large.json).toMatchObject({ errors: [{ extensions: { limit: 'maxCost' } }] });
    // an empty operation name is left to Apollo (which runs the only operation), though that one has a route
    const emptyName = await compare({ query: '{ me { id } }', operationName: '' }, signedIn);
    expect(emptyName.forwarded).toBe(false);
    const invalid = await compare({ query: '{ me { nope } }' }, signedIn);
    expect(invalid.full.status).toBe(400);
  });

  it('runs a mutation identically, and passes membership’s Set-Cookie from a sign-in back', async () => {
    const update = await compare(
      {
        query:
          'mutation Save($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id displayName } }',
        variables: { input: { displayName: 'Ada' } },
      },
      signedIn,
    );
    expect(update.forwarded).toBe(true);
    expect(update.json).toEqual({ data: { updateMyProfile: { id: 'm1', displayName: 'Ada' } } });
    const login = await compare({
      query:
        'mutation { login(email: "a@example.org", password: "pw", refreshTokenInBody: false) { token member { id } } }',
    });
    expect(login.forwarded).toBe(true);
    expect(login.full.headers['set-cookie']).toEqual(['praxis_refresh=r2; HttpOnly; Path=/graphql']);
  });

  it('keeps a subgraph’s Cache-Control restriction identical', async () => {
    const cached = await compare({ query: '{ me { id institutionId } }' }, signedIn);
    expect(cached.forwarded).toBe(true);
    expect(cached.full.headers['cache-control']).toBe('max-age=30, private');
  });

  it('never forwards a query spanning two subgraphs, introspection, or a root __typename', async () => {
    const both = await compare({ query: '{ me { id } myMentorProfile { capacity } }' }, signedIn);
    expect(both.forwarded).toBe(false);
    expect(both.fast.sent.map((request) => request.subgraph).sort()).toEqual(['membership', 'mentorship']);
    const introspection = await compare({ query: '{ __type(name: "Member") { name } me { id } }' }, signedIn);
    expect(introspection.forwarded).toBe(false);
    const typename = await compare({ query: '{ __typename me { id } }' }, signedIn);
    expect(typename.forwarded).toBe(false);
  });

  it('answers a subgraph that cannot answer identically (SERVICE_UNAVAILABLE, data null or fields null)', async () => {
    const dropped = await compare({ query: '{ me { id } }' }, { authorization: 'Bearer drop' });
    expect(dropped.forwarded).toBe(true);
    expect(dropped.json).toMatchObject({
      data: null,
      errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
    const nullable = await compare(
      { query: '{ member(id: "m3") { id } }' },
      { authorization: 'Bearer drop' },
    );
    expect(nullable.json).toMatchObject({
      data: { member: null },
      errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
  });
});
