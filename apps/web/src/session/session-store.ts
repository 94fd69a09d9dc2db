import type { SessionFieldsFragment as SessionPayload } from '../gql/graphql';

export type { SessionPayload };
export type SessionMember = SessionPayload['member'];

export interface SessionState {
  /** `starting` until the first refresh attempt (the cookie may hold a session from an earlier visit) ends. */
  status: 'starting' | 'signedIn' | 'signedOut';
  member: SessionMember | null;
}

/** Refresh this long before the access token expires, so requests never carry an expired one. */
const REFRESH_AHEAD_MS = 60_000;
/** Name of the Web Lock that serialises refreshes across tabs (the refresh token rotates: one use each). */
const REFRESH_LOCK = 'praxis-session-refresh';

type Fetch = typeof fetch;

/**
 * `RefreshSession` (operations.ts) as sent, printed: the session is part of the entry chunk every first load parses,
 * and the generated documents (gql/graphql.ts, every operation of the client) are not (see operations.ts).
 * session-store.test.ts holds it equal to the printed generated document.
 */
export const REFRESH_SESSION_QUERY =
  'mutation RefreshSession {\n  refreshSession {\n    ...SessionFields\n  }\n}\n\n' +
  'fragment SessionFields on AuthPayload {\n  token\n  tokenExpiresAt\n  member {\n    id\n    displayName\n' +
  '    roles {\n      role\n      institutionId\n    }\n  }\n}';

/**
 * The browser's session, in memory only. The access token (5 minutes) lives in this object and nowhere else; the
 * refresh token is an httpOnly cookie on `/graphql` that no script can read, sent by the browser to the gateway,
 * which hands it to membership. A page load starts with `refresh()`: if the cookie holds a session, it continues.
 */
export class SessionStore {
  private token: string | null = null;
  private expiresAt = 0;
  private state: SessionState = { status: 'starting', member: null };
  private readonly listeners = new Set<() => void>();
  private inflight: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly endpoint = '/graphql',
    private readonly fetcher: Fetch = (...args) => fetch(...args),
    private readonly now: () => number = () => Date.now(),
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionState => this.state;

  get accessToken(): string | null {
    return this.token;
  }

  /** Called with the payload of `login`, `register` or `refreshSession`. */
  signedIn(payload: SessionPayload): void {
    this.token = payload.token;
    this.expiresAt = Date.parse(payload.tokenExpiresAt);
    this.setState({ status: 'signedIn', member: payload.member });
    this.schedule();
  }

  signedOut(): void {
    this.token = null;
    this.expiresAt = 0;
    clearTimeout(this.timer);
    this.setState({ status: 'signedOut', member: null });
  }

  /** A token good for the next request: refreshes first when it is about to expire. */
  async freshToken(): Promise<string | null> {
    if (this.token && this.expiresAt - this.now() < 10_000) await this.refresh();
    return this.token;
  }

  /**
   * Swaps the refresh cookie for a new access token. Concurrent calls in this tab share one request, and tabs take
   * turns (Web Locks), so two tabs never present the same refresh token: a reused one ends the session.
   */
  refresh(): Promise<boolean> {
    this.inflight ??= this.withLock(() => this.requestRefresh()).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async withLock<T>(work: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    return locks ? locks.request(REFRESH_LOCK, work) : work();
  }

  private async requestRefresh(): Promise<boolean> {
    try {
      const response = await this.fetcher(this.endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ operationName: 'RefreshSession', query: REFRESH_SESSION_QUERY }),
      });
      const body = (await response.json()) as { data?: { refreshSession?: SessionPayload } | null };
      const payload = body.data?.refreshSession;
      if (payload) {
        this.signedIn(payload);
        return true;
      }
    } catch {
      // offline or the gateway is away: treated as signed out; signing in again works once it is back
    }
    this.signedOut();
    return false;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const delay = Math.max(5_000, this.expiresAt - this.now() - REFRESH_AHEAD_MS);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private setState(next: SessionState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

export const session = new SessionStore();
