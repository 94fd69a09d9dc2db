import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, CombinedGraphQLErrors } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { from, mergeMap } from 'rxjs';
import { keepLoadedPages } from '../lib/loaded-pages';
import type { SessionStore } from './session-store';

/** Operations that run without (or to obtain) an access token: never retried after a refresh. */
const SESSION_OPERATIONS = new Set(['Login', 'Register', 'RefreshSession', 'Logout']);

/**
 * Apollo Client on the gateway's `/graphql` (same origin, so the refresh cookie stays `SameSite=Strict`). Each
 * request carries the in-memory access token; a request refused as UNAUTHENTICATED (token expired while the
 * laptop slept, or the session was ended elsewhere) refreshes once and is retried; if that fails, the person is
 * signed out.
 */
export function createApolloClient(session: SessionStore, uri = '/graphql'): ApolloClient {
  const auth = new SetContextLink(async (context) => {
    const token = await session.freshToken();
    return token ? { headers: { ...context.headers, authorization: `Bearer ${token}` } } : {};
  });
  const retryOnExpiry = new ErrorLink(({ error, operation, forward }) => {
    const unauthenticated =
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((item) => item.extensions?.code === 'UNAUTHENTICATED');
    if (!unauthenticated || SESSION_OPERATIONS.has(operation.operationName ?? '')) return;
    if (operation.getContext().retriedAfterRefresh) {
      session.signedOut();
      return;
    }
    return from(session.refresh()).pipe(
      mergeMap((refreshed) => {
        operation.setContext({ retriedAfterRefresh: true });
        if (!refreshed) throw error;
        // the auth link below sets the new token
        return forward(operation);
      }),
    );
  });
  return new ApolloClient({
    // a paged list fetched again keeps the pages shown (keepLoadedPages), each page with the token's retry
    link: ApolloLink.from([
      keepLoadedPages,
      retryOnExpiry,
      auth,
      new HttpLink({ uri, credentials: 'same-origin' }),
    ]),
    cache: new InMemoryCache({
      // a judge's assignment has no id of its own: the entry names it (one per proposal for the judge signed
      // in), so the scores a judge saves update the entry they reopen, instead of a copy without them
      typePolicies: { JudgeAssignment: { keyFields: ['proposalId'] } },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
