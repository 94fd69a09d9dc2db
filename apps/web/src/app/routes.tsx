import { lazy, Suspense } from 'react';
import { matchRoutes, type RouteObject } from 'react-router';
import type { AppRoute } from './route-table';
import { Guard } from './guard';
import { PageLoading } from './page-loading';
import { Layout } from './layout';
import { RouteError } from './route-error';
import { navMessages } from './messages';
import { accountRoutes } from '../features/account/routes';
import { communityRoutes } from '../features/community/routes';
import { dashboardRoutes } from '../features/dashboard/routes';
import { fundingRoutes } from '../features/funding/routes';
import { mastermindRoutes } from '../features/mastermind/routes';
import { workshopRoutes } from '../features/workshops/routes';
import { administrationRoutes } from '../features/administration/routes';
import { confirmationRoutes } from '../features/confirmations/routes';
import { appApollo, type ApolloSource } from '../session/apollo-client';
import { WithApollo } from './with-apollo';

export const ROUTES: AppRoute[] = [
  { path: '/', load: () => import('../features/home/home-page'), access: 'public', graphql: false },
  { path: '/sign-in', load: () => import('../features/auth/sign-in-page'), access: 'guest' },
  { path: '/register', load: () => import('../features/auth/register-page'), access: 'guest' },
  {
    path: '/profile',
    load: () => import('../features/profile/profile-page'),
    access: 'member',
    nav: { label: navMessages.profile, group: 'you' },
  },
  {
    path: '/demographics',
    load: () => import('../features/demographics/demographics-page'),
    access: 'member',
    nav: { label: navMessages.demographics, group: 'you' },
  },
  {
    path: '/competitions',
    load: () => import('../features/competitions/competitions-page'),
    access: 'member',
    nav: { label: navMessages.competitions, group: 'apply' },
  },
  {
    path: '/competitions/:id',
    load: () => import('../features/competitions/competition-page'),
    access: 'member',
  },
  {
    path: '/proposals',
    load: () => import('../features/proposals/my-proposals-page'),
    access: 'member',
    nav: { label: navMessages.proposals, group: 'apply' },
  },
  { path: '/proposals/new', load: () => import('../features/proposals/new-proposal-page'), access: 'member' },
  { path: '/proposals/:id', load: () => import('../features/proposals/proposal-page'), access: 'member' },
  {
    path: '/judging',
    load: () => import('../features/judging/assignments-page'),
    access: 'member',
    roles: ['JUDGE'],
    nav: { label: navMessages.judging, group: 'judge' },
  },
  {
    path: '/judging/:proposalId',
    load: () => import('../features/judging/score-entry-page'),
    access: 'member',
    roles: ['JUDGE'],
  },
  {
    path: '/mentoring',
    load: () => import('../features/mentoring/mentoring-page'),
    access: 'member',
    nav: { label: navMessages.mentoring, group: 'mentoring' },
  },
  { path: '/mentoring/:id', load: () => import('../features/mentoring/relationship-page'), access: 'member' },
  {
    path: '/admin/competitions',
    load: () => import('../features/admin/admin-competitions-page'),
    access: 'member',
    roles: ['ADMIN'],
    nav: { label: navMessages.adminCompetitions, group: 'admin' },
  },
  {
    path: '/admin/competitions/:id',
    load: () => import('../features/admin/admin-competition-page'),
    access: 'member',
    roles: ['ADMIN'],
  },
  ...accountRoutes,
  ...communityRoutes,
  ...dashboardRoutes,
  ...fundingRoutes,
  ...mastermindRoutes,
  ...workshopRoutes,
  ...administrationRoutes,
  ...confirmationRoutes,
];

/**
 * The route table as react-router routes: one lazy chunk, guard and error boundary per page, and Apollo Client's
 * provider around each page that asks GraphQL anything.
 */
export function routerRoutes(routes: AppRoute[] = ROUTES, apollo: ApolloSource = appApollo): RouteObject[] {
  return [
    {
      element: <Layout routes={routes} />,
      errorElement: <RouteError />,
      children: [
        ...routes.map((route) => {
          const Page = lazy(pageLoader(route, apollo));
          return {
            path: route.path,
            errorElement: <RouteError />,
            element: (
              <Guard access={route.access} roles={route.roles}>
                <Suspense fallback={<PageLoading />}>
                  {route.graphql === false ? (
                    <Page />
                  ) : (
                    <WithApollo source={apollo}>
                      <Page />
                    </WithApollo>
                  )}
                </Suspense>
              </Guard>
            ),
          };
        }),
        { path: '*', element: <RouteError notFound /> },
      ],
    },
  ];
}

type PageModule = Awaited<ReturnType<AppRoute['load']>>;

/**
 * A page's module, and Apollo Client beside it (two chunks side by side) unless the page asks GraphQL nothing: once
 * it resolves, `WithApollo` has the client and does not suspend.
 */
function loadPage(route: AppRoute, apollo: ApolloSource): Promise<PageModule> {
  if (route.graphql === false) return route.load();
  return Promise.all([route.load(), apollo.load()]).then(([page]) => page);
}

/** Page modules loaded by `preloadRoute`: their first render does not suspend. */
const loadedPages = new WeakMap<AppRoute, PageModule>();

/**
 * What React's `lazy()` loads a page with: a page already loaded comes back through a thenable that calls back at
 * once, so `lazy()` has the component on the first render and nothing suspends (no loading fallback, no React
 * waiting to reveal the page); any other page through its `load` (and Apollo Client's, `loadPage`).
 */
export function pageLoader(route: AppRoute, apollo: ApolloSource = appApollo): () => Promise<PageModule> {
  return () => {
    const loaded = loadedPages.get(route);
    if (!loaded) return loadPage(route, apollo);
    const thenable: PromiseLike<PageModule> = {
      then: (onfulfilled) => {
        onfulfilled?.(loaded);
        return thenable as never;
      },
    };
    // lazy() is typed for a Promise but only calls `then` (react's lazyInitializer); a Promise calls back later
    return thenable as Promise<PageModule>;
  };
}

/**
 * Loads the chunk of the page at `pathname` (nothing for a path no page has), with Apollo Client's unless the page
 * asks GraphQL nothing, and keeps the module for its first
 * render (`pageLoader`). Without it the router asks for the chunk only when it renders the route, after the entry
 * chunk has run and React has rendered the layout, and the page shows a loading fallback until React reveals it.
 * Resolves once the chunk is loaded, or failed: a failure is left for the router to show when it loads the page.
 */
export async function preloadRoute(
  pathname: string,
  routes: readonly AppRoute[] = ROUTES,
  apollo: ApolloSource = appApollo,
): Promise<void> {
  const matched = matchRoutes(
    routes.map((route) => ({ path: route.path })),
    pathname,
  )?.[0]?.route.path;
  const route = routes.find((candidate) => candidate.path === matched);
  if (!route) return;
  try {
    loadedPages.set(route, await loadPage(route, apollo));
  } catch {
    // the router loads it again and shows the error
  }
}
