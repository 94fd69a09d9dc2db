import { MantineProvider } from '@mantine/core';
import { useApolloClient } from '@apollo/client/react';
import { ApolloLink } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import { useMemo, type ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { ApolloSource } from '../session/apollo-client';
import { SessionProvider } from '../session/session-context';
import { SessionStore, type SessionMember } from '../session/session-store';
import { theme } from '../app/theme';
import { keepLoadedPages } from '../lib/loaded-pages';

/**
 * Renders a page with the app's providers, GraphQL answered by `mocks`, and a signed-out session (or `member`'s,
 * signed in before the first render), at the address `at` (for a page reading its route's parameters). The links
 * before the network are the app's (a paged list fetched again keeps its pages).
 */
export function renderPage(
  ui: ReactNode,
  mocks: MockedProviderProps['mocks'] = [],
  member?: SessionMember,
  at = '/',
) {
  const store = new SessionStore('/graphql', () => Promise.reject(new TypeError('no network in tests')));
  if (member)
    store.signedIn({
      token: 'test-token',
      tokenExpiresAt: new Date(Date.now() + 300_000).toISOString(),
      member,
    });
  else store.signedOut();
  return {
    store,
    ...render(
      <MantineProvider theme={theme} env="test">
        <MockedProvider link={ApolloLink.from([keepLoadedPages, new MockLink(mocks ?? [])])}>
          <MockedSession store={store}>
            <MemoryRouter initialEntries={[at]}>{ui}</MemoryRouter>
          </MockedSession>
        </MockedProvider>
      </MantineProvider>,
    ),
  };
}

/** The session with its mutations answered by MockedProvider's client (the app loads its own, apollo-client.ts). */
function MockedSession({ store, children }: { store: SessionStore; children: ReactNode }) {
  const client = useApolloClient();
  const apollo = useMemo<ApolloSource>(
    () => ({ load: async () => client, ifLoaded: () => client }),
    [client],
  );
  return (
    <SessionProvider store={store} apollo={apollo}>
      {children}
    </SessionProvider>
  );
}
