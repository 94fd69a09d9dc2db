import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import type { AppRoute } from './route-table';
import { Guard } from './guard';
import { PageLoading } from './page-loading';
import { Layout } from './layout';
import { RouteError } from './route-error';
import { navMessages } from './messages';

export const ROUTES: AppRoute[] = [
  { path: '/', load: () => import('../features/home/home-page'), access: 'public' },
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
];

/** The route table as react-router routes: one lazy chunk, guard and error boundary per page. */
export function routerRoutes(routes: AppRoute[] = ROUTES): RouteObject[] {
  return [
    {
      element: <Layout routes={routes} />,
      errorElement: <RouteError />,
      children: [
        ...routes.map((route) => {
          const Page = lazy(route.load);
          return {
            path: route.path,
            errorElement: <RouteError />,
            element: (
              <Guard access={route.access} roles={route.roles}>
                <Suspense fallback={<PageLoading />}>
                  <Page />
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
