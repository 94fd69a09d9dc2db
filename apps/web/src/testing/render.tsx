import { MantineProvider } from '@mantine/core';
import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { SessionProvider } from '../session/session-context';
import { SessionStore, type SessionMember } from '../session/session-store';
import { theme } from '../app/theme';

/**
 * Renders a page with the app's providers, GraphQL answered by `mocks`, and a signed-out session (or `member`'s,
 * signed in before the first render).
 */
export function renderPage(ui: ReactNode, mocks: MockedProviderProps['mocks'] = [], member?: SessionMember) {
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
        <MockedProvider mocks={mocks}>
          <SessionProvider store={store}>
            <MemoryRouter>{ui}</MemoryRouter>
          </SessionProvider>
        </MockedProvider>
      </MantineProvider>,
    ),
  };
}
