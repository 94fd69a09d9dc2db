import { describe, expect, it, vi } from 'vitest';
import { print } from 'graphql';
import { RefreshSessionDocument } from './operations';
import { REFRESH_SESSION_QUERY, SessionStore } from './session-store';

const payload = (token: string) => ({
  token,
  tokenExpiresAt: new Date(Date.now() + 300_000).toISOString(),
  member: { id: 'm1', displayName: 'Amara', roles: [{ role: 'MEMBER' as const, institutionId: null }] },
});

function answering(...bodies: object[]) {
  const fetcher = vi.fn(async () => new Response(JSON.stringify(bodies.shift() ?? {})));
  return fetcher;
}

describe('SessionStore', () => {
  it('continues a session from the refresh cookie, and shares one refresh between concurrent callers', async () => {
    const fetcher = answering({ data: { refreshSession: payload('t1') } });
    const store = new SessionStore('/graphql', fetcher);
    const results = await Promise.all([store.refresh(), store.refresh(), store.refresh()]);
    expect(results).toEqual([true, true, true]);
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(fetcher.mock.calls[0]).toEqual([
      '/graphql',
      expect.objectContaining({ method: 'POST', credentials: 'same-origin' }),
    ]);
    expect(store.accessToken).toBe('t1');
    expect(store.getSnapshot()).toMatchObject({ status: 'signedIn', member: { displayName: 'Amara' } });
    store.signedOut();
  });

  it('is signed out when the cookie holds no session or the gateway cannot be reached', async () => {
    const refused = new SessionStore(
      '/graphql',
      answering({ errors: [{ message: 'no session' }], data: null }),
    );
    expect(await refused.refresh()).toBe(false);
    expect(refused.getSnapshot().status).toBe('signedOut');
    const offline = new SessionStore('/graphql', () => Promise.reject(new TypeError('offline')));
    expect(await offline.refresh()).toBe(false);
    expect(offline.accessToken).toBeNull();
  });

  it('refreshes before a request when the access token is about to expire', async () => {
    let now = Date.now();
    const fetcher = answering({ data: { refreshSession: payload('t2') } });
    const store = new SessionStore('/graphql', fetcher, () => now);
    store.signedIn({ ...payload('t1'), tokenExpiresAt: new Date(now + 60_000).toISOString() });
    expect(await store.freshToken()).toBe('t1');
    now += 55_000;
    expect(await store.freshToken()).toBe('t2');
    store.signedOut();
  });
});

describe('REFRESH_SESSION_QUERY', () => {
  it('is the RefreshSession document of operations.ts, printed', () => {
    expect(REFRESH_SESSION_QUERY).toBe(print(RefreshSessionDocument));
  });
});
