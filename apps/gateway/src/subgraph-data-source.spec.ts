import { createServer, type IncomingHttpHeaders, type OutgoingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { SubgraphDataSource, type GatewayContext } from './subgraph-data-source';

/** What the fake subgraph answers next, and what it was sent. */
interface Reply {
  status: number;
  headers: OutgoingHttpHeaders;
  body: string;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

const json = (value: unknown): Reply => ({
  status: 200,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(value),
});

describe('SubgraphDataSource (the gateway’s call to one subgraph)', () => {
  let server: Server;
  let url: string;
  let next: Reply;
  const seen: Array<{ headers: IncomingHttpHeaders; body: unknown }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        res.writeHead(next.status, next.headers);
        res.end(next.body);
      });
    });
    url = `http://127.0.0.1:${await listen(server)}/graphql`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  beforeEach(() => {
    seen.length = 0;
    next = json({ data: { me: { id: 'm1' } } });
  });

  /** A caller's request as Apollo hands it over, and what was appended to the caller's response. */
  function call(subgraph: string, policy?: { restrict: jest.Mock }) {
    const cookies: string[] = [];
    const context: GatewayContext = {
      authorization: 'Bearer t0k3n',
      cookie: 'praxis_refresh=r1',
      clientAddress: '203.0.113.9',
      setCookie: (value) => void cookies.push(value),
    };
    const options = {
      kind: 'incoming operation',
      request: { query: '{ me { id } }', variables: { a: 1 } },
      context,
      ...(policy ? { incomingRequestContext: { overallCachePolicy: policy } } : {}),
    } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
    return { result: new SubgraphDataSource(subgraph, url).process(options), cookies };
  }

  it('posts the query with the caller’s token and address, and answers the subgraph’s data', async () => {
    const { result } = call('proposals');
    await expect(result).resolves.toEqual({ data: { me: { id: 'm1' } } });
    expect(seen[0].body).toEqual({ query: '{ me { id } }', variables: { a: 1 } });
    expect(seen[0].headers).toMatchObject({
      authorization: 'Bearer t0k3n',
      'x-forwarded-for': '203.0.113.9',
      'content-type': 'application/json',
    });
  });

  it('sends cookies to membership alone and passes back only membership’s Set-Cookie', async () => {
    next = { ...json({ data: {} }), headers: { ...json({}).headers, 'set-cookie': ['a=1', 'b=2'] } };
    const membership = call('membership');
    await membership.result;
    expect(seen[0].headers.cookie).toBe('praxis_refresh=r1');
    expect(membership.cookies).toEqual(['a=1', 'b=2']);

    const proposals = call('proposals');
    await proposals.result;
    expect(seen[1].headers.cookie).toBeUndefined();
    expect(proposals.cookies).toEqual([]);

    // one cookie alone is still one cookie (an HTTP client may hand a single Set-Cookie over as a string)
    next = {
      ...json({ data: {} }),
      headers: { ...json({}).headers, 'set-cookie': 'praxis_refresh=r2; HttpOnly' },
    };
    const single = call('membership');
    await single.result;
    expect(single.cookies).toEqual(['praxis_refresh=r2; HttpOnly']);
  });

  it('lets the subgraph’s Cache-Control only restrict the response’s policy', async () => {
    next = {
      ...json({ data: {} }),
      headers: { ...json({}).headers, 'cache-control': 'max-age=30, private' },
    };
    const restrict = jest.fn();
    await call('proposals', { restrict }).result;
    expect(restrict).toHaveBeenCalledWith({ maxAge: 30, scope: 'PRIVATE' });

    next = json({ data: {} });
    await call('proposals', { restrict }).result;
    expect(restrict).toHaveBeenLastCalledWith({ maxAge: 0 });
  });

  it('turns a non-2xx answer into `<status>: <text>` with the body and the code of 401 and 403', async () => {
    next = { status: 401, headers: { 'content-type': 'application/json' }, body: '{"errors":[]}' };
    const error = await call('proposals').result.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).message).toBe('401: Unauthorized');
    expect((error as GraphQLError).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      response: { url, status: 401, statusText: 'Unauthorized', body: { errors: [] } },
    });

    next = { status: 500, headers: { 'content-type': 'text/plain' }, body: 'broken' };
    const failed = await call('proposals').result.catch((caught: unknown) => caught);
    expect((failed as GraphQLError).message).toBe('500: Internal Server Error');
    expect((failed as GraphQLError).extensions).toMatchObject({ response: { body: 'broken' } });
    expect((failed as GraphQLError).extensions.code).toBeUndefined();

    // a proxy's "no healthy instance" is an outage a client may retry, as a refused connection is
    next = { status: 503, headers: { 'content-type': 'text/plain' }, body: 'busy' };
    const unavailable = await call('proposals').result.catch((caught: unknown) => caught);
    expect((unavailable as GraphQLError).extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      retryAfterSeconds: 2,
      serviceName: 'proposals',
    });
  });

  it('refuses a 2xx answer that is not a JSON object', async () => {
    next = { status: 200, headers: { 'content-type': 'text/html' }, body: '<html></html>' };
    await expect(call('proposals').result).rejects.toThrow(/Expected JSON response body/);
  });
});
