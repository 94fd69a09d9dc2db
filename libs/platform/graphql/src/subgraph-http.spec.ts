import type { IncomingMessage } from 'node:http';
import express from 'express';
import { serializeCookie, takesSubgraphRequest, type CookieOptions } from './subgraph-http';

/** The Set-Cookie values Express's own `res.cookie` / `res.clearCookie` write for the same call. */
function expressSetCookie(call: (res: express.Response) => void): string[] {
  const written: string[] = [];
  // `res.cookie` reads `this.req.secret` (for signed cookies, unused here)
  const res = Object.create(express.response, { req: { value: {} } }) as express.Response;
  res.append = ((_name: string, value: string) => {
    written.push(value);
    return res;
  }) as express.Response['append'];
  call(res);
  return written;
}

describe('cookies on the lean path', () => {
  const cases: Array<[string, string, CookieOptions | undefined]> = [
    [
      'praxis_refresh',
      'a.b-c_d',
      {
        httpOnly: true,
        secure: true,
        sameSite: 'strict',
        path: '/graphql',
        expires: new Date(Date.UTC(2030, 5, 1, 12)),
      },
    ],
    [
      'praxis_refresh',
      'needs encoding: /+=;',
      { httpOnly: true, secure: false, sameSite: 'strict', path: '/graphql' },
    ],
    ['plain', 'v', undefined],
    ['lax', 'v', { sameSite: 'lax', secure: true }],
    ['none', 'v', { sameSite: 'none', secure: true }],
    ['boolean', 'v', { sameSite: true, path: '' }],
  ];

  it('are written as Express’s res.cookie writes them', () => {
    for (const [name, value, options] of cases)
      expect(serializeCookie(name, value, options)).toBe(
        expressSetCookie((res) => res.cookie(name, value, options ?? {}))[0],
      );
  });

  it('take maxAge in milliseconds as Express does (Max-Age in seconds, and Expires)', () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 11, 3, 8, 0, 0, 500) });
    try {
      const options = { maxAge: 90_500, httpOnly: true };
      expect(serializeCookie('m', 'v', options)).toBe(
        expressSetCookie((res) => res.cookie('m', 'v', options))[0],
      );
      expect(serializeCookie('m', 'v', options)).toBe(
        'm=v; Max-Age=90; Path=/; Expires=Thu, 03 Dec 2026 08:01:31 GMT; HttpOnly',
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it('are refused as Express refuses them', () => {
    expect(() => serializeCookie('bad name', 'v')).toThrow(TypeError);
    expect(() => expressSetCookie((res) => res.cookie('bad name', 'v'))).toThrow(TypeError);
  });
});

function request(method: string, url: string, headers: Record<string, string> = {}): IncomingMessage {
  return { method, url, headers } as unknown as IncomingMessage;
}

describe('the requests the lean path takes', () => {
  it('is a POST of uncompressed JSON in UTF-8, or a GET without a body, to /graphql', () => {
    const json = { 'content-type': 'application/json', 'content-length': '20' };
    for (const taken of [
      request('POST', '/graphql', json),
      request('POST', '/graphql/', { 'content-type': 'Application/JSON; charset=UTF-8' }),
      request('POST', '/graphql?x=1', {
        'content-type': 'application/json;charset="utf-8"',
        'content-encoding': 'identity',
      }),
      request('GET', '/graphql?query=%7B__typename%7D'),
    ])
      expect(takesSubgraphRequest(taken)).toBe(true);
  });

  it('leaves everything else to Express', () => {
    for (const left of [
      request('POST', '/graphql', { 'content-type': 'text/plain' }),
      request('POST', '/graphql', { 'content-type': 'application/x-www-form-urlencoded' }),
      request('POST', '/graphql', { 'content-type': 'application/json; charset=utf-16' }),
      request('POST', '/graphql', { 'content-type': 'application/json; charset=utf8' }),
      request('POST', '/graphql', { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
      request('POST', '/graphql'),
      request('GET', '/graphql', { 'content-length': '2', 'content-type': 'application/json' }),
      request('GET', '/graphql', { 'transfer-encoding': 'chunked' }),
      request('PUT', '/graphql', { 'content-type': 'application/json' }),
      request('OPTIONS', '/graphql'),
      request('HEAD', '/graphql'),
      request('POST', '/graphql/deeper', { 'content-type': 'application/json' }),
      request('POST', '/GraphQL', { 'content-type': 'application/json' }),
      request('GET', '/health'),
      request('GET', '/testing/clock'),
    ])
      expect(takesSubgraphRequest(left)).toBe(false);
  });
});
