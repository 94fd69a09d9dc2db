import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { RouterProvider, createBrowserRouter } from 'react-router';
import { createApolloClient } from '../session/apollo';
import { SessionProvider } from '../session/session-context';
import { session } from '../session/session-store';
import { routerRoutes } from './routes';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  const client = useMemo(() => createApolloClient(session), []);
  const router = useMemo(() => createBrowserRouter(routerRoutes()), []);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      <ApolloProvider client={client}>
        <SessionProvider store={session}>
          <RouterProvider router={router} />
        </SessionProvider>
      </ApolloProvider>
    </MantineProvider>
  );
}
