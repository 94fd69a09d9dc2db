import { GraphQLRequestError, graphqlRequest as graphql } from '../graphql-client';

/** The demo's names for the shared client (tools/graphql-client.ts), which the benchmarks use too. */
export { GraphQLRequestError as DemoRequestError, graphql };
export type { GraphQLErrorShape } from '../graphql-client';

const AUTH_FIELDS = 'token tokenExpiresAt refreshToken member { id }';
const REFRESH = `mutation Refresh($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken, refreshTokenInBody: true) { ${AUTH_FIELDS} }
}`;

export interface AuthPayload {
  token: string;
  tokenExpiresAt: string;
  refreshToken: string | null;
  member: { id: string };
}

/**
 * One signed-in account: access tokens last minutes and a demo run can take longer, so the session refreshes
 * itself (refresh tokens rotate at every use) before a token would expire.
 */
export class DemoSession {
  readonly memberId: string;
  private token: string;
  private expiresAt: number;
  private refreshToken: string | null;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly url: string,
    auth: AuthPayload,
  ) {
    this.memberId = auth.member.id;
    this.token = auth.token;
    this.expiresAt = Date.parse(auth.tokenExpiresAt);
    this.refreshToken = auth.refreshToken;
  }

  static fields = AUTH_FIELDS;

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    return graphql<T>(this.url, query, variables, await this.bearer());
  }

  /** A token good for the next call (refreshed as it nears expiry), for calls outside GraphQL. */
  async bearer(): Promise<string> {
    if (this.expiresAt - Date.now() < 30_000) await this.refresh();
    return this.token;
  }

  private async refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      if (!this.refreshToken) throw new Error('the session expired and has no refresh token');
      const { refreshSession } = await graphql<{ refreshSession: AuthPayload }>(this.url, REFRESH, {
        refreshToken: this.refreshToken,
      });
      this.token = refreshSession.token;
      this.expiresAt = Date.parse(refreshSession.tokenExpiresAt);
      this.refreshToken = refreshSession.refreshToken;
    })().finally(() => {
      this.refreshing = null;
    });
    await this.refreshing;
  }
}

/** Runs `work` over `items` with at most `limit` at a time, in order of start; the first failure rejects. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Retries `attempt` until it resolves (e.g. while a member is on its way to another service's replica). */
export async function eventually<T>(
  description: string,
  attempt: () => Promise<T>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`${description}: still failing after ${timeoutMs / 1000} s: ${String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 1000);
    }
  }
}
