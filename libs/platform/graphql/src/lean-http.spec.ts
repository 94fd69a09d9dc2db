import type { IncomingMessage } from 'node:http';
import { clientAddressReader, GRAPHQL_PATH } from './lean-http';

function request(socketAddress: string, forwardedFor?: string): IncomingMessage {
  return {
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    socket: { remoteAddress: socketAddress },
    connection: { remoteAddress: socketAddress },
  } as unknown as IncomingMessage;
}

describe('the client address the gateway passes to subgraphs (TRUST_PROXY, as Express reads it)', () => {
  it('is the socket’s when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddressReader(false)(request('198.51.100.7', '203.0.113.9'))).toBe('198.51.100.7');
  });

  it('is the nearest untrusted hop behind trusted proxies', () => {
    const behindLoopback = request('127.0.0.1', '192.0.2.1, 203.0.113.9');
    expect(clientAddressReader('loopback')(behindLoopback)).toBe('203.0.113.9');
    expect(clientAddressReader(1)(behindLoopback)).toBe('203.0.113.9');
    expect(clientAddressReader(2)(behindLoopback)).toBe('192.0.2.1');
    expect(clientAddressReader(true)(behindLoopback)).toBe('192.0.2.1');
    // a public address is not a trusted loopback proxy: its X-Forwarded-For is ignored
    expect(clientAddressReader('loopback, uniquelocal')(request('198.51.100.7', '203.0.113.9'))).toBe(
      '198.51.100.7',
    );
  });
});

describe('the path the lean handler answers', () => {
  it('is /graphql with or without a trailing slash or query string, and nothing else', () => {
    for (const url of ['/graphql', '/graphql/', '/graphql?query=%7B__typename%7D', '/graphql/?a=1'])
      expect(GRAPHQL_PATH.test(url)).toBe(true);
    for (const url of ['/', '/graphqlx', '/graphql/x', '/exports/engagement/x.csv', '/health'])
      expect(GRAPHQL_PATH.test(url)).toBe(false);
  });
});
