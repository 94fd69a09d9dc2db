import { MantineProvider } from '@mantine/core';
import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { SessionProvider } from '../session/session-context';
import { SessionStore } from '../session/session-store';
import { theme } from '../app/theme';

/** Renders a page with the app's providers, GraphQL answered by `mocks`, and a signed-out session. */
export function renderPage(ui: ReactNode, mocks: MockedProviderProps['mocks'] = []) {
  const store = new SessionStore('/graphql', () => Promise.reject(new TypeError('no network in tests')));
  store.signedOut();
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
