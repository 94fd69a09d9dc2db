import '@mantine/core/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { RouterProvider, createBrowserRouter } from 'react-router';
import { appApollo } from '../session/apollo-client';
import { SessionProvider } from '../session/session-context';
import { session } from '../session/session-store';
import { routerRoutes } from './routes';
import { cssVariablesResolver, theme } from './theme';

const AppNotifications = lazy(() => import('./notifications'));

export function App() {
  const router = useMemo(() => createBrowserRouter(routerRoutes()), []);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Suspense fallback={null}>
        <AppNotifications />
      </Suspense>
      {/* Apollo Client is loaded with the first page that needs it, which it wraps (routes.tsx) */}
      <SessionProvider store={session} apollo={appApollo}>
        <RouterProvider router={router} />
      </SessionProvider>
    </MantineProvider>
  );
}
